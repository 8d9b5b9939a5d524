package dev.sigil.jwk;

import dev.sigil.internal.keys.AbandonableWork;
import dev.sigil.internal.remote.HttpCaching;
import dev.sigil.internal.remote.IssuerUris;
import dev.sigil.internal.remote.RemoteGet;
import dev.sigil.internal.select.Providers;
import dev.sigil.jwt.JwtConfigurationException;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.HttpResponse;
import dev.sigil.spi.HttpTransport;
import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;
import dev.sigil.spi.UntrustedText;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A remote JSON Web Key Set, fetched from its {@code jwks_uri} (given, or found by OpenID Connect
 * discovery) and cached by the rules of a {@link JwksCachePolicy}. {@code JwtVerifier.Builder}
 * builds one for you from {@code issuer(..)} or {@code jwksUri(..)}; build one yourself to share a
 * cache between verifiers of the same issuer.
 *
 * <h2>Discovery</h2>
 * With {@link Builder#issuer(String)}, the first fetch reads
 * {@code {issuer}/.well-known/openid-configuration} (falling back to RFC 8414's
 * {@code /.well-known/oauth-authorization-server{path}} when that is 404), requires the document's
 * {@code issuer} to equal the configured one exactly, and takes its {@code jwks_uri}. Both must be
 * {@code https}, except on loopback hosts; under an {@code https} issuer the {@code jwks_uri} must be
 * {@code https} too, loopback included. Discovery is lazy, so a refused {@code jwks_uri} is a failed
 * fetch, reported to the listener, in {@link #stats()} and in {@code KEYS_UNAVAILABLE}, not a
 * {@code build()} error. A discovered {@code jwks_uri} is not kept for good: once it has failed
 * two fetches in a row, the next attempt runs discovery again (at most
 * once per {@code refreshCooldown}, and on the same backoff as every fetch), so an issuer that moves
 * its keys is followed.
 *
 * <h2>Where keys may come from</h2>
 * Every request, the first and each redirect, goes through one set of rules in core: a transport
 * makes one request and returns redirects unfollowed; core follows at most 3, resolves a relative
 * {@code Location} against the URI that answered, never goes from {@code https} to {@code http},
 * allows plain {@code http} only between loopback hosts, and refuses any other scheme. A successful
 * response in a {@code Content-Encoding} other than identity (after the transport's own gzip
 * decoding) is a failed fetch; its bytes are never parsed. Discovery documents and key sets are
 * parsed within JSON limits derived from {@link JwksCachePolicy#maxBodyBytes()}.
 *
 * <h2>Caching</h2>
 * The current set is an immutable snapshot in a volatile field: {@link #keys()} takes no lock and
 * does no I/O while the set is fresh. Freshness comes from {@code Cache-Control: max-age} within the
 * policy's bounds (else its default TTL); a background refresh starts {@code refreshAhead} before
 * expiry; refreshes are conditional ({@code If-None-Match}, {@code If-Modified-Since}) when the
 * validators received are visible ASCII, and unconditional otherwise: no header value an issuer
 * sends can stop the cache from refreshing. Concurrent
 * callers share one fetch in flight and wait for it at most the request timeout. When a fetch fails,
 * the last good set keeps serving for up to {@code maxStale} past its expiry, and the next attempt
 * waits an exponential backoff (from {@code initialBackoff}, doubling up to the cooldown, with
 * jitter, never sooner than a {@code Retry-After}).
 *
 * <h2>Key rotation</h2>
 * A token naming an unknown {@code kid}, or whose signature fails, makes the verifier call
 * {@link #refresh(JwkSet)}: at most one such fetch per {@code refreshCooldown}, counted from the last
 * one (the first fetch and TTL refreshes do not start it), so forged tokens cannot hammer the issuer.
 *
 * <h2>Untrusted text</h2>
 * Text from the issuer (URLs, header values, document members, {@code kid}s) appears in log records,
 * exception messages, listener reasons and {@link JwksStats#lastFailure()} only as
 * {@link UntrustedText} makes it printable. The {@code kid} sets given to
 * {@link JwksListener#keysChanged} are the keys' own values, unescaped.
 *
 * <h2>Threads</h2>
 * Thread-safe. Background refreshes run on the executor given to the builder, or on a daemon thread
 * this cache starts on first need and lets die when idle; {@link #close()} stops it.
 */
public final class JwksCache implements KeySource, AutoCloseable {

    private static final System.Logger LOG = System.getLogger("dev.sigil.jwk");
    /** A discovery document is small and flat; its strings are URLs and names. */
    private static final int DISCOVERY_MAX_DEPTH = 16;
    private static final int DISCOVERY_MAX_STRING = 64 * 1024;
    /** Consecutive failures of a discovered jwks_uri after which discovery runs again. */
    static final int REDISCOVER_AFTER_FAILURES = 2;
    private static final int MAX_THREADS = 4;
    private static final int MAX_QUEUED = 4096;
    private static final Map<String, String> ACCEPT_JSON =
            Map.of("Accept", "application/jwk-set+json, application/json;q=0.9");

    /** What a successful fetch left: the set and what the next conditional request needs. */
    private static final class Snapshot {
        final URI source;
        final JwkSet set;
        final byte[] body;
        final Instant expiresAt;
        final Instant refreshAt;
        final String etag;
        final String lastModified;

        Snapshot(URI source, JwkSet set, byte[] body, Instant expiresAt, Duration refreshAhead, String etag,
                String lastModified) {
            this.source = source;
            this.set = set;
            this.body = body;
            this.expiresAt = expiresAt;
            this.refreshAt = expiresAt.minus(refreshAhead);
            this.etag = etag;
            this.lastModified = lastModified;
        }
    }

    /** A failed fetch; the message is the reason reported to the listener and in KEYS_UNAVAILABLE. */
    private static final class FetchFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Duration retryAfter;

        FetchFailure(String reason, Duration retryAfter, Throwable cause) {
            super(reason, cause);
            this.retryAfter = retryAfter;
        }
    }

    private final String issuer;
    private final URI configuredJwksUri;
    private final HttpTransport transport;
    private final JsonCodec json;
    private final JwksCachePolicy policy;
    private final Clock clock;
    private final JwksListener listener;
    private final Executor givenExecutor;
    private final JsonLimits setLimits;
    private final JsonLimits discoveryLimits;

    private volatile Snapshot snapshot;
    private volatile URI discoveredJwksUri;

    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock.
    private CompletableFuture<Snapshot> inFlight;
    private Instant lastForcedRefresh;
    private int consecutiveFailures;
    private Instant nextAttempt = Instant.MIN;
    private String lastFailure = "no fetch attempted yet";
    private ThreadPoolExecutor ownedExecutor;
    private ThreadPoolExecutor fetcher;
    private boolean closed;
    private long fetchesStarted;
    private long publishedSequence;
    private Instant lastDiscovery;
    private int failuresSinceDiscovery;

    private final AtomicLong fetches = new AtomicLong();
    private final AtomicLong fetchFailures = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final AtomicLong refreshesRequested = new AtomicLong();
    private final AtomicLong refreshesSuppressed = new AtomicLong();
    private final AtomicLong staleServed = new AtomicLong();
    private volatile Instant lastSuccess;

    private JwksCache(Builder b, HttpTransport transport, JsonCodec json) {
        this.issuer = b.issuer;
        this.configuredJwksUri = b.jwksUri;
        this.transport = transport;
        this.json = json;
        this.policy = b.policy;
        this.clock = b.clock;
        this.listener = b.listener;
        this.givenExecutor = b.executor;
        // The body cap bounds what can arrive, so the parser must admit that much and no more.
        this.setLimits = new JsonLimits(policy.maxBodyBytes(), JsonLimits.DEFAULT.maxDepth(),
                JsonLimits.DEFAULT.maxStringLength());
        this.discoveryLimits = new JsonLimits(policy.maxBodyBytes(), DISCOVERY_MAX_DEPTH, DISCOVERY_MAX_STRING);
    }

    /** A builder; {@link Builder#issuer(String)} or {@link Builder#jwksUri(URI)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public JwkSet keys() throws JwtVerificationException {
        return keys(true);
    }

    @Override
    public JwkSet keysWithoutWaiting() throws JwtVerificationException {
        return keys(false);
    }

    private JwkSet keys(boolean mayWait) throws JwtVerificationException {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s != null && now.isBefore(s.expiresAt)) {
            if (!now.isBefore(s.refreshAt)) {
                refreshInBackground(s);
            }
            return s.set;
        }
        if (inBackoff(now)) {
            // A recent failure: do not ask again yet, serve what we have or fail fast.
            return serveStaleOrFail(s, now);
        }
        if (!mayWait) {
            return null;
        }
        Snapshot fresh = awaitFetch(s, false);
        if (fresh != null) {
            return fresh.set;
        }
        return serveStaleOrFail(s, clock.instant());
    }

    @Override
    public JwkSet refresh(JwkSet current) throws JwtVerificationException {
        refreshesRequested.incrementAndGet();
        Snapshot s = snapshot;
        if (s != null && s.set != current) {
            return s.set;
        }
        CompletableFuture<Snapshot> wait;
        boolean mine = false;
        lock.lock();
        try {
            s = snapshot;
            if (s != null && s.set != current) {
                return s.set;
            }
            if (inFlight != null) {
                wait = inFlight;
            } else {
                Instant now = clock.instant();
                if (lastForcedRefresh != null && now.isBefore(lastForcedRefresh.plus(policy.refreshCooldown()))
                        || inBackoff(now)) {
                    refreshesSuppressed.incrementAndGet();
                    return current;
                }
                lastForcedRefresh = now;
                wait = inFlight = new CompletableFuture<>();
                mine = true;
            }
        } finally {
            lock.unlock();
        }
        if (mine) {
            startFetch(wait, s);
        }
        Snapshot fresh = await(wait);
        return fresh != null ? fresh.set : current;
    }

    @Override
    public boolean refreshWouldWait(JwkSet current) {
        lock.lock();
        try {
            Snapshot s = snapshot;
            if (s != null && s.set != current) {
                return false;
            }
            if (inFlight != null) {
                return true;
            }
            Instant now = clock.instant();
            return !(lastForcedRefresh != null && now.isBefore(lastForcedRefresh.plus(policy.refreshCooldown()))
                    || inBackoff(now));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Fetches the key set now (discovery first, if configured) and waits for it, at start-up for
     * instance, so that the first request does not wait and a misconfiguration shows at once.
     *
     * @throws JwtVerificationException with {@code KEYS_UNAVAILABLE} and the reason, if it failed
     */
    public void prefetch() throws JwtVerificationException {
        Snapshot s = snapshot;
        if (awaitFetch(s, true) == null) {
            throw new JwtVerificationException(Reason.KEYS_UNAVAILABLE, "could not fetch the key set: " + failureReason());
        }
    }

    /** A snapshot of the counters. */
    public JwksStats stats() {
        Snapshot s = snapshot;
        String failure;
        lock.lock();
        try {
            failure = consecutiveFailures > 0 ? lastFailure : null;
        } finally {
            lock.unlock();
        }
        return new JwksStats(fetches.get(), fetchFailures.get(), notModified.get(), refreshesRequested.get(),
                refreshesSuppressed.get(), staleServed.get(), s == null ? 0 : s.set.keys().size(), lastSuccess,
                s == null ? null : s.expiresAt, failure);
    }

    /** The transport this cache resolved when it was built. */
    public HttpTransport httpTransport() {
        return transport;
    }

    /**
     * The executor that background work runs on: the one given to the builder, or this cache's own,
     * whose 4 daemon threads die when idle and whose queue holds at most 4,096 tasks, refusing more
     * (a verifier reports that as {@code OVERLOADED}).
     *
     * @throws RejectedExecutionException if this cache is closed
     */
    public Executor executor() {
        if (givenExecutor != null) {
            return givenExecutor;
        }
        lock.lock();
        try {
            if (closed) {
                throw new RejectedExecutionException("jwks cache is closed");
            }
            if (ownedExecutor == null) {
                ownedExecutor = daemonPool("sigil-jwks-refresh");
            }
            return ownedExecutor;
        } finally {
            lock.unlock();
        }
    }

    private Executor fetcher() {
        lock.lock();
        try {
            if (closed) {
                throw new RejectedExecutionException("jwks cache is closed");
            }
            if (fetcher == null) {
                // A hand-off queue: a fetch runs now on a free thread or is refused, never queued
                // behind a transport that does not return.
                fetcher = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                        daemon("sigil-jwks-fetch"));
            }
            return fetcher;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Threads that time out when idle, so an idle cache holds none and the JVM may exit meanwhile. The
     * queue is bounded: each verifier bounds its own waiting verifications, but one cache may serve
     * many verifiers, and an unbounded queue behind a slow issuer grows with the traffic.
     */
    private static ThreadPoolExecutor daemonPool(String name) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(MAX_QUEUED), daemon(name));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Stops this cache's own threads, if it started any. Cached keys stay usable. Verifications that
     * {@code verifyAsync} queued on the cache's own executor and that had not started complete with
     * {@code KEYS_UNAVAILABLE}; none is left pending.
     */
    @Override
    public void close() {
        List<Runnable> dropped = List.of();
        lock.lock();
        try {
            closed = true;
            if (ownedExecutor != null) {
                dropped = ownedExecutor.shutdownNow();
            }
            if (fetcher != null) {
                fetcher.shutdownNow();
            }
        } finally {
            lock.unlock();
        }
        // Outside the lock: abandoning completes callers' stages, which runs their callbacks here.
        for (Runnable work : dropped) {
            if (work instanceof AbandonableWork) {
                ((AbandonableWork) work).abandon();
            }
        }
    }

    private boolean inBackoff(Instant now) {
        lock.lock();
        try {
            return now.isBefore(nextAttempt);
        } finally {
            lock.unlock();
        }
    }

    private JwkSet serveStaleOrFail(Snapshot s, Instant now) throws JwtVerificationException {
        if (s == null) {
            throw new JwtVerificationException(Reason.KEYS_UNAVAILABLE, "no key set yet: " + failureReason());
        }
        Duration staleFor = Duration.between(s.expiresAt, now);
        if (staleFor.compareTo(policy.maxStale()) > 0) {
            throw new JwtVerificationException(Reason.KEYS_UNAVAILABLE, "the key set expired " + staleFor.getSeconds()
                    + " s ago, beyond the max-stale bound of " + policy.maxStale().getSeconds()
                    + " s, and refreshing it failed: " + failureReason());
        }
        staleServed.incrementAndGet();
        notify(() -> listener.staleKeysServed(staleFor));
        return s.set;
    }

    private String failureReason() {
        lock.lock();
        try {
            return lastFailure;
        } finally {
            lock.unlock();
        }
    }

    /** Joins the fetch in flight, or starts one on this thread; null when it failed or took too long. */
    private Snapshot awaitFetch(Snapshot seen, boolean ignoreBackoff) {
        CompletableFuture<Snapshot> wait;
        boolean mine = false;
        lock.lock();
        try {
            Snapshot current = snapshot;
            if (current != seen && current != null) {
                return current;
            }
            if (inFlight == null) {
                if (!ignoreBackoff && clock.instant().isBefore(nextAttempt)) {
                    return null;
                }
                inFlight = new CompletableFuture<>();
                mine = true;
            }
            wait = inFlight;
        } finally {
            lock.unlock();
        }
        if (mine) {
            startFetch(wait, seen);
        }
        return await(wait);
    }

    /**
     * Runs a fetch a caller will wait for on one of the cache's own fetcher threads, so that a
     * transport which ignores its timeouts (or hangs in DNS) makes callers wait at most the request
     * timeout, never forever. When every fetcher thread is stuck in such a transport, the fetch fails
     * at once rather than queue behind them.
     */
    private void startFetch(CompletableFuture<Snapshot> done, Snapshot previous) {
        try {
            fetcher().execute(() -> runFetch(done, previous));
        } catch (RejectedExecutionException e) {
            recordFailure(new FetchFailure(closed() ? "the jwks cache is closed"
                    : "every fetcher thread is still waiting on an earlier fetch", null, e));
            finish(done, null);
        }
    }

    private boolean closed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    private Snapshot await(CompletableFuture<Snapshot> wait) {
        try {
            return wait.get(policy.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        } catch (TimeoutException e) {
            abandon(wait);
            return null;
        }
    }

    /**
     * A fetch that outlived the request timeout is given up: later callers start a new one (after the
     * backoff) instead of joining one that may never end. If it does end, its result still counts.
     */
    private void abandon(CompletableFuture<Snapshot> wait) {
        boolean first;
        lock.lock();
        try {
            first = inFlight == wait;
            if (first) {
                inFlight = null;
            }
        } finally {
            lock.unlock();
        }
        // Completing it marks it abandoned: its own failure, when it comes, is not counted again.
        if (wait.complete(null) && first) {
            recordFailure(new FetchFailure("no answer within the request timeout of "
                    + policy.requestTimeout().toMillis() + " ms", null, null));
        }
    }

    private void refreshInBackground(Snapshot seen) {
        CompletableFuture<Snapshot> mine;
        lock.lock();
        try {
            if (inFlight != null || snapshot != seen || closed || clock.instant().isBefore(nextAttempt)) {
                return;
            }
            mine = inFlight = new CompletableFuture<>();
        } finally {
            lock.unlock();
        }
        try {
            executor().execute(() -> runFetch(mine, seen));
        } catch (RejectedExecutionException e) {
            lock.lock();
            try {
                inFlight = null;
            } finally {
                lock.unlock();
            }
            mine.complete(null);
        }
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
            if (e instanceof Error) {
                finish(done, null);
                throw (Error) e;
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

    private Snapshot fetch(Snapshot previous) throws FetchFailure {
        URI uri = jwksUri();
        Snapshot next;
        try {
            next = fetchFrom(uri, previous);
        } catch (FetchFailure e) {
            jwksUriFailed(uri);
            throw e;
        }
        lock.lock();
        try {
            failuresSinceDiscovery = 0;
        } finally {
            lock.unlock();
        }
        return next;
    }

    private Snapshot fetchFrom(URI uri, Snapshot previous) throws FetchFailure {
        // Validators belong to the resource that sent them: none go to a jwks_uri found anew.
        Snapshot validated = previous != null && previous.source.equals(uri) ? previous : null;
        Map<String, String> headers = new LinkedHashMap<>(ACCEPT_JSON);
        if (validated != null && validated.etag != null) {
            headers.put("If-None-Match", validated.etag);
        }
        if (validated != null && validated.lastModified != null) {
            headers.put("If-Modified-Since", validated.lastModified);
        }
        fetches.incrementAndGet();
        long start = System.nanoTime();
        HttpResponse response = get(uri, headers, start);
        Instant now = clock.instant();
        Duration ttl = HttpCaching.freshness(response.header("Cache-Control"), policy.defaultTtl(), policy.minTtl(),
                policy.maxTtl());
        // A validator no client can send back as received is dropped here, so the next request is
        // unconditional rather than one that cannot be built or can never match.
        String etag = HttpCaching.echoableEtag(response.header("ETag").orElse(null));
        String lastModified = HttpCaching.echoableLastModified(response.header("Last-Modified").orElse(null));
        if (response.status() == 304 && validated != null) {
            notModified.incrementAndGet();
            succeeded(uri, 304, start);
            return new Snapshot(uri, validated.set, validated.body, now.plus(ttl), policy.refreshAhead(),
                    response.header("ETag").isPresent() ? etag : validated.etag,
                    response.header("Last-Modified").isPresent() ? lastModified : validated.lastModified);
        }
        if (response.status() != 200) {
            throw httpFailure(uri, response, now, start);
        }
        byte[] body = response.body();
        JwkSet set;
        if (previous != null && Arrays.equals(body, previous.body)) {
            // The same bytes: keep the same instance, so verifiers keep their imported keys.
            set = previous.set;
        } else {
            try {
                set = JwkSet.parse(body, json, setLimits);
            } catch (InvalidJwkException e) {
                // InvalidJwkException's messages are printable already (its class comment).
                throw failed(uri, "malformed key set from " + RemoteGet.show(uri) + ": " + e.getMessage(), null, start, e);
            }
            int entries = set.keys().size() + set.malformedKeys().size();
            if (entries > policy.maxKeys()) {
                throw failed(uri, "key set from " + RemoteGet.show(uri) + " holds " + entries
                        + " keys, more than the limit of " + policy.maxKeys(), null, start, null);
            }
        }
        succeeded(uri, 200, start);
        return new Snapshot(uri, set, body, now.plus(ttl), policy.refreshAhead(), etag, lastModified);
    }

    /**
     * Counts a failure of a discovered {@code jwks_uri}; after {@value #REDISCOVER_AFTER_FAILURES}
     * in a row, and at most once per cooldown, forgets it so that the next attempt (on the usual
     * backoff) runs discovery again: an issuer that moved its keys is followed instead of being
     * pinned to the old place for the life of the process.
     */
    private void jwksUriFailed(URI uri) {
        if (configuredJwksUri != null) {
            return;
        }
        Instant now = clock.instant();
        boolean forget = false;
        lock.lock();
        try {
            if (!uri.equals(discoveredJwksUri)) {
                return;
            }
            failuresSinceDiscovery++;
            if (failuresSinceDiscovery >= REDISCOVER_AFTER_FAILURES
                    && (lastDiscovery == null || !now.isBefore(lastDiscovery.plus(policy.refreshCooldown())))) {
                discoveredJwksUri = null;
                failuresSinceDiscovery = 0;
                forget = true;
            }
        } finally {
            lock.unlock();
        }
        if (forget) {
            LOG.log(Level.INFO, "jwks_uri " + RemoteGet.show(uri) + " failed " + REDISCOVER_AFTER_FAILURES
                    + " fetches in a row; the next attempt runs discovery again");
        }
    }

    private URI jwksUri() throws FetchFailure {
        if (configuredJwksUri != null) {
            return configuredJwksUri;
        }
        URI known = discoveredJwksUri;
        if (known != null) {
            return known;
        }
        lock.lock();
        try {
            lastDiscovery = clock.instant();
        } finally {
            lock.unlock();
        }
        long start = System.nanoTime();
        URI oidc = IssuerUris.openIdConfiguration(issuer);
        HttpResponse response = get(oidc, Map.of("Accept", "application/json"), start);
        URI documentUri = oidc;
        if (response.status() == 404) {
            documentUri = IssuerUris.oauthAuthorizationServer(issuer);
            response = get(documentUri, Map.of("Accept", "application/json"), start);
        }
        if (response.status() != 200) {
            throw httpFailure(documentUri, response, clock.instant(), start);
        }
        String at = RemoteGet.show(documentUri);
        Object document;
        try {
            document = json.parse(response.body(), discoveryLimits);
        } catch (JsonParseException | RuntimeException e) {
            throw failed(documentUri, "discovery document at " + at + " is not valid json: "
                    + UntrustedText.printable(e.getMessage()), null, start, e);
        }
        if (!(document instanceof Map)) {
            throw failed(documentUri, "discovery document at " + at + " is not a json object", null, start, null);
        }
        Object named = ((Map<?, ?>) document).get("issuer");
        if (!issuer.equals(named)) {
            throw failed(documentUri, "discovery document at " + at + " names issuer "
                    + (named instanceof String ? UntrustedText.quoted((String) named) : "(none)")
                    + ", not the configured " + UntrustedText.quoted(issuer), null, start, null);
        }
        Object jwks = ((Map<?, ?>) document).get("jwks_uri");
        if (!(jwks instanceof String)) {
            throw failed(documentUri, "discovery document at " + at + " has no jwks_uri", null, start, null);
        }
        URI jwksUri;
        try {
            jwksUri = URI.create((String) jwks);
        } catch (IllegalArgumentException e) {
            throw failed(documentUri, "discovery document's jwks_uri " + UntrustedText.quoted((String) jwks)
                    + " is not a valid uri", null, start, e);
        }
        String refusal = IssuerUris.jwksRefusal(issuer, jwksUri);
        if (refusal != null) {
            throw failed(documentUri, "discovery document's jwks_uri " + refusal, null, start, null);
        }
        succeeded(documentUri, 200, start);
        discoveredJwksUri = jwksUri;
        return jwksUri;
    }

    /**
     * One GET through {@link RemoteGet}, which follows redirects by core's rules. Anything the
     * transport throws, unchecked exceptions included (a header it cannot encode, a bug), is a
     * failed fetch with the usual backoff: a later attempt may succeed.
     */
    private HttpResponse get(URI uri, Map<String, String> headers, long start) throws FetchFailure {
        try {
            HttpResponse response = RemoteGet.get(transport, uri, headers, policy.connectTimeout(),
                    policy.requestTimeout(), policy.maxBodyBytes());
            if (response == null) {
                throw failed(uri, "http transport " + UntrustedText.quoted(transport.name()) + " returned no response",
                        null, start, null);
            }
            return response;
        } catch (RemoteGet.Refused e) {
            throw failed(uri, e.getMessage(), null, start, e);
        } catch (IOException e) {
            throw failed(uri, "fetching " + RemoteGet.show(uri) + " failed: " + UntrustedText.printable(e.toString()),
                    null, start, e);
        } catch (RuntimeException e) {
            throw failed(uri, "http transport " + UntrustedText.quoted(transport.name()) + " failed: "
                    + UntrustedText.printable(e.toString()), null, start, e);
        }
    }

    private FetchFailure httpFailure(URI uri, HttpResponse response, Instant now, long start) {
        Duration retryAfter = response.status() == 429 || response.status() == 503
                ? HttpCaching.retryAfter(response.header("Retry-After"), now).orElse(null) : null;
        return failed(uri, RemoteGet.show(uri) + " answered HTTP " + response.status(), retryAfter, start, null);
    }

    private FetchFailure failed(URI uri, String reason, Duration retryAfter, long start, Throwable cause) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        notify(() -> listener.fetchFailed(uri, reason, took));
        return new FetchFailure(reason, retryAfter, cause);
    }

    private void succeeded(URI uri, int status, long start) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        notify(() -> listener.fetchSucceeded(uri, status, took));
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
                return snapshot;
            }
            publishedSequence = sequence;
            replaced = snapshot;
            snapshot = next;
            consecutiveFailures = 0;
            nextAttempt = Instant.MIN;
            lastFailure = "none";
        } finally {
            lock.unlock();
        }
        lastSuccess = clock.instant();
        if (replaced == null || replaced.set != next.set) {
            Set<String> before = replaced == null ? Set.of() : kids(replaced.set);
            Set<String> after = kids(next.set);
            Set<String> added = new HashSet<>(after);
            added.removeAll(before);
            Set<String> removed = new HashSet<>(before);
            removed.removeAll(after);
            if (!added.isEmpty() || !removed.isEmpty()) {
                LOG.log(Level.INFO, "jwks keys changed: added " + printable(added) + ", removed " + printable(removed));
                notify(() -> listener.keysChanged(Set.copyOf(added), Set.copyOf(removed)));
            }
        }
        return next;
    }

    private void recordFailure(FetchFailure failure) {
        fetchFailures.incrementAndGet();
        Instant now = clock.instant();
        lock.lock();
        try {
            consecutiveFailures++;
            lastFailure = failure.getMessage();
            Duration backoff = backoff(consecutiveFailures);
            if (failure.retryAfter != null && failure.retryAfter.compareTo(backoff) > 0) {
                backoff = failure.retryAfter;
            }
            nextAttempt = now.plus(backoff);
        } finally {
            lock.unlock();
        }
        LOG.log(Level.WARNING, "jwks fetch failed: " + failure.getMessage());
    }

    /** From the initial backoff, doubling up to the cooldown, jittered to 50-100% so callers spread out. */
    private Duration backoff(int failures) {
        long base = policy.initialBackoff().toMillis();
        long cap = policy.refreshCooldown().toMillis();
        long wait = failures >= 31 ? cap : Math.min(cap, base << (failures - 1));
        long jittered = wait / 2 + ThreadLocalRandom.current().nextLong(wait / 2 + 1);
        return Duration.ofMillis(Math.max(1, jittered));
    }

    private static Set<String> kids(JwkSet set) {
        Set<String> kids = new HashSet<>();
        for (Jwk key : set.keys()) {
            key.keyId().ifPresent(kids::add);
        }
        return kids;
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a JwksListener threw; ignored", e);
        }
    }

    /** Kids as a log record shows them: each quoted and made printable, so none can forge a line. */
    private static String printable(Set<String> kids) {
        StringBuilder sb = new StringBuilder("[");
        for (String kid : kids) {
            sb.append(sb.length() == 1 ? "" : ", ").append(UntrustedText.quoted(kid));
        }
        return sb.append(']').toString();
    }

    @Override
    public String toString() {
        return "JwksCache[" + (configuredJwksUri != null ? RemoteGet.show(configuredJwksUri)
                : "issuer " + UntrustedText.printable(issuer)) + "]";
    }

    /**
     * Configures a {@link JwksCache}. Exactly one of {@link #issuer(String)} and
     * {@link #jwksUri(URI)} is required.
     */
    public static final class Builder {

        private String issuer;
        private URI jwksUri;
        private HttpTransport transport;
        private JsonCodec codec;
        private JwksCachePolicy policy = JwksCachePolicy.defaults();
        private Clock clock = Clock.systemUTC();
        private JwksListener listener = new JwksListener() { };
        private Executor executor;

        private Builder() {
        }

        /**
         * Finds the key set by discovery from this issuer: {@code https}, or {@code http} on a
         * loopback host. The discovery document's {@code issuer} must equal it exactly.
         */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        /** Fetches the key set from this URI, without discovery. */
        public Builder jwksUri(URI jwksUri) {
            this.jwksUri = Objects.requireNonNull(jwksUri, "jwksUri");
            return this;
        }

        /** The transport. Default: found with ServiceLoader (system property {@code sigil.http}). */
        public Builder httpTransport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** The JSON codec. Default: found with ServiceLoader (system property {@code sigil.json}), else built-in. */
        public Builder jsonCodec(JsonCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /** Timeouts, limits and freshness. Default {@link JwksCachePolicy#defaults()}. */
        public Builder policy(JwksCachePolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The clock for expiry, cooldown and backoff. Default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Hears fetches, failures, changes and stale serving. Default: none (failures are still logged). */
        public Builder listener(JwksListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Runs background refreshes. Default: a daemon thread of the cache's own, started on first
         * need and stopped by {@link JwksCache#close()}.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * @throws JwtConfigurationException if neither or both of issuer and jwks uri are set, either
         *     is not {@code https} (outside loopback), or no {@link HttpTransport} is found
         */
        public JwksCache build() {
            if (issuer != null && jwksUri != null) {
                throw new JwtConfigurationException("issuer(..) and jwksUri(..) cannot both be set on a JwksCache");
            }
            if (issuer == null && jwksUri == null) {
                throw new JwtConfigurationException("a JwksCache needs issuer(..) for discovery or jwksUri(..)");
            }
            if (issuer != null) {
                URI discovery;
                try {
                    discovery = IssuerUris.openIdConfiguration(issuer);
                } catch (IllegalArgumentException e) {
                    throw new JwtConfigurationException("issuer " + UntrustedText.quoted(issuer) + " is not a valid uri", e);
                }
                String refusal = IssuerUris.refusal(discovery);
                if (refusal != null) {
                    throw new JwtConfigurationException("issuer for discovery: " + refusal);
                }
            } else {
                String refusal = IssuerUris.refusal(jwksUri);
                if (refusal != null) {
                    throw new JwtConfigurationException("jwksUri(..): " + refusal);
                }
            }
            return new JwksCache(this, Providers.HTTP.select(transport), Providers.JSON.select(codec));
        }
    }
}
