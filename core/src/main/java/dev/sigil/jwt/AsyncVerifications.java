package dev.sigil.jwt;

import dev.sigil.internal.keys.AbandonableWork;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksCache;
import dev.sigil.jwt.JwtVerificationException.Reason;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code verifyAsync}: verifies on the caller's thread when the keys are at hand; otherwise waits,
 * on no thread, for the key source's stage, and then verifies on the executor. Bounds what waits:
 * at most {@code maxPendingAsync} verifications per verifier, each at most {@code maxKeyWait}.
 */
final class AsyncVerifications {

    // Its verify path, which with a KeyWait returns null instead of waiting for keys.
    private final JwtVerifier path;
    private final VerificationEvents events;
    // The builder's executor, or null.
    private final Executor executor;
    // The key cache the verifier built, or null.
    private final JwksCache ownedCache;
    private final int maxPendingAsync;
    private final Duration maxKeyWait;
    // Verifications waiting for keys or handed to an executor and not yet ended; never above maxPendingAsync.
    private final AtomicInteger pendingAsync = new AtomicInteger();

    AsyncVerifications(JwtVerifier path, VerificationEvents events, Executor executor, JwksCache ownedCache,
            int maxPendingAsync, Duration maxKeyWait) {
        this.path = path;
        this.events = events;
        this.executor = executor;
        this.ownedCache = ownedCache;
        this.maxPendingAsync = maxPendingAsync;
        this.maxKeyWait = maxKeyWait;
    }

    /** {@code verifyAsync}, its outcome reported as taking the time since {@code start}. */
    CompletionStage<VerifiedJwt> verify(String token, long start) {
        KeyWait wait = new KeyWait();
        VerifiedJwt verified;
        try {
            verified = path.verify(token, wait);
        } catch (JwtVerificationException e) {
            return CompletableFuture.failedFuture(events.refused(e, start));
        }
        if (verified != null) {
            events.verified(verified, start);
            return CompletableFuture.completedFuture(verified);
        }
        return verifyWhenKeysArrive(token, wait.pending, start);
    }

    /**
     * The slow half of {@code verifyAsync}: no thread waits for {@code pending}; when it completes,
     * the verification runs again on the executor, counted against the limit until it ends. Keys
     * are at hand by then, or their failure is.
     */
    private CompletableFuture<VerifiedJwt> verifyWhenKeysArrive(String token, CompletableFuture<JwkSet> pending,
            long start) {
        Executor executor;
        try {
            executor = asyncExecutor();
        } catch (RejectedExecutionException closed) {
            return CompletableFuture.failedFuture(events.refused(new JwtVerificationException(Reason.KEYS_UNAVAILABLE,
                    "the key cache is closed: no key set can be waited for", closed), start));
        }
        if (executor instanceof ExecutorService service && service.isShutdown()) {
            return CompletableFuture.failedFuture(events.refused(new JwtVerificationException(Reason.KEYS_UNAVAILABLE,
                    "the executor is shut down: no key set can be waited for"), start));
        }
        // Counted before anything waits, so that no executor, however its queue is built, can hold
        // more than the limit for this verifier; given back when the verification ends.
        if (pendingAsync.incrementAndGet() > maxPendingAsync) {
            pendingAsync.decrementAndGet();
            return CompletableFuture.failedFuture(events.refused(new JwtVerificationException(Reason.OVERLOADED,
                    maxPendingAsync + " verifications are already waiting for keys on this verifier, its limit"
                    + " (maxPendingAsync); retry later"), start));
        }
        AsyncVerification verification = new AsyncVerification(token, start);
        // A copy, since timing out must not fail the source's own stage for its other callers. The
        // bound is the synchronous one: a source whose stage never completes cannot hold a place for good.
        pending.copy().orTimeout(maxKeyWait.toMillis(), TimeUnit.MILLISECONDS).whenComplete((set, failure) -> {
            if (failure instanceof TimeoutException) {
                verification.end(new JwtVerificationException(Reason.KEYS_UNAVAILABLE, "no key set within "
                        + maxKeyWait.toMillis() + " ms (maxKeyWait)"));
            } else {
                verification.start(executor);
            }
        });
        return verification.result;
    }

    /**
     * One {@code verifyAsync} verification on an executor. It gives its place in
     * {@code pendingAsync} back when it ends, and, dropped by a closing key cache before it ran,
     * completes its stage with {@code KEYS_UNAVAILABLE} rather than leave the caller waiting forever.
     */
    private final class AsyncVerification implements AbandonableWork {
        private final String token;
        private final long start;
        final CompletableFuture<VerifiedJwt> result = new CompletableFuture<>();

        AsyncVerification(String token, long start) {
            this.token = token;
            this.start = start;
        }

        void start(Executor executor) {
            try {
                executor.execute(this);
            } catch (RejectedExecutionException rejected) {
                // A running executor refuses work only when it is full, which passes: OVERLOADED, so the
                // caller retries. One that is shut down never takes work again: the keys are out of reach.
                end(executor instanceof ExecutorService service && service.isShutdown()
                        ? new JwtVerificationException(Reason.KEYS_UNAVAILABLE,
                                "the executor is shut down: no key set can be waited for", rejected)
                        : new JwtVerificationException(Reason.OVERLOADED,
                                "the executor refused the verification; retry later: " + rejected.getMessage(), rejected));
            }
        }

        @Override
        public void run() {
            try {
                VerifiedJwt verified = path.verify(token, null);
                events.verified(verified, start);
                result.complete(verified);
            } catch (JwtVerificationException failure) {
                result.completeExceptionally(events.refused(failure, start));
            } catch (RuntimeException | Error failure) {
                result.completeExceptionally(failure);
            } finally {
                pendingAsync.decrementAndGet();
            }
        }

        @Override
        public void abandon() {
            end(new JwtVerificationException(Reason.KEYS_UNAVAILABLE,
                    "the key cache was closed before this verification could wait for keys"));
        }

        void end(JwtVerificationException failure) {
            pendingAsync.decrementAndGet();
            result.completeExceptionally(events.refused(failure, start));
        }
    }

    /**
     * Where {@code verifyAsync} continues when it must wait.
     *
     * @throws RejectedExecutionException if the verifier's own key cache is closed
     */
    private Executor asyncExecutor() {
        if (executor != null) {
            return executor;
        }
        if (ownedCache != null) {
            return ownedCache.executor();
        }
        // A source of the application's own, and no executor given: the common pool, as CompletableFuture would.
        return ForkJoinPool.commonPool();
    }

}
