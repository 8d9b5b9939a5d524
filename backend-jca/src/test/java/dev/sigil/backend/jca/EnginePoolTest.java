package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The engine pool on its own (bound, no engine in two hands, a thrown engine dropped) and through
 * the backend (engines reused across threads, a key change re-initialises). Platform threads only:
 * the virtual-thread run is {@code VirtualThreadVerificationTest}, compiled for Java 21.
 */
class EnginePoolTest {

    private static final byte[] DATA = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9".getBytes(StandardCharsets.US_ASCII);

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
        JcaCryptoBackend backend = new JcaCryptoBackend();
        KeyPair pair = TestKeys.Kind.ED25519.generate();
        VerificationKey key = backend.importKey(TestKeys.parameters(pair.getPublic()));
        byte[] signature = TestKeys.sign(JwsAlgorithm.EdDSA, pair.getPrivate(), DATA);
        byte[] sTooLarge = signature.clone();
        Arrays.fill(sTooLarge, 32, 64, (byte) 0xff);
        EnginePool<?> pool = backend.enginesFor(JwsAlgorithm.EdDSA, key);

        assertTrue(backend.verify(JwsAlgorithm.EdDSA, key, DATA, 0, DATA.length, signature));
        assertEquals(1, pool.created());
        assertEquals(1, pool.pooled());
        // The JDK's EdDSA throws for an s beyond the group order (EngineReuseTest checks that it does).
        assertFalse(backend.verify(JwsAlgorithm.EdDSA, key, DATA, 0, DATA.length, sTooLarge));
        assertEquals(0, pool.pooled(), "the engine that threw went back to the pool");
        assertTrue(backend.verify(JwsAlgorithm.EdDSA, key, DATA, 0, DATA.length, signature));
        assertEquals(2, pool.created());
    }

    @Test
    void oneEngineServesTwoKeysInTurnAndSwitchesKeyEachTime() throws Exception {
        JcaCryptoBackend backend = new JcaCryptoBackend();
        KeyPair a = TestKeys.Kind.RSA_2048.generate();
        KeyPair b = TestKeys.Kind.RSA_2048.generate();
        VerificationKey keyA = backend.importKey(TestKeys.parameters(a.getPublic()));
        VerificationKey keyB = backend.importKey(TestKeys.parameters(b.getPublic()));
        byte[] byA = TestKeys.sign(JwsAlgorithm.RS256, a.getPrivate(), DATA);
        byte[] byB = TestKeys.sign(JwsAlgorithm.RS256, b.getPrivate(), DATA);
        for (int i = 0; i < 5; i++) {
            assertTrue(backend.verify(JwsAlgorithm.RS256, keyA, DATA, 0, DATA.length, byA));
            assertFalse(backend.verify(JwsAlgorithm.RS256, keyA, DATA, 0, DATA.length, byB));
            assertTrue(backend.verify(JwsAlgorithm.RS256, keyB, DATA, 0, DATA.length, byB));
            assertFalse(backend.verify(JwsAlgorithm.RS256, keyB, DATA, 0, DATA.length, byA));
        }
        EnginePool<?> pool = backend.enginesFor(JwsAlgorithm.RS256, keyA);
        assertSame(pool, backend.enginesFor(JwsAlgorithm.RS256, keyB));
        assertEquals(1, pool.created(), "one thread, one call at a time: one engine for both keys");
    }

    /** The HS256 MAC of {@code DATA} under {@code secret}, by the JDK's own {@link Mac}. */
    private static byte[] hs256(byte[] secret) throws Exception {
        Mac jdk = Mac.getInstance("HmacSHA256");
        jdk.init(new SecretKeySpec(secret, "HmacSHA256"));
        return jdk.doFinal(DATA);
    }

    /** A token read from its chars leaves no signature in the buffers of the engine that goes back to the pool. */
    @Test
    void anEngineBackInItsPoolHoldsNoSignature() throws Exception {
        JcaCryptoBackend backend = new JcaCryptoBackend();
        byte[] secret = TestKeys.randomBytes(32);
        byte[] mac = hs256(secret);
        VerificationKey key = backend.importKey(TestKeys.octParameters(secret.clone()));
        String token = new String(DATA, StandardCharsets.US_ASCII) + "." + TestKeys.b64(mac);
        assertTrue(backend.verify(JwsAlgorithm.HS256, key, token, DATA.length));
        @SuppressWarnings("unchecked")
        EnginePool<MacEngine> pool = (EnginePool<MacEngine>) backend.enginesFor(JwsAlgorithm.HS256, key);
        MacEngine engine = pool.take();
        assertEquals(1, pool.created(), "the engine that verified");
        assertTrue(Arrays.equals(new byte[mac.length], engine.buffers.signature()), "signature zeroed");
        // The signing input stays: without its signature it is no credential.
        assertTrue(Arrays.equals(DATA, Arrays.copyOf(engine.buffers.input(), DATA.length)));
    }

    @Test
    void hmacEnginesArePooledPerKeyAndSharedByThreads() throws Exception {
        JcaCryptoBackend backend = new JcaCryptoBackend();
        byte[] secret = TestKeys.randomBytes(32);
        byte[] mac = hs256(secret);
        VerificationKey key = backend.importKey(TestKeys.octParameters(secret.clone()));
        EnginePool<?> pool = backend.enginesFor(JwsAlgorithm.HS256, key);
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
    }
}
