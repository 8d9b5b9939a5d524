package dev.sigil.internal.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TokenStoreTest {

    private static final long LATER = 1_000_000L;

    /** A value the tests can tell apart by identity even when its contents are equal. */
    private record Value(String name, int cost) {
    }

    @Test
    void countsHitsAndMisses() {
        TokenStore<Value> store = new TokenStore<>(10, 1000);
        Value a = new Value("a", 10);
        store.put(key(1), a, LATER, 10);

        assertSame(a, store.get(key(1), 0));
        assertNull(store.get(key(2), 0));
        assertSame(a, store.get(key(1), 0));

        assertEquals(new TokenStore.Stats(2, 1, 0, 0, 0, 1, 10), store.stats());
    }

    @Test
    void anEntryExpiresAtExactlyItsExpiryAndIsRemovedOnce() {
        TokenStore<Value> store = new TokenStore<>(10, 1000);
        Value a = new Value("a", 10);
        store.put(key(1), a, 1000, 10);

        assertSame(a, store.get(key(1), 999));
        assertNull(store.get(key(1), 1000));
        assertEquals(new TokenStore.Stats(1, 1, 0, 1, 0, 0, 0), store.stats());

        // Gone, not just hidden: an earlier clock does not bring it back, and it expires only once.
        assertNull(store.get(key(1), 999));
        assertEquals(new TokenStore.Stats(1, 2, 0, 1, 0, 0, 0), store.stats());
    }

    @Test
    void evictsTheOldestInsertedEntryWhenFull() {
        TokenStore<Value> store = new TokenStore<>(3, 1000);
        store.put(key(1), new Value("1", 1), LATER, 1);
        store.put(key(2), new Value("2", 1), LATER, 1);
        store.put(key(3), new Value("3", 1), LATER, 1);
        // A read does not protect an entry: eviction is by insertion, not by use.
        store.get(key(1), 0);

        store.put(key(4), new Value("4", 1), LATER, 1);
        assertNull(store.get(key(1), 0));
        assertEquals(1, store.stats().evictions());

        // Putting key 2 again makes it the newest, so key 3 is the oldest now.
        store.put(key(2), new Value("2 again", 1), LATER, 1);
        store.put(key(5), new Value("5", 1), LATER, 1);
        assertNull(store.get(key(3), 0));
        assertEquals("2 again", store.get(key(2), 0).name());
        assertEquals("4", store.get(key(4), 0).name());
        assertEquals("5", store.get(key(5), 0).name());
        TokenStore.Stats stats = store.stats();
        assertEquals(2, stats.evictions());
        assertEquals(3, stats.entries());
        assertEquals(3, stats.bytes());
    }

    @Test
    void evictsTheOldestInsertedEntriesUntilTheBytesFit() {
        TokenStore<Value> store = new TokenStore<>(100, 100);
        store.put(key(1), new Value("1", 40), LATER, 40);
        store.put(key(2), new Value("2", 40), LATER, 40);
        store.put(key(3), new Value("3", 30), LATER, 30);

        assertNull(store.get(key(1), 0));
        assertEquals("2", store.get(key(2), 0).name());
        assertEquals(2, store.stats().entries());
        assertEquals(70, store.stats().bytes());

        store.put(key(4), new Value("4", 100), LATER, 100);
        assertNull(store.get(key(2), 0));
        assertNull(store.get(key(3), 0));
        TokenStore.Stats stats = store.stats();
        assertEquals(3, stats.evictions());
        assertEquals(1, stats.entries());
        assertEquals(100, stats.bytes());
    }

    @Test
    void anEntryCostingMoreThanTheByteBoundIsNotStoredAndLeavesTheStoreAsItWas() {
        TokenStore<Value> store = new TokenStore<>(10, 100);
        Value kept = new Value("kept", 60);
        store.put(key(1), kept, LATER, 60);

        store.put(key(2), new Value("huge", 101), LATER, 101);
        store.put(key(1), new Value("huge", 101), LATER, 101);

        assertNull(store.get(key(2), 0));
        assertSame(kept, store.get(key(1), 0));
        assertEquals(new TokenStore.Stats(1, 1, 0, 0, 0, 1, 60), store.stats());
    }

    @Test
    void replacingAValueCountsOnlyTheNewOne() {
        TokenStore<Value> store = new TokenStore<>(10, 100);
        store.put(key(1), new Value("old", 10), LATER, 10);
        Value fresh = new Value("new", 25);
        store.put(key(1), fresh, 5, 25);

        assertSame(fresh, store.get(key(1), 4));
        assertEquals(new TokenStore.Stats(1, 0, 0, 0, 0, 1, 25), store.stats());
        // The new expiry holds, not the old one.
        assertNull(store.get(key(1), 5));
    }

    @Test
    void removesOnlyTheValueItWasGiven() {
        TokenStore<Value> store = new TokenStore<>(10, 100);
        Value first = new Value("v", 10);
        store.put(key(1), first, LATER, 10);

        // Equal contents are not the same value: the store removes the object it handed out.
        store.remove(key(1), new Value("v", 10));
        assertSame(first, store.get(key(1), 0));
        assertEquals(0, store.stats().invalidations());

        store.remove(key(1), first);
        assertNull(store.get(key(1), 0));
        assertEquals(1, store.stats().invalidations());

        // A caller holding a value that has since been replaced must not remove the newer one.
        Value second = new Value("w", 10);
        store.put(key(1), second, LATER, 10);
        store.remove(key(1), first);
        assertSame(second, store.get(key(1), 0));
        store.remove(key(2), second);
        assertEquals(new TokenStore.Stats(2, 1, 0, 0, 1, 1, 10), store.stats());
    }

    @Test
    void clearEmptiesTheStoreAndItsQueueButKeepsTheCounters() {
        TokenStore<Value> store = new TokenStore<>(10, 100);
        store.put(key(1), new Value("1", 10), LATER, 10);
        store.put(key(2), new Value("2", 10), LATER, 10);
        store.get(key(1), 0);

        store.clear();

        assertEquals(0, store.queueLength());
        assertNull(store.get(key(2), 0));
        assertEquals(new TokenStore.Stats(1, 1, 0, 0, 0, 0, 0), store.stats());
        store.put(key(3), new Value("3", 10), LATER, 10);
        assertEquals(1, store.stats().entries());
    }

    @Test
    void theInsertionQueueStaysBoundedUnderPutAndRemoveCyclesOfTheSameKeys() {
        int maxEntries = 4;
        TokenStore<Value> store = new TokenStore<>(maxEntries, 1000);
        int longest = 0;
        for (int i = 0; i < 100_000; i++) {
            TokenStore.Key key = key(i % 3);
            Value value = new Value("v" + i, 1);
            store.put(key, value, LATER, 1);
            store.remove(key, value);
            longest = Math.max(longest, store.queueLength());
        }
        assertTrue(longest <= 2 * maxEntries + 1, "queue grew to " + longest);
        assertEquals(new TokenStore.Stats(0, 0, 0, 0, 100_000, 0, 0), store.stats());
    }

    @Test
    void theInsertionQueueStaysBoundedUnderReplacementsOfTheSameKeys() {
        int maxEntries = 4;
        TokenStore<Value> store = new TokenStore<>(maxEntries, 1000);
        int longest = 0;
        for (int i = 0; i < 100_000; i++) {
            store.put(key(i % 3), new Value("v" + i, 1), LATER, 1);
            longest = Math.max(longest, store.queueLength());
        }
        assertTrue(longest <= 2 * maxEntries + 1, "queue grew to " + longest);
        // Replacements are neither evictions nor invalidations.
        assertEquals(new TokenStore.Stats(0, 0, 0, 0, 0, 3, 3), store.stats());
    }

    @Test
    void concurrentPutsGetsAndRemovesKeepTheBoundsAndTheCounts() throws Exception {
        int threads = 8;
        int operations = 20_000;
        int maxEntries = 64;
        // Wide enough that the bounds hold at every instant (see TokenStore's class comment): the
        // costs in flight in concurrent removals, at most 8 x 16, can never fill it on their own.
        long maxBytes = 500;
        TokenStore<Value> store = new TokenStore<>(maxEntries, maxBytes);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<String> outOfBounds = new AtomicReference<>();
        try {
            Future<?> monitor = pool.submit(() -> {
                while (running.get()) {
                    TokenStore.Stats stats = store.stats();
                    if (stats.entries() < 0 || stats.entries() > maxEntries || stats.bytes() < 0
                            || stats.bytes() > maxBytes) {
                        outOfBounds.compareAndSet(null, stats.toString());
                    }
                }
            });
            List<Future<long[]>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    start.await();
                    SplittableRandom random = new SplittableRandom(thread);
                    long puts = 0;
                    long gets = 0;
                    for (int i = 0; i < operations; i++) {
                        int cost = 1 + random.nextInt(16);
                        // One in ten expires as soon as the clock reaches it.
                        long expiresAt = i % 10 == 0 ? i + 1 : i + 1000;
                        store.put(key(thread, i), new Value(thread + "/" + i, cost), expiresAt, cost);
                        puts++;
                        Value own = store.get(key(thread, Math.max(0, i - random.nextInt(80))), i + 1);
                        gets++;
                        if (own != null && random.nextInt(8) == 0) {
                            store.remove(key(thread, Integer.parseInt(own.name().split("/")[1])), own);
                        }
                        store.get(key(random.nextInt(threads), random.nextInt(operations)), i);
                        gets++;
                    }
                    return new long[] {puts, gets};
                }));
            }
            start.countDown();
            long puts = 0;
            long gets = 0;
            for (Future<long[]> worker : workers) {
                long[] counts = worker.get(60, TimeUnit.SECONDS);
                puts += counts[0];
                gets += counts[1];
            }
            running.set(false);
            monitor.get(10, TimeUnit.SECONDS);

            assertNull(outOfBounds.get(), "bounds broken at some instant");
            TokenStore.Stats stats = store.stats();
            assertTrue(stats.entries() <= maxEntries, stats.toString());
            assertTrue(stats.bytes() <= maxBytes, stats.toString());
            assertEquals(gets, stats.hits() + stats.misses(), stats.toString());
            assertTrue(stats.hits() > 0 && stats.evictions() > 0 && stats.expirations() > 0
                    && stats.invalidations() > 0, stats.toString());
            // Every key was put once, so every entry is either still held or left in exactly one way.
            assertEquals(puts, stats.entries() + stats.evictions() + stats.expirations() + stats.invalidations(),
                    stats.toString());

            // The counts match what is really held: look every key up with a clock before all expiries.
            int held = 0;
            long heldBytes = 0;
            for (int t = 0; t < threads; t++) {
                for (int i = 0; i < operations; i++) {
                    Value value = store.get(key(t, i), Long.MIN_VALUE);
                    if (value != null) {
                        held++;
                        heldBytes += value.cost();
                    }
                }
            }
            assertEquals(stats.entries(), held);
            assertEquals(stats.bytes(), heldBytes);
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyIsTheDigestsContentsAndNeedsExactly32Bytes() {
        byte[] digest = digest(7, 9);
        TokenStore.Key key = TokenStore.Key.of(digest);
        digest[0] ^= 1;

        assertEquals(TokenStore.Key.of(digest(7, 9)), key);
        assertEquals(TokenStore.Key.of(digest(7, 9)).hashCode(), key.hashCode());
        assertNotEquals(TokenStore.Key.of(digest), key);
        assertEquals(0, key.compareTo(TokenStore.Key.of(digest(7, 9))));
        // Each of the four words counts.
        for (int offset = 0; offset < 32; offset += 8) {
            byte[] other = digest(7, 9);
            other[offset + 7] ^= 1;
            assertNotEquals(key, TokenStore.Key.of(other), "offset " + offset);
            assertNotEquals(0, key.compareTo(TokenStore.Key.of(other)), "offset " + offset);
        }
        assertThrows(IllegalArgumentException.class, () -> TokenStore.Key.of(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> TokenStore.Key.of(new byte[33]));
    }

    @Test
    void refusesBoundsBelowOneAndNegativeCosts() {
        assertThrows(IllegalArgumentException.class, () -> new TokenStore<Value>(0, 100));
        assertThrows(IllegalArgumentException.class, () -> new TokenStore<Value>(10, 0));
        TokenStore<Value> store = new TokenStore<>(10, 100);
        assertThrows(IllegalArgumentException.class, () -> store.put(key(1), new Value("v", 1), LATER, -1));
        assertEquals(0, store.stats().entries());
    }

    private static TokenStore.Key key(int n) {
        return TokenStore.Key.of(digest(n, 0));
    }

    private static TokenStore.Key key(int thread, int i) {
        return TokenStore.Key.of(digest(thread, i));
    }

    /** A stand-in for a SHA-256 digest: distinct for distinct arguments, with the same filler elsewhere. */
    private static byte[] digest(int a, int b) {
        byte[] digest = new byte[32];
        for (int i = 0; i < 32; i++) {
            digest[i] = (byte) (0x5a + i);
        }
        for (int i = 0; i < 4; i++) {
            digest[3 - i] = (byte) (a >>> (8 * i));
            digest[31 - i] = (byte) (b >>> (8 * i));
        }
        return digest;
    }
}
