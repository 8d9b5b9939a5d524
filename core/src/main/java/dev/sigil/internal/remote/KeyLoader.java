package dev.sigil.internal.remote;

import dev.sigil.internal.log.SigilLoggers;
import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksCachePolicy;
import dev.sigil.jwk.JwksListener;
import dev.sigil.spi.HttpTransport;
import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.UntrustedText;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.LongUnaryOperator;

/**
 * Loads the key set, one fetch at a time: concurrent callers share the fetch in flight, as a stage
 * that completes within the request timeout; a fetch that outlives it is abandoned, and a late answer
 * never puts an older set back. Each outcome becomes the next {@link RefreshState}, which the refresh rules are
 * asked about; this class decides nothing about freshness itself.
 *
 * <p>Over core's 400-line aim by its three small task classes ({@code Fetch}, {@code Deadline},
 * {@code Abandonment}), classes rather than lambdas so that a cold start spins none (issue 18). They
 * call this class's private fetch and abandon steps, which take its lock and state; moving them to
 * a class of their own would open those steps to the whole package.
 */
public final class KeyLoader {

    /** Runs a task on the thread that hands it over: the JDK's delay thread, for {@link Deadline}. */
    private static final Executor ON_DELAY_THREAD = new Executor() {
        @Override
        public void execute(Runnable task) {
            task.run();
        }
    };

    private final JwksLocation location;
    private final JwksFetcher fetcher;
    private final JwksCachePolicy policy;
    private final Clock clock;
    private final JwksListener listener;
    private final FetchStats stats;
    private final CacheThreads threads;
    private final LongUnaryOperator jitter = RefreshState.RANDOM_JITTER;

    private volatile RefreshState state = RefreshState.initial();
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock, as are the writes of state.
    private CompletableFuture<Snapshot> inFlight;
    private long fetchesStarted;
    private long publishedSequence;

    /**
     * @param issuer the issuer to discover the {@code jwks_uri} of, or {@code null} when {@code jwksUri} is given
     * @param parser {@code JwkSet.parse} with {@code json}, throwing {@code InvalidJwkException}
     */
    public KeyLoader(String issuer, URI jwksUri, HttpTransport transport, JsonCodec json,
            BiFunction<byte[], JsonLimits, JwkSet> parser, JwksCachePolicy policy, Clock clock,
            JwksListener listener, FetchStats stats, CacheThreads threads) {
        this.policy = policy;
        this.clock = clock;
        this.listener = listener;
        this.stats = stats;
        this.threads = threads;
        this.fetcher = new JwksFetcher(transport, listener, parser, policy, clock, stats);
        this.location = new JwksLocation(jwksUri, issuer, null, fetcher, json, policy, clock);
    }

    /** The current state; read without a lock. */
    public RefreshState state() {
        return state;
    }

    /** Tells the listener that an expired set is being served. */
    public void servingStale(Duration staleFor) {
        stats.staleServed();
        try {
            listener.staleKeysServed(staleFor);
        } catch (RuntimeException e) {
            JwksFetcher.listenerThrew(e);
        }
    }

    /**
     * A forced refresh for a caller holding {@code current}: a newer set if there is one, else the
     * fetch in flight, else a new fetch if the refresh rules allow one (else {@code current}, counted
     * as suppressed). The stage completes within the request timeout, with {@code current} when the
     * fetch fails.
     */
    public CompletableFuture<JwkSet> forceRefresh(JwkSet current) {
        stats.refreshRequested();
        Snapshot s = state.snapshot();
        if (s != null && s.set() != current) {
            return s.settled();
        }
        CompletableFuture<Snapshot> fetch;
        boolean mine = false;
        lock.lock();
        try {
            s = state.snapshot();
            if (s != null && s.set() != current) {
                return s.settled();
            }
            if (inFlight != null) {
                fetch = inFlight;
            } else {
                Instant now = clock.instant();
                if (!state.mayForceRefresh(now, policy.refreshCooldown())) {
                    stats.refreshSuppressed();
                    return CompletableFuture.completedFuture(current);
                }
                state = state.forcedRefreshStarted(now);
                fetch = inFlight = new CompletableFuture<>();
                mine = true;
            }
        } finally {
            lock.unlock();
        }
        if (mine) {
            startFetch(fetch, s);
        }
        return fetch.handle((fresh, failed) -> fresh != null ? fresh.set() : current);
    }

