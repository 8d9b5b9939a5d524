package dev.sigil.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.jwk.DroppedKey;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksCache;
import dev.sigil.jwk.JwksListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A verifier imports each key set once, however many threads meet it at the same moment: an import
 * may cost real CPU (an RSA modulus's checks), and racing threads must not each pay it. Counted by
 * the listener's {@code keyDropped}, which the verifier reports once per import of a set that holds
 * one key it drops. Real keys from a real HTTP server; the racers are released together.
 *
 * <p>In the cli module because it needs a real crypto backend and HTTP transport, which core's own
 * tests do not have on their class path; this module's tests have backend-jca and http-jdk.
 */
@Timeout(60)
class KeySetImportOnceTest {

    private static final String ISSUER = "https://issuer.example/";
    private static final String AUDIENCE = "https://api.example.com";
    private static final int RACERS = 8;

    /** Counts imports; the first one is held inside its report until the test has seen every racer park. */
    private static final class HoldingListener implements JwksListener {
        final AtomicInteger dropped = new AtomicInteger();
        final AtomicInteger loaded = new AtomicInteger();
        final CountDownLatch firstImport = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void keyDropped(DroppedKey key) {
            dropped.incrementAndGet();
            firstImport.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void keysLoaded(int usableKeys) {
            loaded.incrementAndGet();
        }
    }

    @Test
    void racingThreadsImportANewKeySetOnceBetweenThem() throws Exception {
        EcIssuerKey key = EcIssuerKey.generate("k1");
        String set = EcIssuerKey.jwks(key.publicJwk(), key.publicJwk("enc-1", "enc"));
        String token = key.token(ISSUER, AUDIENCE, "alice", Instant.now().getEpochSecond());
        // Every class on the path loaded once, so that no racer parks on a class initialisation.
        JwtVerifier.builder().issuer(ISSUER).audience(AUDIENCE).keys(JwkSet.parse(set)).build().verify(token);

        HoldingListener listener = new HoldingListener();
        try (LoopbackJwks server = LoopbackJwks.serving(set);
                JwksCache cache = JwksCache.builder().jwksUri(server.uri()).build()) {
            // The cache holds the set; the verifier has not met it yet, so every racer finds it new.
            cache.prefetch();
            JwtVerifier verifier = JwtVerifier.builder().issuer(ISSUER).audience(AUDIENCE).keySource(cache)
                    .listener(listener).build();

            CountDownLatch start = new CountDownLatch(1);
            List<Thread> racers = new ArrayList<>();
            AtomicInteger verified = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            for (int i = 0; i < RACERS; i++) {
                Thread racer = new Thread(() -> {
                    try {
                        start.await();
                        verifier.verify(token);
                        verified.incrementAndGet();
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "racer-" + i);
                racer.start();
                racers.add(racer);
            }
            start.countDown();
            listener.firstImport.await();
            // One racer is inside the first import's report. Each other one either imports too (and
            // parks in keyDropped) or waits for that import (and parks there): wait until all park,
            // seen on two passes in a row, so that a racer passing through a lock is not taken for one
            // that has settled.
            int settled = 0;
            while (settled < 2) {
                settled = allParked(racers) ? settled + 1 : 0;
                Thread.yield();
            }
            listener.release.countDown();
            for (Thread racer : racers) {
                racer.join();
            }

            assertEquals(null, failure.get());
            assertEquals(RACERS, verified.get());
            assertEquals(1, listener.dropped.get(), "imports of the one new key set");
            assertEquals(1, listener.loaded.get(), "keysLoaded reports of the one new key set");
        }
    }

    private static boolean allParked(List<Thread> racers) {
        for (Thread racer : racers) {
            if (racer.getState() != Thread.State.WAITING) {
                return false;
            }
        }
        return true;
    }
}
