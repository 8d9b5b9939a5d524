package dev.sigil.internal.tokens;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded map from a token's SHA-256 digest to an immutable value, for a verified-token cache.
 * Bounded twice: by the number of entries and by their total cost (the caller's estimate of each
 * value's bytes). When a put would exceed either bound, the oldest-inserted entries go first
 * (FIFO): cheap to keep, and a cache of short-lived tokens gains little from recency.
 *
 * <p>{@link #get} and {@link #remove} never lock, so a verifier under load does not queue behind
 * writers; puts and {@link #clear()} take one {@link ReentrantLock} (not {@code synchronized},
 * which pins a virtual thread to its carrier). Entries and bytes stay within their bounds at every
 * moment, except for the instant between a concurrent removal taking an entry out of the map and
 * subtracting its share; the counts are maintained by whoever removes an entry, exactly once.
 *
 * @param <V> the cached value, immutable
 */
public final class TokenStore<V> {

    /**
     * A token's SHA-256 digest as four longs: equality and hashing without an array, and no trace
     * of the token itself.
     */
    public static final class Key implements Comparable<Key> {

        private final long w0;
        private final long w1;
        private final long w2;
        private final long w3;

        private Key(long w0, long w1, long w2, long w3) {
            this.w0 = w0;
            this.w1 = w1;
            this.w2 = w2;
            this.w3 = w3;
        }

        /**
         * The key for a 32-byte SHA-256 digest; the array is read, not kept.
         *
         * @throws IllegalArgumentException if {@code sha256} is not 32 bytes long
         */
        public static Key of(byte[] sha256) {
            if (Objects.requireNonNull(sha256, "sha256").length != 32) {
                throw new IllegalArgumentException("a token key is a 32-byte SHA-256 digest, got " + sha256.length
                        + " bytes");
            }
            return new Key(word(sha256, 0), word(sha256, 8), word(sha256, 16), word(sha256, 24));
        }

        private static long word(byte[] bytes, int from) {
            long value = 0;
            for (int i = from; i < from + 8; i++) {
                value = value << 8 | (bytes[i] & 0xff);
            }
            return value;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && w0 == other.w0 && w1 == other.w1 && w2 == other.w2 && w3 == other.w3;
        }

        @Override
        public int hashCode() {
            // The digest's bits are uniform already; mixing more of them would buy nothing.
            return Long.hashCode(w0);
        }

        /**
         * Orders keys by their digests. {@link ConcurrentHashMap} turns a crowded bin into a tree only
         * for comparable keys, so many digests that share a bin cannot make lookups linear.
         */
        @Override
        public int compareTo(Key other) {
            int c = Long.compareUnsigned(w0, other.w0);
            if (c == 0) {
                c = Long.compareUnsigned(w1, other.w1);
            }
            if (c == 0) {
                c = Long.compareUnsigned(w2, other.w2);
            }
            return c != 0 ? c : Long.compareUnsigned(w3, other.w3);
        }

        @Override
        public String toString() {
            return "Key[" + String.format("%016x", w0) + "...]";
        }
    }

    /**
     * The counters and sizes of a store, each read on its own: under concurrent use they need not
     * add up at one instant.
     *
     * @param hits gets that returned a value
     * @param misses gets that returned {@code null}, expired entries included
     * @param evictions entries removed to respect a bound
     * @param expirations expired entries removed by a get
     * @param invalidations entries removed by {@link TokenStore#remove}
     * @param entries entries held
     * @param bytes the total cost of the entries held
     */
    public record Stats(long hits, long misses, long evictions, long expirations, long invalidations, int entries,
            long bytes) {
    }

    /** One mapping; compared by identity, so a queued entry is live exactly while the map holds it. */
    private static final class Entry<V> {
        final Key key;
        final V value;
        final long expiresAtMillis;
        final int cost;

        Entry(Key key, V value, long expiresAtMillis, int cost) {
            this.key = key;
            this.value = value;
            this.expiresAtMillis = expiresAtMillis;
            this.cost = cost;
        }
    }

    private final int maxEntries;
    private final long maxBytes;
    private final ConcurrentHashMap<Key, Entry<V>> map = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    /** Entries in insertion order, guarded by {@link #lock}; may hold entries already removed. */
    private final ArrayDeque<Entry<V>> order = new ArrayDeque<>();
    // Own counts rather than map.size(): ConcurrentHashMap's size is not exact while others remove.
    private final AtomicInteger entries = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final LongAdder expirations = new LongAdder();
    private final LongAdder invalidations = new LongAdder();

    /**
     * An empty store.
     *
     * @param maxEntries the most entries held, at least 1
     * @param maxBytes the most total cost held, at least 1
     * @throws IllegalArgumentException if a bound is below 1
     */
    public TokenStore(int maxEntries, long maxBytes) {
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("a token store needs room for at least one entry and one byte");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /**
     * The value for {@code key} if it is held and {@code nowMillis} is before its expiry, else
     * {@code null}. Every call counts as one hit or one miss; an expired entry is also removed and
     * counted as an expiration. Never locks.
     */
    public V get(Key key, long nowMillis) {
        Entry<V> entry = map.get(key);
        if (entry != null) {
            if (nowMillis < entry.expiresAtMillis) {
                hits.increment();
                return entry.value;
            }
            // Only the get whose removal succeeds counts it: a racing get, remove or put got there first.
            if (map.remove(key, entry)) {
                released(entry);
                expirations.increment();
            }
        }
        misses.increment();
        return null;
    }

    /**
     * Maps {@code key} to {@code value} until {@code expiresAtMillis}, replacing any value it had,
     * then evicts the oldest-inserted entries until both bounds hold. An entry whose cost alone
     * exceeds the byte bound is not stored, and the store is left as it was.
     *
     * @param cost the value's size in bytes as the caller estimates it, at least 0
     * @throws IllegalArgumentException if {@code cost} is negative
     */
    public void put(Key key, V value, long expiresAtMillis, int cost) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (cost < 0) {
            throw new IllegalArgumentException("cost must not be negative, got " + cost);
        }
        if (cost > maxBytes) {
            return;
        }
        Entry<V> entry = new Entry<>(key, value, expiresAtMillis, cost);
        lock.lock();
        try {
            // Removing first, rather than replacing in place, lets room be made before the new entry
            // counts, so the bounds hold throughout; a get in between sees a miss, which is harmless.
            Entry<V> previous = map.remove(key);
            if (previous != null) {
                released(previous);
            }
            while (entries.get() + 1 > maxEntries || bytes.get() + cost > maxBytes) {
                Entry<V> oldest = order.poll();
                if (oldest == null) {
                    // Every queued entry is gone and a concurrent removal has yet to subtract its share.
                    break;
                }
                if (map.remove(oldest.key, oldest)) {
                    released(oldest);
                    evictions.increment();
                }
            }
            // Counted before it is visible, so that whoever removes it never drives a count below zero.
            entries.incrementAndGet();
            bytes.addAndGet(cost);
            map.put(key, entry);
            order.add(entry);
            // Lock-free removals and replacements leave dead entries behind in the queue; without this
            // it would grow with every put/remove cycle of the same key.
            if (order.size() > 2L * maxEntries) {
                order.removeIf(queued -> map.get(queued.key) != queued);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes {@code key}'s entry if its value is still {@code expected} (the same object, as
     * {@link #get} returned it), counting an invalidation; a newer value put since is kept. Never locks.
     */
    public void remove(Key key, V expected) {
        Entry<V> entry = map.get(key);
        if (entry != null && entry.value == expected && map.remove(key, entry)) {
            released(entry);
            invalidations.increment();
        }
    }

    /** Removes every entry, counting none of them; the counters keep their values. */
    public void clear() {
        lock.lock();
        try {
            for (Entry<V> entry : map.values()) {
                if (map.remove(entry.key, entry)) {
                    released(entry);
                }
            }
            order.clear();
        } finally {
            lock.unlock();
        }
    }

    /** The counters and sizes, read now. */
    public Stats stats() {
        return new Stats(hits.sum(), misses.sum(), evictions.sum(), expirations.sum(), invalidations.sum(),
                entries.get(), bytes.get());
    }

    /** The insertion queue's length, dead entries included: what compaction keeps bounded. */
    int queueLength() {
        lock.lock();
        try {
            return order.size();
        } finally {
            lock.unlock();
        }
    }

    /** Takes a removed entry out of the counts; called once per entry, by whoever removed it. */
    private void released(Entry<V> entry) {
        bytes.addAndGet(-entry.cost);
        entries.decrementAndGet();
    }
}
