package dev.sigil.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.JwksCachePolicy;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.testkit.FakeIssuer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A bounded soak (20 s of real time): two threads verify while the issuer rotates its key every
 * second, publishing each key one second before signing with it, as Auth0 and Entra ID do. No token
 * of a published key is refused outside the documented rotation window, no token of an unpublished
 * key is ever accepted, and the heap stays flat.
 */
class SoakTest {

    private static final int ROTATIONS = 20;
    /** Cooldown (1 s) + max-age (1 s) + a fetch (up to 1 s): how long a new key may go unseen. */
    private static final Duration WINDOW = Duration.ofSeconds(3);

    @Test
    void keepsVerifyingThroughARotationEverySecond() throws Exception {
        IssuerKey[] keys = new IssuerKey[ROTATIONS + 2];
        String[] tokens = new String[keys.length];
        String[] forged = new String[keys.length];
        try (FakeIssuer issuer = FakeIssuer.start()) {
            Instant now = Instant.now();
            for (int i = 0; i < keys.length; i++) {
                keys[i] = IssuerKey.plain("soak-" + i);
                tokens[i] = keys[i].mint(issuer.issuer(), now);
                // Same kid, another key: never published.
                forged[i] = IssuerKey.plain("soak-" + i).mint(issuer.issuer(), now);
            }
            Map<Integer, Instant> published = new ConcurrentHashMap<>();
            Map<Integer, Instant> removed = new ConcurrentHashMap<>();
            AtomicInteger signing = new AtomicInteger();
            publish(issuer, keys, 0, published, removed);

            JwksCachePolicy policy = JwksCachePolicy.builder()
                    .refreshCooldown(Duration.ofSeconds(1))
                    .ttlBounds(Duration.ofSeconds(1), Duration.ofHours(1))
                    .defaultTtl(Duration.ofSeconds(1))
                    .refreshAhead(Duration.ofMillis(500))
                    .requestTimeout(Duration.ofSeconds(1))
                    .build();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long[] heap = new long[2];
            // Counters, not a log of attempts: the soak must measure the library's heap, not its own.
            AtomicLong acceptedTokens = new AtomicLong();
            AtomicLong refusedOutsideWindow = new AtomicLong();
            AtomicLong forgedAccepted = new AtomicLong();
            AtomicLong unexpected = new AtomicLong();
            CountDownLatch done = new CountDownLatch(1);
            ScheduledExecutorService rotator = Executors.newSingleThreadScheduledExecutor();
            try (JwtVerifier verifier = JwtVerifier.builder().issuer(issuer.issuer()).audience(IssuerKey.AUDIENCE)
                    .cachePolicy(policy).build()) {
                AtomicInteger step = new AtomicInteger();
                rotator.scheduleAtFixedRate(() -> {
                    int i = step.incrementAndGet();
                    if (i == 3) {
                        heap[0] = usedHeapAfterGc(memory);
                    }
                    if (i > ROTATIONS) {
                        done.countDown();
                        return;
                    }
                    // Sign with the key published a second ago; publish the next one.
                    signing.set(i);
                    publish(issuer, keys, i, published, removed);
                }, 1, 1, TimeUnit.SECONDS);

                List<Thread> workers = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    Thread worker = new Thread(() -> {
                        int n = 0;
                        while (done.getCount() > 0) {
                            int key = signing.get();
                            Instant start = Instant.now();
                            boolean accepted;
                            try {
                                verifier.verify(tokens[key]);
                                accepted = true;
                            } catch (JwtVerificationException e) {
                                accepted = false;
                            } catch (RuntimeException e) {
                                unexpected.incrementAndGet();
                                accepted = false;
                            }
                            if (accepted) {
                                acceptedTokens.incrementAndGet();
                            } else {
                                // Judged at once, so that the soak keeps no log of its own on the heap.
                                Instant since = published.get(key);
                                Instant gone = removed.get(key);
                                boolean justPublished = since != null && since.plus(WINDOW).isAfter(start);
                                boolean alreadyRemoved = gone != null && gone.isBefore(Instant.now());
                                if (!justPublished && !alreadyRemoved) {
                                    refusedOutsideWindow.incrementAndGet();
                                }
                            }
                            if (n++ % 10 == 0) {
                                try {
                                    verifier.verify(forged[key]);
                                    forgedAccepted.incrementAndGet();
                                } catch (JwtVerificationException expected) {
                                    // the only right answer
                                }
                            }
                        }
                    });
                    worker.start();
                    workers.add(worker);
                }
                assertTrue(done.await(ROTATIONS + 20, TimeUnit.SECONDS));
                for (Thread worker : workers) {
                    worker.join(10_000);
                }
                heap[1] = usedHeapAfterGc(memory);
            } finally {
                rotator.shutdownNow();
            }

            assertEquals(0, forgedAccepted.get(), "a token of an unpublished key was accepted");
            assertEquals(0, unexpected.get(), "verification threw something other than JwtVerificationException");
            assertEquals(0, refusedOutsideWindow.get(), "tokens of published keys refused outside the rotation window");
            assertTrue(acceptedTokens.get() > 1000, "the soak verified only " + acceptedTokens.get() + " tokens");
            long growth = heap[1] - heap[0];
            assertTrue(growth < 64L * 1024 * 1024, "heap grew by " + growth / 1024 + " KiB");
        }
    }

    /** Publishes keys {@code i} and {@code i+1}: the one in use and the next. */
    private static void publish(FakeIssuer issuer, IssuerKey[] keys, int i, Map<Integer, Instant> published,
            Map<Integer, Instant> removed) {
        Instant now = Instant.now();
        published.putIfAbsent(i, now);
        published.putIfAbsent(i + 1, now);
        if (i > 0) {
            removed.putIfAbsent(i - 1, now);
        }
        issuer.publishKeys(IssuerKey.jwks(keys[i], keys[i + 1]), Map.of("Cache-Control", "max-age=1"));
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
