package dev.sigil.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Eight threads verify while the issuer rotates and the cache refreshes under them: every token of a
 * key published for the whole attempt verifies (no torn snapshot), every rotation costs exactly one
 * fetch however many threads notice it, and the cache ends on the last published set (no lost update).
 */
class CacheStressTest extends IssuerScenario {

    private static final int ROTATIONS = 15;
    private static final int THREADS = 8;

    @Test
    void refreshesRacingVerificationLoseNothingAndTearNothing() throws Exception {
        IssuerKey[] keys = new IssuerKey[ROTATIONS + 1];
        String[] tokens = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = IssuerKey.plain("stress-" + i);
            tokens[i] = keys[i].mint(issuer.issuer(), START);
        }
        issuer.publishKeys(IssuerKey.jwks(keys[0]));
        // The newest published key is `epoch`; the one before it is still published.
        AtomicInteger epoch = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong[] done = new AtomicLong[THREADS];
        List<String> torn = new CopyOnWriteArrayList<>();
        try (JwtVerifier verifier = builder().jwksUri(issuer.jwksUri()).build()) {
            verifier.verify(tokens[0]);
            issuer.resetCounts();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                AtomicLong count = done[t] = new AtomicLong();
                Random random = new Random(t);
                Thread worker = new Thread(() -> {
                    while (running.get()) {
                        int before = epoch.get();
                        int key = Math.max(0, before - random.nextInt(2));
                        try {
                            verifier.verify(tokens[key]);
                        } catch (JwtVerificationException e) {
                            if (epoch.get() == before) {
                                torn.add("key " + key + " in epoch " + before + ": " + e);
                            }
                        } catch (RuntimeException e) {
                            torn.add("unexpected " + e);
                        }
                        count.incrementAndGet();
                    }
                });
                worker.start();
                workers.add(worker);
            }
            for (int r = 1; r <= ROTATIONS; r++) {
                issuer.publishKeys(IssuerKey.jwks(keys[r - 1], keys[r]));
                // Past the cooldown, so the first thread that meets the new kid may refresh at once.
                clock.advance(Duration.ofSeconds(31));
                epoch.set(r);
                long[] seen = new long[THREADS];
                for (int t = 0; t < THREADS; t++) {
                    seen[t] = done[t].get();
                }
                // Let every thread verify a few tokens in this epoch before rotating again.
                long deadline = System.nanoTime() + 30_000_000_000L;
                for (int t = 0; t < THREADS; t++) {
                    while (done[t].get() < seen[t] + 20 && torn.isEmpty()) {
                        assertTrue(System.nanoTime() < deadline, "thread " + t + " stopped verifying");
                        Thread.onSpinWait();
                    }
                }
            }
            running.set(false);
            for (Thread worker : workers) {
                worker.join(30_000);
            }
            assertEquals(List.of(), torn);
            assertEquals(ROTATIONS, issuer.jwksRequests(), "exactly one fetch per rotation");
            assertEquals(2, verifier.stats().orElseThrow().keys());
            verifier.verify(tokens[ROTATIONS]);
            assertEquals(ROTATIONS, issuer.jwksRequests());
            assertTrue(listener.events.contains("changed +[stress-" + ROTATIONS + "] -[stress-" + (ROTATIONS - 2) + "]"),
                    listener.events.toString());
        }
    }
}
