package dev.sigil.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.JwksCachePolicy;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.VerifiedJwt;
import dev.sigil.testkit.FakeIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Rotation storms, forged kids and issuer outages: the cache keeps working and never hammers the issuer. */
class ResilienceTest extends IssuerScenario {

    private static final IssuerKey KEY = IssuerKey.plain("k1");
    private static final IssuerKey NEXT = IssuerKey.plain("k2");

    @Override
    JwtVerifier.Builder builder() {
        return super.builder().jwksUri(issuer.jwksUri());
    }

    @Test
    void twoHundredThreadsPresentingANewKidCauseExactlyOneFetch() throws Exception {
        issuer.publishKeys(IssuerKey.jwks(KEY));
        try (JwtVerifier verifier = builder().build()) {
            verifier.verify(KEY.mint(issuer.issuer(), START));
            issuer.publishKeys(IssuerKey.jwks(KEY, NEXT));
            issuer.resetCounts();
            String token = NEXT.mint(issuer.issuer(), START);
            int threads = 200;
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger verified = new AtomicInteger();
            List<Thread> workers = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Thread t = new Thread(() -> {
                    ready.countDown();
                    try {
                        go.await();
                        verifier.verify(token);
                        verified.incrementAndGet();
                    } catch (Exception e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                });
                t.start();
                workers.add(t);
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS));
            go.countDown();
            for (Thread t : workers) {
                t.join(30_000);
            }
            assertEquals(List.of(), failures);
            assertEquals(threads, verified.get());
            assertEquals(1, issuer.jwksRequests());
        }
    }

    @Test
    void tenThousandForgedKidsInAMinuteCauseAtMostOneFetchPerCooldown() throws Exception {
        issuer.publishKeys(IssuerKey.jwks(KEY));
        try (JwtVerifier verifier = builder().build()) {
            verifier.verify(KEY.mint(issuer.issuer(), START));
            issuer.resetCounts();
            Random random = new Random(42);
            String payload = b64("{\"iss\":\"" + issuer.issuer() + "\",\"aud\":\"" + IssuerKey.AUDIENCE + "\",\"exp\":"
                    + (START.getEpochSecond() + 7200) + "}");
            String signature = b64(new byte[256]);
            for (int i = 0; i < 10_000; i++) {
                String header = b64("{\"alg\":\"RS256\",\"kid\":\"forged-" + Long.toHexString(random.nextLong()) + "\"}");
                String forged = header + "." + payload + "." + signature;
                assertEquals(Reason.KEY_NOT_FOUND,
                        assertThrows(JwtVerificationException.class, () -> verifier.verify(forged)).reason());
                clock.advance(Duration.ofMillis(6));
            }
            // 60 s of forged tokens and a 30 s cooldown: refreshes at 0 s and 30 s at most.
            assertTrue(issuer.jwksRequests() <= 2, "requests: " + issuer.jwksRequests());
            assertTrue(issuer.jwksRequests() >= 1, "an unknown kid must still cause a refresh");
            assertTrue(verifier.stats().orElseThrow().refreshesSuppressed() >= 9_990);
            verifier.verify(KEY.mint(issuer.issuer(), clock.instant()));
        }
    }

    enum Outage { HTTP_500, HANG, CONNECTION_RESET }

    @ParameterizedTest
    @EnumSource(Outage.class)
    void anOutageIsBridgedByTheLastGoodSetUpToMaxStaleAndThenRecovers(Outage outage) throws Exception {
        issuer.publishKeys(IssuerKey.jwks(KEY));
        JwksCachePolicy policy = JwksCachePolicy.builder()
                .requestTimeout(Duration.ofMillis(400))
                .connectTimeout(Duration.ofMillis(400))
                .maxStale(Duration.ofMinutes(5))
                .build();
        try (JwtVerifier verifier = builder().cachePolicy(policy).build()) {
            String token = KEY.mint(issuer.issuer(), START);
            verifier.verify(token);
            switch (outage) {
                case HTTP_500:
                    issuer.failJwks(500, Map.of());
                    break;
                case HANG:
                    issuer.failJwks(FakeIssuer.Failure.HANG);
                    break;
                default:
                    issuer.failJwks(FakeIssuer.Failure.CONNECTION_RESET);
            }
            // Ten minutes of outage after the set expired at 10 min; stale serving for 5 of them.
            clock.advance(Duration.ofMinutes(10));
            int served = 0;
            for (int minute = 0; minute < 10; minute++) {
                clock.advance(Duration.ofSeconds(59));
                try {
                    verifier.verify(token);
                    served++;
                    assertTrue(minute < 5, "served beyond max-stale at minute " + minute);
                } catch (JwtVerificationException e) {
                    assertEquals(Reason.KEYS_UNAVAILABLE, e.reason(), e.getMessage());
                    assertTrue(minute >= 5, "refused within max-stale at minute " + minute + ": " + e.getMessage());
                }
                clock.advance(Duration.ofSeconds(1));
            }
            assertEquals(5, served);
            long attempts = listener.count("failed /.well-known/jwks.json");
            assertTrue(attempts <= 1 + 10 + 1, "backoff bounds the attempts: " + attempts);
            // Requests may be more than attempts: re-discovery leaves a pooled connection, and the
            // JDK client retries a GET once when a reused connection is reset under it.
            assertTrue(issuer.jwksRequests() <= 2 * (1 + 10 + 1), "backoff bounds the requests: " + issuer.jwksRequests());
            assertTrue(listener.count("failed") >= 1);

            issuer.publishKeys(IssuerKey.jwks(KEY));
            clock.advance(Duration.ofSeconds(31));
            VerifiedJwt recovered = verifier.verify(KEY.mint(issuer.issuer(), clock.instant()));
            assertEquals("k1", recovered.header().keyId().orElseThrow());
            assertEquals(0, verifier.stats().orElseThrow().expiresAt().compareTo(clock.instant().plus(Duration.ofMinutes(10))));
        }
    }

    @Test
    void aRetryAfterIsHonouredBeforeTheNextAttempt() throws Exception {
        issuer.publishKeys(IssuerKey.jwks(KEY));
        try (JwtVerifier verifier = builder().build()) {
            String token = KEY.mint(issuer.issuer(), START);
            verifier.verify(token);
            issuer.failJwks(503, Map.of("Retry-After", "120"));
            clock.advance(Duration.ofMinutes(10));
            verifier.verify(token);
            issuer.resetCounts();
            for (int i = 0; i < 11; i++) {
                clock.advance(Duration.ofSeconds(10));
                verifier.verify(token);
            }
            assertEquals(0, issuer.jwksRequests(), "no request within the 120 s Retry-After");
            clock.advance(Duration.ofSeconds(11));
            verifier.verify(token);
            assertEquals(1, issuer.jwksRequests());
        }
    }

    @Test
    void theFirstFetchFailingFastIsKeysUnavailableWithTheReason() {
        issuer.failJwks(500, Map.of());
        try (JwtVerifier verifier = builder().build()) {
            JwtVerificationException e = assertThrows(JwtVerificationException.class, verifier::prefetch);
            assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
            assertTrue(e.getMessage().endsWith("answered HTTP 500"), e.getMessage());
            // Within the backoff, a token fails at once without another request.
            issuer.resetCounts();
            assertEquals(Reason.KEYS_UNAVAILABLE, assertThrows(JwtVerificationException.class,
                    () -> verifier.verify(KEY.mint(issuer.issuer(), START))).reason());
            assertEquals(0, issuer.jwksRequests());
        }
    }

    @Test
    void verifyAsyncNeverWaitsOnTheCallersThread() throws Exception {
        issuer.publishKeys(IssuerKey.jwks(KEY));
        ManualExecutor executor = new ManualExecutor();
        try (JwtVerifier verifier = builder().executor(executor).build()) {
            String token = KEY.mint(issuer.issuer(), START);
            CompletableFuture<VerifiedJwt> first = verifier.verifyAsync(token).toCompletableFuture();
            assertFalse(first.isDone(), "the caller's thread returned before any key set was had");
            // The fetch runs on the cache's own fetcher thread; the verification waits on no thread
            // and reaches the executor only once the keys have arrived.
            executor.awaitPending(1);
            assertEquals(1, issuer.jwksRequests());
            assertFalse(first.isDone(), "verified on the executor, not by the thread that fetched");
            executor.runAll();
            assertEquals("k1", first.get().header().keyId().orElseThrow());

            CompletableFuture<VerifiedJwt> second = verifier.verifyAsync(token).toCompletableFuture();
            assertTrue(second.isDone(), "keys at hand: verified on the caller's thread at once");
            assertEquals(0, executor.pending());

            CompletableFuture<VerifiedJwt> bad = verifier.verifyAsync("not-a-token").toCompletableFuture();
            assertTrue(bad.isCompletedExceptionally());
            ExecutionException e = assertThrows(ExecutionException.class, bad::get);
            assertEquals(Reason.MALFORMED, ((JwtVerificationException) e.getCause()).reason());
        }
    }

    private static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
