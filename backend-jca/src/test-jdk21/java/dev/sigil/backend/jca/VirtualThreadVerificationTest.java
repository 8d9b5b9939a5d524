package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.VerificationKey;
import dev.sigil.testkit.JwsSigner;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 20: 100,000 verifications, each on a virtual thread of its own, as a server with a virtual
 * thread per request makes them. Every result is checked (half the signatures are valid, half
 * altered), and the engines stay bounded: the pool never holds more than its capacity, and the run
 * makes about as many engines as calls run at once, where {@code ThreadLocal}s made one per thread,
 * that is one per call. That nothing on the verify path or a key refresh pins a virtual thread is
 * integration-tests' {@code VirtualThreadPinningTest}, on both backends.
 *
 * <p>Java 21 API: compiled only on JDK 21+ (this module's {@code jdk21-tests} profile) and run by
 * {@code .ci/run} on Temurin 25.
 */
@Tag("virtual-threads")
class VirtualThreadVerificationTest {

    private static final int VERIFICATIONS = 100_000;
    private static final byte[] DATA = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9".getBytes(StandardCharsets.US_ASCII);

    private final JcaCryptoBackend backend = new JcaCryptoBackend();

    @ParameterizedTest
    @EnumSource(names = {"HS256", "RS256"})
    void aHundredThousandVirtualThreadsShareABoundedPoolOfEngines(JwsAlgorithm alg) throws Exception {
        JwsSigner signer = JwsSigner.withFreshKey(alg);
        VerificationKey key = backend.importKey(signer.keyParameters());
        byte[] valid = signer.sign(DATA);
        byte[] altered = valid.clone();
        altered[altered.length / 2] ^= 1;
        AtomicInteger wrong = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < VERIFICATIONS; i++) {
                boolean expected = i % 2 == 0;
                executor.execute(() -> {
                    boolean answer = backend.verify(alg, key, DATA, 0, DATA.length, expected ? valid : altered);
                    if (answer != expected) {
                        wrong.incrementAndGet();
                    }
                    if (answer) {
                        accepted.incrementAndGet();
                    }
                });
            }
        }
        assertEquals(0, wrong.get());
        assertEquals(VERIFICATIONS / 2, accepted.get());
        EnginePool<?> pool = backend.enginesFor(alg, key);
        assertTrue(pool.pooled() <= pool.capacity());
        // Calls run at once on at most as many carriers as processors; a slot found empty while its
        // engine is between two hands can cost one more, so allow the capacity twice over: still
        // nothing like one per thread.
        assertTrue(pool.created() <= 2 * pool.capacity(),
                () -> pool.created() + " engines for " + VERIFICATIONS + " virtual threads, capacity " + pool.capacity());
    }
}