    /**
     * The fetch in flight, or a new one: completes within the request timeout with the snapshot it
     * published, or {@code null} when it failed (or exceptionally, with the reason, when it timed out). Complete at once with a snapshot other than
     * {@code seen}, and with {@code null} in backoff unless {@code ignoreBackoff}.
     */
    public CompletableFuture<Snapshot> fetch(Snapshot seen, boolean ignoreBackoff) {
        CompletableFuture<Snapshot> fetch;
        lock.lock();
        try {
            Snapshot current = state.snapshot();
            if (current != seen && current != null) {
                return CompletableFuture.completedFuture(current);
            }
            if (inFlight != null) {
                return inFlight;
            }
            if (!ignoreBackoff && state.inBackoff(clock.instant())) {
                return CompletableFuture.completedFuture(null);
            }
            fetch = inFlight = new CompletableFuture<>();
        } finally {
            lock.unlock();
        }
        startFetch(fetch, seen);
        return fetch;
    }

    /** Starts a refresh on the background executor unless one is in flight, the set changed, or in backoff. */
    public void refreshInBackground(Snapshot seen) {
        CompletableFuture<Snapshot> mine;
        lock.lock();
        try {
            if (inFlight != null || state.snapshot() != seen || threads.closed()
                    || state.inBackoff(clock.instant())) {
                return;
            }
            mine = inFlight = new CompletableFuture<>();
        } finally {
            lock.unlock();
        }
        try {
            threads.executor().execute(new Fetch(mine, seen));
        } catch (RejectedExecutionException e) {
            lock.lock();
            try {
                inFlight = null;
            } finally {
                lock.unlock();
            }
            mine.complete(null);
            return;
        }
        // Callers that find it in flight wait for it, so it is bounded like theirs.
        giveUpAfterTimeout(mine);
    }

    /**
     * Runs a fetch a caller will wait for on one of the cache's own fetcher threads, so that a
     * transport which ignores its timeouts (or hangs in DNS) makes callers wait at most the request
     * timeout, never forever. When every fetcher thread is stuck in such a transport, the fetch fails
     * at once rather than queue behind them.
     */
    private void startFetch(CompletableFuture<Snapshot> done, Snapshot previous) {
        try {
            threads.fetcher().execute(new Fetch(done, previous));
        } catch (RejectedExecutionException e) {
            recordFailure(new FetchFailure(threads.closed() ? "the jwks cache is closed"
                    : "every fetcher thread is still waiting on an earlier fetch", null, e));
            finish(done, null);
            return;
        }
        giveUpAfterTimeout(done);
    }

    /**
     * Bounds how long anyone waits for this fetch, whatever its transport does: at the request
     * timeout it is abandoned. The JDK's delay thread only hands the abandonment to the cache's
     * executor, since completing the fetch runs its waiters' continuations (listeners among them);
     * only when that executor refuses does the delay thread abandon it itself.
     */
    private void giveUpAfterTimeout(CompletableFuture<Snapshot> fetch) {
        CompletableFuture.delayedExecutor(policy.requestTimeout().toMillis(), TimeUnit.MILLISECONDS, ON_DELAY_THREAD)
                .execute(new Deadline(fetch));
    }

    // Named classes rather than lambdas, here and below: every cold start's first fetch makes each of
    // them, and in a fresh JVM each lambda spins a class of its own first (issue 18).

    /** One fetch, completing {@code done}. */
    private final class Fetch implements Runnable {
        private final CompletableFuture<Snapshot> done;
        private final Snapshot previous;

        Fetch(CompletableFuture<Snapshot> done, Snapshot previous) {
            this.done = done;
            this.previous = previous;
        }

        @Override
        public void run() {
            runFetch(done, previous);
        }
    }

    /** At the request timeout, on the delay thread: hands a fetch not yet done to {@link Abandonment}. */
    private final class Deadline implements Runnable {
        private final CompletableFuture<Snapshot> fetch;

        Deadline(CompletableFuture<Snapshot> fetch) {
            this.fetch = fetch;
        }

        @Override
        public void run() {
            if (fetch.isDone()) {
                return;
            }
            Abandonment giveUp = new Abandonment(fetch);
            try {
                threads.executor().execute(giveUp);
            } catch (RejectedExecutionException e) {
                giveUp.run();
            }
        }
    }

    /** Gives a fetch up ({@link #abandon(CompletableFuture)}). */
    private final class Abandonment implements Runnable {
        private final CompletableFuture<Snapshot> fetch;

        Abandonment(CompletableFuture<Snapshot> fetch) {
            this.fetch = fetch;
        }

        @Override
        public void run() {
            abandon(fetch);
        }
    }

    /**
     * A fetch that outlived the request timeout is given up: it fails for those waiting, and later
     * callers start a new one (after the backoff) instead of joining one that may never end. If it
     * does end, its result still counts.
     */
    private void abandon(CompletableFuture<Snapshot> fetch) {
        abandon(fetch, "no answer within the request timeout of " + policy.requestTimeout().toMillis() + " ms");
    }

    /** Gives up the fetch in flight, if any, so that nobody waits for a fetch of a closed cache. */
    public void close() {
        CompletableFuture<Snapshot> fetch;
        lock.lock();
        try {
            fetch = inFlight;
        } finally {
            lock.unlock();
        }
        if (fetch != null) {
            abandon(fetch, "the jwks cache is closed");
        }
    }

