package dev.sigil.backend.bouncycastle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.VerificationKey;
import dev.sigil.testkit.JwsSigner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The engine pool on its own (bound, no engine in two hands, a thrown engine dropped) and through
 * the backend (engines reused across threads, a key change re-initialises). Platform threads only:
 * the virtual-thread run is {@code VirtualThreadVerificationTest}, compiled for Java 21.
 */
class EnginePoolTest {

    private static final byte[] DATA = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9".getBytes(StandardCharsets.US_ASCII);

    private final BouncyCastleCryptoBackend backend = new BouncyCastleCryptoBackend();

    @Test
    void capacityIsRoundedUpToAPowerOfTwoAndCapped() {
        assertEquals(1, new EnginePool<>(Object::new, 1).capacity());
        assertEquals(4, new EnginePool<>(Object::new, 3).capacity());
        assertEquals(8, new EnginePool<>(Object::new, 8).capacity());
        assertEquals(64, new EnginePool<>(Object::new, 1000).capacity());
        assertThrows(IllegalArgumentException.class, () -> new EnginePool<>(Object::new, 0));
        assertTrue(new EnginePool<>(Object::new).capacity() >= 2);
    }

    @Test
    void aGivenEngineIsTakenAgainAndATakenOneIsNotHandedOutTwice() {
        EnginePool<Object> pool = new EnginePool<>(Object::new, 4);
        Object first = pool.take();
        Object second = pool.take();
        assertNotSame(first, second);
        pool.give(first);
        assertSame(first, pool.take());
        assertEquals(2, pool.created());
        assertEquals(0, pool.pooled());
    }

    @Test
    void beyondItsCapacityThePoolDropsEnginesInsteadOfGrowing() {
        EnginePool<Object> pool = new EnginePool<>(Object::new, 4);
        List<Object> burst = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            burst.add(pool.take());
        }
        assertEquals(100, pool.created());
        burst.forEach(pool::give);
        assertEquals(4, pool.pooled());
        // The four kept are reused: no new engine until they are all out again.
        for (int i = 0; i < 4; i++) {
            pool.take();
        }
        assertEquals(100, pool.created());
        pool.take();
        assertEquals(101, pool.created());
    }

    @Test
    void platformThreadsHammeringOnePoolNeverShareAnEngineAndStayWithinTheBound() throws Exception {
        EnginePool<AtomicInteger> pool = new EnginePool<>(AtomicInteger::new, 4);
        int threads = 16;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger sharedHands = new AtomicInteger();
        Set<AtomicInteger> seen = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(executor.submit(() -> {
                    start.await();
                    for (int i = 0; i < 20_000; i++) {
                        AtomicInteger engine = pool.take();
                        seen.add(engine);
                        // An engine is "in a hand" while its count is 1; two hands make it 2.
                        if (engine.incrementAndGet() != 1) {
                            sharedHands.incrementAndGet();
                        }
                        engine.decrementAndGet();
                        pool.give(engine);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            executor.shutdownNow();
        }
        assertEquals(0, sharedHands.get());
        assertTrue(pool.pooled() <= pool.capacity());
        // 320,000 calls: a ThreadLocal would have made 16 engines; the pool makes about as many as
        // calls run at once, and never one per call.
        assertTrue(pool.created() <= 16 * 20, () -> pool.created() + " engines created");
        assertEquals(pool.created(), seen.size());
    }

    @Test
    void anEngineWhoseCallThrewIsNotReused() throws Exception {
        JwsSigner signer = JwsSigner.withFreshKey(JwsAlgorithm.RS256);
        BcKey key = (BcKey) backend.importKey(signer.keyParameters());
        byte[] signature = signer.sign(DATA);
        AlgorithmVerifier<?> verifier = new VerifierTable().verifier(JwsAlgorithm.RS256);
        EnginePool<?> pool = verifier.enginesFor(key);
        // Straight at the verifier, a range past the end of the array makes the digest throw after
        // hashing part of it (EngineReuseTest): the engine is left with half a message.
        byte[] padded = Arrays.copyOf(DATA, DATA.length + 200);

        assertTrue(verifier.verify(key, DATA, 0, DATA.length, signature));
        assertEquals(1, pool.created());
        assertEquals(1, pool.pooled());
        assertThrows(RuntimeException.class, () -> verifier.verify(key, padded, 0, padded.length + 64, signature));
        assertEquals(0, pool.pooled(), "the engine that threw went back to the pool");
        assertTrue(verifier.verify(key, DATA, 0, DATA.length, signature));
        assertEquals(2, pool.created());
    }

    @Test
    void oneEngineServesTwoKeysInTurnAndSwitchesKeyEachTime() throws Exception {
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.RS256, JwsAlgorithm.ES256}) {
            JwsSigner a = JwsSigner.withFreshKey(alg);
            JwsSigner b = JwsSigner.withFreshKey(alg);
            VerificationKey keyA = backend.importKey(a.keyParameters());
            VerificationKey keyB = backend.importKey(b.keyParameters());
            byte[] byA = a.sign(DATA);
            byte[] byB = b.sign(DATA);
            for (int i = 0; i < 5; i++) {
                assertTrue(backend.verify(alg, keyA, DATA, 0, DATA.length, byA));
                assertFalse(backend.verify(alg, keyA, DATA, 0, DATA.length, byB));
                assertTrue(backend.verify(alg, keyB, DATA, 0, DATA.length, byB));
                assertFalse(backend.verify(alg, keyB, DATA, 0, DATA.length, byA));
            }
            EnginePool<?> pool = backend.enginesFor(alg, keyA);
            assertSame(pool, backend.enginesFor(alg, keyB));
            assertEquals(1, pool.created(), () -> alg + ": one thread, one call at a time: one engine for both keys");
        }
    }

    @Test
    void hmacEnginesArePooledPerKeyAndSharedByThreads() throws Exception {
        JwsSigner signer = JwsSigner.withFreshKey(JwsAlgorithm.HS256);
        VerificationKey key = backend.importKey(signer.keyParameters());
        JwsSigner other = JwsSigner.withFreshKey(JwsAlgorithm.HS256);
        VerificationKey otherKey = backend.importKey(other.keyParameters());
        byte[] mac = signer.sign(DATA);
        EnginePool<?> pool = backend.enginesFor(JwsAlgorithm.HS256, key);
        assertNotSame(pool, backend.enginesFor(JwsAlgorithm.HS256, otherKey));
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                results.add(executor.submit(() -> backend.verify(JwsAlgorithm.HS256, key, DATA, 0, DATA.length, mac)));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            executor.shutdownNow();
        }
        assertTrue(pool.created() <= 8, () -> pool.created() + " engines for 4 threads");
        assertTrue(pool.pooled() <= pool.capacity());
        assertFalse(backend.verify(JwsAlgorithm.HS256, otherKey, DATA, 0, DATA.length, mac));
    }
}
