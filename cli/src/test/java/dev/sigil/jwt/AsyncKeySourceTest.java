package dev.sigil.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksCache;
import dev.sigil.jwk.JwksCachePolicy;
import dev.sigil.jwk.KeySource;
import dev.sigil.jwk.KeysUnavailableException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.HttpRequest;
import dev.sigil.spi.HttpResponse;
import dev.sigil.spi.HttpTransport;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Keys arrive as completion stages (issue 14, item 4): a source that has its keys answers with a
 * completed stage, the same one every time; one that must fetch answers with a stage nobody has to
 * block on; a synchronous verification waits for it at most {@code maxKeyWait}, an asynchronous one
 * not at all. Real ES256 keys, a real HTTP server on loopback, the real JDK transport.
 *
 * <p>In the cli module for the same reason as {@link VerifyAsyncBoundTest}: it needs a crypto
 * backend and a transport, which core's own tests do not have.
 */
@Timeout(60)
class AsyncKeySourceTest {

    private static final String ISSUER = "https://issuer.example/";
    private static final String AUDIENCE = "https://api.example.com";

    private final EcIssuerKey key = EcIssuerKey.generate("k1");
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private String set;
    private String token;

    @BeforeEach
    void mint() {
        set = EcIssuerKey.jwks(key.publicJwk());
        token = key.token(ISSUER, AUDIENCE, "alice", Instant.now().getEpochSecond());
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static JwtVerifier.Builder verifier(KeySource source) {
        return JwtVerifier.builder().issuer(ISSUER).audience(AUDIENCE).keySource(source);
    }

    private static JwtVerificationException failure(CompletableFuture<?> stage) {
        CompletionException e = assertThrows(CompletionException.class, stage::join);
        return assertInstanceOf(JwtVerificationException.class, e.getCause());
    }

    @Test
    void aStaticSourceAnswersWithOneCompletedStageThatNobodyCanReplace() {
        JwkSet keys = JwkSet.parse(set);
        KeySource source = KeySource.of(keys);
        CompletableFuture<JwkSet> first = source.keys().toCompletableFuture();
        assertSame(first, source.keys().toCompletableFuture(), "the same stage on every call: nothing to allocate");
        assertTrue(first.isDone());
        assertSame(keys, first.join());
        // Shared by every caller of the source, so no caller may change what the others see.
        assertFalse(first.complete(JwkSet.of()));
        assertFalse(first.completeExceptionally(new IllegalStateException()));
        assertFalse(first.cancel(true));
        assertThrows(UnsupportedOperationException.class, () -> first.obtrudeValue(JwkSet.of()));
        assertThrows(UnsupportedOperationException.class, () -> first.obtrudeException(new IllegalStateException()));
        assertSame(keys, first.join());
        assertSame(keys, source.refresh(keys).toCompletableFuture().join(), "static keys never change");
    }

    @Test
    void aCacheAnswersAtOnceWithAPendingStageAndThenWithOneSettledStage() throws Exception {
        try (LoopbackJwks server = LoopbackJwks.holdingFirstAnswer(set);
                JwksCache cache = JwksCache.builder().jwksUri(server.uri()).build()) {
            CompletableFuture<JwkSet> first = cache.keys().toCompletableFuture();
            assertFalse(first.isDone(), "the fetch is held by the server; the caller is not");
            server.release();
            JwkSet fetched = first.join();
            assertEquals("k1", fetched.keys().get(0).keyId().orElseThrow());

            CompletableFuture<JwkSet> fresh = cache.keys().toCompletableFuture();
            assertTrue(fresh.isDone());
            assertSame(fresh, cache.keys().toCompletableFuture(), "while fresh, the same completed stage");
            assertSame(fetched, fresh.join());
            assertThrows(UnsupportedOperationException.class, () -> fresh.obtrudeValue(JwkSet.of()));
            assertEquals(1, server.requests());
        }
    }

    @Test
    void aFetchThatNeverAnswersFailsItsStageAtTheRequestTimeoutWithoutAnyCallerWaiting() throws Exception {
        JwksCachePolicy quick = JwksCachePolicy.builder().requestTimeout(Duration.ofMillis(200)).build();
        CountDownLatch never = new CountDownLatch(1);
        // A transport that ignores its timeouts: only the cache's own bound can end the wait.
        HttpTransport hanging = new HttpTransport() {
            @Override
            public String name() {
                return "hanging";
            }

            @Override
            public int priority() {
                return 0;
            }

            @Override
            public HttpResponse get(HttpRequest request) throws IOException {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("interrupted");
            }
        };
        try (JwksCache cache = JwksCache.builder().jwksUri(URI.create("https://issuer.example/jwks"))
                .httpTransport(hanging).policy(quick).build()) {
            CompletableFuture<JwkSet> stage = cache.keys().toCompletableFuture();
            assertFalse(stage.isDone());
            CompletionException e = assertThrows(CompletionException.class, stage::join);
            KeysUnavailableException unavailable = assertInstanceOf(KeysUnavailableException.class, e.getCause());
            assertEquals("no key set yet: no answer within the request timeout of 200 ms", unavailable.getMessage());
            assertEquals(1, cache.stats().fetchFailures());
            KeysUnavailableException prefetch = assertThrows(KeysUnavailableException.class, cache::prefetch);
            assertEquals("could not fetch the key set: no answer within the request timeout of 200 ms",
                    prefetch.getMessage());
        } finally {
            never.countDown();
        }
    }

    @Test
    void closingACacheFailsTheStageOfItsFetchInFlight() throws Exception {
        try (LoopbackJwks server = LoopbackJwks.holdingFirstAnswer(set)) {
            JwksCache cache = JwksCache.builder().jwksUri(server.uri()).build();
            CompletableFuture<JwkSet> stage = cache.keys().toCompletableFuture();
            assertFalse(stage.isDone());
            cache.close();
            CompletionException e = assertThrows(CompletionException.class, stage::join);
            assertInstanceOf(KeysUnavailableException.class, e.getCause());
        }
    }

    @Test
    void verifyWaitsForAStageThatNeverCompletesAtMostMaxKeyWait() {
        CompletableFuture<JwkSet> never = new CompletableFuture<>();
        JwtVerifier verifier = verifier(() -> never).maxKeyWait(Duration.ofMillis(100)).build();
        JwtVerificationException e = assertThrows(JwtVerificationException.class, () -> verifier.verify(token));
        assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
        assertEquals("no key set within 100 ms (maxKeyWait)", e.getMessage());
        assertFalse(never.isDone(), "the source's own stage is left as it was, for its other callers");
    }

    @Test
    void verifyAsyncLeavesNoThreadWaitingAndFailsAStageThatNeverCompletesAfterMaxKeyWait() {
        CompletableFuture<JwkSet> never = new CompletableFuture<>();
        CountingExecutor executor = new CountingExecutor(pool);
        JwtVerifier verifier = verifier(() -> never).executor(executor).maxKeyWait(Duration.ofMillis(100)).build();
        CompletableFuture<VerifiedJwt> stage = verifier.verifyAsync(token).toCompletableFuture();
        assertFalse(stage.isDone());
        JwtVerificationException e = failure(stage);
        assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
        assertEquals("no key set within 100 ms (maxKeyWait)", e.getMessage());
        assertEquals(0, executor.tasks.get(), "nothing was handed to the executor: no thread ever waited");
        assertFalse(never.isDone());
    }

    @Test
    void verifyAsyncContinuesOnTheExecutorOnlyOnceTheKeysHaveArrived() {
        CompletableFuture<JwkSet> later = new CompletableFuture<>();
        CountingExecutor executor = new CountingExecutor(pool);
        JwtVerifier verifier = verifier(() -> later).executor(executor).build();
        CompletableFuture<VerifiedJwt> stage = verifier.verifyAsync(token).toCompletableFuture();
        assertFalse(stage.isDone());
        assertEquals(0, executor.tasks.get(), "waiting for keys occupies no executor thread");

        later.complete(JwkSet.parse(set));
        assertEquals("alice", stage.join().claims().subject().orElseThrow());
        assertEquals(1, executor.tasks.get());
    }

    @Test
    void aFailedStageIsKeysUnavailableWithTheSourcesReasonOnBothPaths() {
        KeySource down = () -> CompletableFuture.failedFuture(new KeysUnavailableException("issuer unreachable"));
        JwtVerifier verifier = verifier(down).build();
        JwtVerificationException sync = assertThrows(JwtVerificationException.class, () -> verifier.verify(token));
        assertEquals(Reason.KEYS_UNAVAILABLE, sync.reason());
        assertEquals("issuer unreachable", sync.getMessage());
        CompletableFuture<VerifiedJwt> stage = verifier.verifyAsync(token).toCompletableFuture();
        assertTrue(stage.isDone(), "a failure already known is answered at once");
        assertEquals("issuer unreachable", failure(stage).getMessage());

        KeySource broken = () -> null;
        JwtVerificationException none = assertThrows(JwtVerificationException.class,
                () -> verifier(broken).build().verify(token));
        assertEquals(Reason.KEYS_UNAVAILABLE, none.reason());
        assertEquals("key source answered with null, not a stage", none.getMessage());
    }

    @Test
    void aRefreshStageThatIsPendingIsWaitedForWithoutBlockingAndTriedOnce() {
        EcIssuerKey rotated = EcIssuerKey.generate("k2");
        String rotatedToken = rotated.token(ISSUER, AUDIENCE, "bob", Instant.now().getEpochSecond());
        JwkSet before = JwkSet.parse(set);
        JwkSet after = JwkSet.parse(EcIssuerKey.jwks(key.publicJwk(), rotated.publicJwk()));
        CompletableFuture<JwkSet> refreshed = new CompletableFuture<>();
        AtomicInteger refreshes = new AtomicInteger();
        KeySource source = new KeySource() {
            @Override
            public CompletionStage<JwkSet> keys() {
                return refreshed.isDone() ? refreshed : CompletableFuture.completedFuture(before);
            }

            @Override
            public CompletionStage<JwkSet> refresh(JwkSet current) {
                refreshes.incrementAndGet();
                return current == before ? refreshed : CompletableFuture.completedFuture(current);
            }
        };
        CountingExecutor executor = new CountingExecutor(pool);
        JwtVerifier verifier = verifier(source).executor(executor).build();
        CompletableFuture<VerifiedJwt> stage = verifier.verifyAsync(rotatedToken).toCompletableFuture();
        assertFalse(stage.isDone(), "the new kid calls for a refresh, which is still in flight");
        assertEquals(0, executor.tasks.get());

        refreshed.complete(after);
        assertEquals("bob", stage.join().claims().subject().orElseThrow());
        assertEquals(1, refreshes.get(), "one refresh for the unknown kid, and the retry found it");
    }

    @Test
    void maxKeyWaitIsBounded() {
        JwtVerifier.Builder b = JwtVerifier.builder();
        assertThrows(IllegalArgumentException.class, () -> b.maxKeyWait(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.maxKeyWait(Duration.ofMinutes(11)));
        assertThrows(NullPointerException.class, () -> b.maxKeyWait(null));
    }

    @Test
    void prefetchImportsWhatACustomSourceAnswers() throws Exception {
        CompletableFuture<JwkSet> keys = CompletableFuture.supplyAsync(() -> JwkSet.parse(set), pool);
        JwtVerifier verifier = verifier(() -> keys).build();
        verifier.prefetch();
        CompletableFuture<VerifiedJwt> stage = verifier.verifyAsync(token).toCompletableFuture();
        assertTrue(stage.isDone(), "prefetched keys are at hand");
        assertEquals("alice", stage.join().claims().subject().orElseThrow());
    }

    /** Counts the tasks handed to it, so a test can tell whether anything ran, or waited, on it. */
    private static final class CountingExecutor implements Executor {
        final AtomicInteger tasks = new AtomicInteger();
        private final Executor delegate;

        CountingExecutor(Executor delegate) {
            this.delegate = delegate;
        }

        @Override
        public void execute(Runnable task) {
            tasks.incrementAndGet();
            delegate.execute(task);
        }
    }
}
