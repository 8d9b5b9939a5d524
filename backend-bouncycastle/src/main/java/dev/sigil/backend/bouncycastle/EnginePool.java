package dev.sigil.backend.bouncycastle;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A fixed number of engines shared by every thread that verifies with one verifier (or, for HMAC,
 * one key), in place of one engine per thread.
 *
 * <p>Why not a {@link ThreadLocal}: a server that runs each request on its own virtual thread
 * (JDK 21+) would build a fresh engine, and initialise it for the key, on every request, then throw
 * it away with the thread. A pool keeps engines alive across threads of any kind, with the same code
 * on every thread ({@code Thread.isVirtual()} is not in Java 17).
 *
 * <p>Bounded: at most {@link #capacity()} engines wait here. A call that finds no engine creates a
 * throwaway one, and an engine returned to a full pool is dropped for the collector, so a burst of
 * threads costs garbage, never lasting memory. Lock-free: a slot is taken by a compare-and-set from
 * the engine to {@code null} and filled by one from {@code null} to an engine, so no thread ever
 * waits, and nothing here can pin a virtual thread to its carrier.
 *
 * <p>Each call starts at a slot chosen from its thread's id. A platform thread thus comes back to
 * the same slot and, unless another thread holds it, to the same engine, whose state is still in
 * its core's cache, as with a {@code ThreadLocal}; virtual threads, new for each request, spread over
 * the slots. Slots are {@link #STRIDE} references apart so that two cores never write to one
 * cache line.
 *
 * <p>Callers {@link #give} back only an engine whose call returned normally: a signer, digest or MAC
 * that threw may hold half a message, so that engine is simply not returned.
 *
 * <p>backend-jca has the same small class: core, the only module both backends share, has
 * no place for engine plumbing, and each backend's module exports nothing.
 */
final class EnginePool<E> {

    /**
     * References between two slots: 16 span 64 bytes even with compressed references, a cache line
     * on x86 and most ARM cores (Apple's 128-byte lines share one only between two neighbours).
     */
    private static final int STRIDE = 16;
    /** Enough for any machine: only calls running at the same moment hold an engine. */
    private static final int MAX_SLOTS = 64;

    private final AtomicReferenceArray<E> slots;
    private final int mask;
    private final Supplier<E> factory;
    /** Engines made by {@link #take} when no slot had one; read by tests, bumped only off the fast path. */
    private final AtomicInteger created = new AtomicInteger();

    /** A pool of {@link #defaultCapacity()} slots, empty until engines are given back. */
    EnginePool(Supplier<E> factory) {
        this(factory, defaultCapacity());
    }

    /** {@code capacity} is rounded up to a power of two, at most {@value #MAX_SLOTS}. */
    EnginePool(Supplier<E> factory, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        int slotCount = Integer.highestOneBit(2 * Math.min(capacity, MAX_SLOTS) - 1);
        // One stride more than the slots: slot 0 starts a stride in, away from the array's length
        // field, which every call reads and no call should have to fetch from another core's write.
        this.slots = new AtomicReferenceArray<>((slotCount + 1) * STRIDE);
        this.mask = slotCount - 1;
        this.factory = factory;
    }

    /**
     * Two slots per processor, rounded up to a power of two: room for the calls running at once,
     * and for platform threads descheduled in the middle of one, before any call has to make a
     * throwaway engine.
     */
    static int defaultCapacity() {
        return Math.max(1, Runtime.getRuntime().availableProcessors()) * 2;
    }

    /** A pooled engine, or a new one when every slot is empty. Never {@code null}. */
    E take() {
        int home = home();
        for (int i = 0; i <= mask; i++) {
            int index = index(home + i);
            // Read first: a compare-and-set on an empty slot would still claim its cache line.
            E engine = slots.get(index);
            if (engine != null && slots.compareAndSet(index, engine, null)) {
                return engine;
            }
        }
        created.incrementAndGet();
        return factory.get();
    }

    /** Returns an engine whose call returned normally; drops it if every slot is full. */
    void give(E engine) {
        int home = home();
        for (int i = 0; i <= mask; i++) {
            int index = index(home + i);
            if (slots.get(index) == null && slots.compareAndSet(index, null, engine)) {
                return;
            }
        }
    }

    /** The number of slots: no more engines than this are ever kept. */
    int capacity() {
        return mask + 1;
    }

    /** Engines waiting in the pool now; for tests. */
    int pooled() {
        int count = 0;
        for (int i = 0; i <= mask; i++) {
            if (slots.get(index(i)) != null) {
                count++;
            }
        }
        return count;
    }

    /** Engines created so far, pooled or thrown away; for tests. */
    int created() {
        return created.get();
    }

    /** Where the slot {@code n} (modulo the slot count) lives in the array. */
    private int index(int n) {
        return ((n & mask) + 1) * STRIDE;
    }

    /**
     * The slot a call starts from: the thread id, spread by Fibonacci hashing so that consecutive
     * ids land far apart. ({@code getId}: its successor {@code threadId} arrived in JDK 19.)
     */
    private static int home() {
        return (int) ((Thread.currentThread().getId() * 0x9E3779B97F4A7C15L) >>> 40);
    }
}