    private void abandon(CompletableFuture<Snapshot> fetch, String reason) {
        lock.lock();
        try {
            if (inFlight != fetch) {
                // Already finishing: its own result is on its way.
                return;
            }
            inFlight = null;
        } finally {
            lock.unlock();
        }
        FetchFailure failure = new FetchFailure(reason, null, null);
        // Recorded first, so that whoever wakes sees it in the state and the counters; once failed,
        // the fetch's own failure, when it comes, is not counted again.
        recordFailure(failure);
        fetch.completeExceptionally(failure);
    }

    /** Fetches, publishes the result, and completes {@code done} (with null on failure). Never throws. */
    private void runFetch(CompletableFuture<Snapshot> done, Snapshot previous) {
        long sequence;
        lock.lock();
        try {
            sequence = ++fetchesStarted;
        } finally {
            lock.unlock();
        }
        Snapshot next = null;
        try {
            next = fetch(previous);
            next = publish(sequence, next);
        } catch (FetchFailure e) {
            if (!done.isDone()) {
                recordFailure(e);
            }
        } catch (RuntimeException | Error e) {
            // A transport or codec bug must not leave waiters hanging or kill the refresher.
            if (!done.isDone()) {
                recordFailure(new FetchFailure("fetch failed unexpectedly: " + UntrustedText.printable(e.toString()),
                        null, e));
            }
            if (e instanceof Error error) {
                finish(done, null);
                throw error;
            }
        }
        finish(done, next);
    }

    private void finish(CompletableFuture<Snapshot> done, Snapshot next) {
        lock.lock();
        try {
            if (inFlight == done) {
                inFlight = null;
            }
        } finally {
            lock.unlock();
        }
        done.complete(next);
    }

    /** Discovery when needed, then the set; a failure of the set's URI may lead to discovery again. */
    private Snapshot fetch(Snapshot previous) throws FetchFailure {
        URI uri = location.jwksUri();
        Snapshot next;
        try {
            next = fetcher.fetch(uri, previous);
        } catch (FetchFailure e) {
            location.fetchFailed(uri);
            throw e;
        }
        location.fetchSucceeded();
        return next;
    }

    /**
     * Makes {@code next} current unless a fetch that started later has already published: an
     * abandoned fetch that answers late must not put an older set back. Returns the current snapshot.
     */
    private Snapshot publish(long sequence, Snapshot next) {
        Snapshot replaced;
        lock.lock();
        try {
            if (sequence < publishedSequence) {
                return state.snapshot();
            }
            publishedSequence = sequence;
            replaced = state.snapshot();
            state = state.published(next);
        } finally {
            lock.unlock();
        }
        stats.succeededAt(clock.instant());
        if (replaced == null || replaced.set() != next.set()) {
            Set<String> before = replaced == null ? Set.of() : kids(replaced.set());
            Set<String> after = kids(next.set());
            Set<String> added = new HashSet<>(after);
            added.removeAll(before);
            Set<String> removed = new HashSet<>(before);
            removed.removeAll(after);
            if (!added.isEmpty() || !removed.isEmpty()) {
                if (replaced != null) {
                    // A rotation is worth a line; the first set is not a change, and logging it would
                    // start the JDK's logging back end and print (about 30 ms cold) before the first token.
                    SigilLoggers.jwk().log(Level.INFO, "jwks keys changed: added " + printable(added) + ", removed " + printable(removed));
                }
                try {
                    listener.keysChanged(Set.copyOf(added), Set.copyOf(removed));
                } catch (RuntimeException e) {
                    JwksFetcher.listenerThrew(e);
                }
            }
        }
        return next;
    }

    private void recordFailure(FetchFailure failure) {
        stats.fetchFailed();
        Instant now = clock.instant();
        lock.lock();
        try {
            state = state.failed(failure.getMessage(), failure.retryAfter, now, policy, jitter);
        } finally {
            lock.unlock();
        }
        SigilLoggers.jwk().log(Level.WARNING, "jwks fetch failed: " + failure.getMessage());
    }

    private static Set<String> kids(JwkSet set) {
        Set<String> kids = new HashSet<>();
        for (Jwk key : set.keys()) {
            Optional<String> kid = key.keyId();
            if (kid.isPresent()) {
                kids.add(kid.get());
            }
        }
        return kids;
    }

    /** Kids as a log record shows them: each quoted and made printable, so none can forge a line. */
    private static String printable(Set<String> kids) {
        StringBuilder sb = new StringBuilder("[");
        for (String kid : kids) {
            sb.append(sb.length() == 1 ? "" : ", ").append(UntrustedText.quoted(kid));
        }
        return sb.append(']').toString();
    }
}
