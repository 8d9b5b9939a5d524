package dev.sigil.internal.remote;

import dev.sigil.internal.log.SigilLoggers;
import dev.sigil.jwk.JwksCachePolicy;
import dev.sigil.jwk.JwksListener;
import dev.sigil.jwk.KeysUnavailableException;
import dev.sigil.spi.HttpTransport;
import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.UntrustedText;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * OpenID Connect discovery alone, for one issuer whose key set lives in a cache shared with other
 * issuers (every tenant of a multi-tenant provider names the same {@code jwks_uri}): the discovery
 * document is fetched, checked and read by the same rules as a {@code JwksCache}'s own discovery,
 * and its {@code jwks_uri} kept.
 *
 * <p>Callers never wait for each other's requests: the discovery in flight is shared, and after a
 * failure no new request is made before the backoff has passed (from the policy's initial backoff,
 * doubling up to its cooldown), so a flood of tokens for an issuer that is down costs that issuer
 * one request per backoff. A kept {@code jwks_uri} whose key set fails twice in a row is forgotten, at
 * most once per cooldown, so that an issuer that moves its keys is followed.
 */
public final class IssuerDiscovery {

    private final String issuer;
    private final JwksLocation location;
    private final JwksCachePolicy policy;
    private final Clock clock;
    private final CacheThreads threads;
    private final FetchStats stats = new FetchStats();

    private volatile CompletableFuture<URI> known;
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock.
    private CompletableFuture<URI> inFlight;
    private int failures;
    private Instant nextAttempt = Instant.MIN;
    private String lastFailure = "no discovery attempted yet";

    /**
     * @param tenant the tenant this issuer was made for from a template, or {@code null}: a document
     *     that names the template itself (Entra ID's {@code common} document) is then accepted for it
     * @param threads whose fetcher threads run the requests; shared with the key caches, and closed by
     *     their owner, not here
     */
    public IssuerDiscovery(String issuer, String tenant, HttpTransport transport, JsonCodec json, JwksCachePolicy policy,
            Clock clock, JwksListener listener, CacheThreads threads) {
        this.issuer = issuer;
        this.policy = policy;
        this.clock = clock;
        this.threads = threads;
        JwksFetcher requests = new JwksFetcher(transport, listener, (body, limits) -> {
            throw new IllegalStateException("discovery parses no key set");
        }, policy, clock, stats);
        this.location = new JwksLocation(null, issuer, tenant, requests, json, policy, clock);
    }

    /**
     * The discovered {@code jwks_uri}: a completed stage once known; else the discovery in flight, or
     * a new one; within the backoff after a failure, a stage failed at once with a
     * {@link KeysUnavailableException}. Never blocks.
     */
    public CompletableFuture<URI> jwksUri() {
        CompletableFuture<URI> done = known;
        if (done != null) {
            return done;
        }
        CompletableFuture<URI> mine;
        lock.lock();
        try {
            done = known;
            if (done != null) {
                return done;
            }
            if (inFlight != null) {
                return inFlight;
            }
            Instant now = clock.instant();
            if (now.isBefore(nextAttempt)) {
                return CompletableFuture.failedFuture(new KeysUnavailableException("discovery of issuer's keys failed "
                        + Duration.between(now, nextAttempt).toMillis() / 1000 + " s before the next attempt: " + lastFailure));
            }
            mine = inFlight = new CompletableFuture<>();
        } finally {
            lock.unlock();
        }
        try {
            threads.fetcher().execute(() -> discover(mine));
        } catch (RejectedExecutionException e) {
            // Busy here, not failing there: no backoff, so that a retry may pass once a thread is free.
            lock.lock();
            try {
                inFlight = null;
            } finally {
                lock.unlock();
            }
            mine.completeExceptionally(new KeysUnavailableException("no thread is free to run discovery now ("
                    + (threads.closed() ? "closed" : "all busy") + "); retry later"));
        }
        return mine;
    }

    /**
     * Whether a {@code jwks_uri} is known; false before the first discovery and after a known one was
     * forgotten because its key set kept failing. A volatile read.
     */
    public boolean isKnown() {
        return known != null;
    }

    private void discover(CompletableFuture<URI> mine) {
        try {
            finish(mine, location.jwksUri(), null);
        } catch (FetchFailure e) {
            finish(mine, null, e.getMessage());
        } catch (RuntimeException e) {
            finish(mine, null, "discovery failed: " + e.getClass().getSimpleName());
        }
    }

    private void finish(CompletableFuture<URI> mine, URI found, String failure) {
        lock.lock();
        try {
            inFlight = null;
            if (found != null) {
                failures = 0;
                known = CompletableFuture.completedFuture(found);
            } else {
                failures++;
                lastFailure = failure;
                nextAttempt = clock.instant().plus(RefreshState.backoff(failures, policy.initialBackoff(),
                        policy.refreshCooldown(), RefreshState.RANDOM_JITTER));
            }
        } finally {
            lock.unlock();
        }
        if (found != null) {
            mine.complete(found);
        } else {
            SigilLoggers.jwk().log(Level.WARNING, "discovery failed: " + failure);
            mine.completeExceptionally(new KeysUnavailableException("discovery of the issuer's keys failed: " + failure));
        }
    }

    /**
     * The key set at {@code uri} could not be had. Returns whether the discovered {@code jwks_uri} is
     * now forgotten, so that the next {@link #jwksUri()} discovers again.
     */
    public boolean keysFailed(URI uri) {
        if (!location.fetchFailed(uri)) {
            return false;
        }
        lock.lock();
        try {
            known = null;
        } finally {
            lock.unlock();
        }
        return true;
    }

    /** The key set at the discovered URI was fetched: its failures start again from zero. */
    public void keysFetched() {
        location.fetchSucceeded();
    }

    @Override
    public String toString() {
        return "IssuerDiscovery[" + UntrustedText.printable(issuer) + "]";
    }
}
