package dev.sigil.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksCache;
import dev.sigil.jwk.KeySource;
import dev.sigil.jwt.JwtVerificationException.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link JwtVerifier#verifyAsync(String)} bounds what waits for keys, per verifier, whatever the
 * executor: real ES256 keys behind a real first fetch that the server holds back on a latch.
 *
 * <p>In the cli module because it needs a real crypto backend and HTTP transport, which core's own
 * tests do not have on their class path; this module's tests have backend-jca and http-jdk.
 */
@Timeout(60)
class VerifyAsyncBoundTest {

    private static final String ISSUER = "https://issuer.example/";
    private static final String AUDIENCE = "https://api.example.com";

    private final EcIssuerKey key = EcIssuerKey.generate("k1");
    private LoopbackJwks jwks;
    private String token;

    @BeforeEach
    void start() throws Exception {
        jwks = LoopbackJwks.holdingFirstAnswer(EcIssuerKey.jwks(key.publicJwk()));
        token = key.token(ISSUER, AUDIENCE, "alice", Instant.now().getEpochSecond());
    }

    @AfterEach
    void stop() {
        jwks.close();
    }

    private JwtVerifier.Builder verifier() {
        return JwtVerifier.builder().issuer(ISSUER).audience(AUDIENCE).jwksUri(jwks.uri());
    }

    private static JwtVerificationException failure(CompletableFuture<VerifiedJwt> stage) {
        assertTrue(stage.isDone(), "a refusal must come at once, without blocking or queueing");
        CompletionException e = assertThrows(CompletionException.class, stage::join);
        return assertInstanceOf(JwtVerificationException.class, e.getCause());
    }

    /** Fills the verifier's budget with verifications that wait for the held first fetch. */
    private List<CompletableFuture<VerifiedJwt>> fill(JwtVerifier verifier, int count) {
        List<CompletableFuture<VerifiedJwt>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CompletableFuture<VerifiedJwt> stage = verifier.verifyAsync(token).toCompletableFuture();
            assertFalse(stage.isDone(), "no key set can be had before the server answers");
            pending.add(stage);
        }
        return pending;
    }

    private void releaseAndExpectAllVerified(List<CompletableFuture<VerifiedJwt>> pending) {
        jwks.release();
        for (CompletableFuture<VerifiedJwt> stage : pending) {
            assertEquals("alice", stage.join().claims().subject().orElseThrow());
        }
    }

    @Test
    void refusesAtOnceAsOverloadedPastTheLimitOnTheCachesOwnExecutor() {
        try (JwtVerifier verifier = verifier().maxPendingAsync(6).build()) {
            List<CompletableFuture<VerifiedJwt>> pending = fill(verifier, 6);

            JwtVerificationException refused = failure(verifier.verifyAsync(token).toCompletableFuture());
            assertEquals(Reason.OVERLOADED, refused.reason());
            assertEquals("6 verifications are already waiting for keys on this verifier, its limit"
                    + " (maxPendingAsync); retry later", refused.getMessage());

            releaseAndExpectAllVerified(pending);
            // The budget is given back as the verifications end, and cached keys never use it.
            CompletableFuture<VerifiedJwt> later = verifier.verifyAsync(token).toCompletableFuture();
            assertTrue(later.isDone());
            assertEquals("alice", later.join().claims().subject().orElseThrow());
        }
    }

    @Test
    void boundsAGivenExecutorToo() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>());
        try (JwtVerifier verifier = verifier().executor(executor).maxPendingAsync(3).build()) {
            List<CompletableFuture<VerifiedJwt>> pending = fill(verifier, 3);
            assertEquals(Reason.OVERLOADED, failure(verifier.verifyAsync(token).toCompletableFuture()).reason());
            releaseAndExpectAllVerified(pending);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void boundsTheCommonPoolThatACustomKeySourceFallsBackTo() {
        try (JwksCache cache = JwksCache.builder().jwksUri(jwks.uri()).build()) {
            // A source of the application's own that may wait for I/O and offers no executor.
            KeySource own = new KeySource() {
                @Override
                public CompletionStage<JwkSet> keys() {
                    return cache.keys();
                }

                @Override
                public CompletionStage<JwkSet> refresh(JwkSet current) {
                    return cache.refresh(current);
                }
            };
            JwtVerifier verifier = JwtVerifier.builder().issuer(ISSUER).audience(AUDIENCE).keySource(own)
                    .maxPendingAsync(2).build();
            List<CompletableFuture<VerifiedJwt>> pending = fill(verifier, 2);
            assertEquals(Reason.OVERLOADED, failure(verifier.verifyAsync(token).toCompletableFuture()).reason());
            releaseAndExpectAllVerified(pending);
        }
    }

    @Test
    void anExecutorThatRefusesWorkIsOverloadedNotKeysUnavailable() throws Exception {
        // One thread, kept busy, and a hand-off queue: when the keys arrive, the verification that
        // waited for them (on no thread) is refused by the executor.
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new SynchronousQueue<>());
        CountDownLatch busy = new CountDownLatch(1);
        executor.execute(() -> {
            try {
                busy.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (JwtVerifier verifier = verifier().executor(executor).maxPendingAsync(1).build()) {
            CompletableFuture<VerifiedJwt> waiting = fill(verifier, 1).get(0);
            jwks.release();
            CompletionException e = assertThrows(CompletionException.class, waiting::join);
            JwtVerificationException refused = assertInstanceOf(JwtVerificationException.class, e.getCause());
            assertEquals(Reason.OVERLOADED, refused.reason());
            assertTrue(refused.getMessage().startsWith("the executor refused the verification; retry later: "),
                    refused.getMessage());

            // Its place was given back, and the keys it waited for are at hand now.
            CompletableFuture<VerifiedJwt> later = verifier.verifyAsync(token).toCompletableFuture();
            assertTrue(later.isDone());
            assertEquals("alice", later.join().claims().subject().orElseThrow());
        } finally {
            busy.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void anExecutorThatIsShutDownLeavesTheKeysUnavailable() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new SynchronousQueue<>());
        executor.shutdown();
        try (JwtVerifier verifier = verifier().executor(executor).build()) {
            JwtVerificationException refused = failure(verifier.verifyAsync(token).toCompletableFuture());
            assertEquals(Reason.KEYS_UNAVAILABLE, refused.reason());
            assertEquals("the executor is shut down: no key set can be waited for", refused.getMessage());
        }
    }

    @Test
    void closingTheVerifierCompletesEveryVerificationStillWaitingOrQueued() throws Exception {
        JwtVerifier verifier = verifier().build();
        // All 12 wait for the held fetch, on no thread; closing gives the fetch up and fails them all.
        List<CompletableFuture<VerifiedJwt>> pending = fill(verifier, 12);
        verifier.close();
        for (CompletableFuture<VerifiedJwt> stage : pending) {
            // A bound on a failure, not a wait for time to pass: each stage is done well before it.
            ExecutionException e = assertThrows(ExecutionException.class, () -> stage.get(30, TimeUnit.SECONDS));
            assertEquals(Reason.KEYS_UNAVAILABLE, assertInstanceOf(JwtVerificationException.class, e.getCause()).reason());
        }
    }

    @Test
    void aClosedVerifierLeavesTheKeysUnavailableInsteadOfThrowing() {
        JwtVerifier verifier = verifier().build();
        verifier.close();
        JwtVerificationException refused = failure(verifier.verifyAsync(token).toCompletableFuture());
        assertEquals(Reason.KEYS_UNAVAILABLE, refused.reason());
    }
}
