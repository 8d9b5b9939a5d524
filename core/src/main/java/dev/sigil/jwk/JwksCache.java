package dev.sigil.jwk;

import dev.sigil.internal.remote.CacheThreads;
import dev.sigil.internal.remote.FetchStats;
import dev.sigil.internal.remote.KeyLoader;
import dev.sigil.internal.remote.RefreshState;
import dev.sigil.internal.remote.RemoteGet;
import dev.sigil.internal.remote.Snapshot;
import dev.sigil.internal.select.Providers;
import dev.sigil.spi.JwtConfigurationException;
import dev.sigil.spi.HttpTransport;
import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.UntrustedText;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;

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
 * The current set is an immutable snapshot in a volatile field: {@link #keys()} takes no lock,
 * does no I/O and allocates no stage while the set is fresh. Freshness comes from {@code Cache-Control: max-age} within the
 * policy's bounds (else its default TTL); a background refresh starts {@code refreshAhead} before
 * expiry; refreshes are conditional ({@code If-None-Match}, {@code If-Modified-Since}) when the
 * validators received are visible ASCII, and unconditional otherwise: no header value an issuer
 * sends can stop the cache from refreshing. Concurrent
 * callers share one fetch in flight, as a stage that completes within the request timeout (the
 * fetch is given up then, whatever its transport does); nothing here blocks a caller. When a fetch fails,
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
 *
 * <h2>Why this file is over 400 lines</h2>
 * For the public nested {@link Builder}, about a third of it, which cannot move without changing the
 * API. The fetching, publishing and giving up are {@code internal.remote.KeyLoader}'s; what is left
 * here above the builder is this type's contract and its answers from the current state.
 */
public final class JwksCache implements KeySource, AutoCloseable {

    /**
     * The stage it is given, for {@code thenCompose}: a class rather than a lambda, since
     * {@link #keys()} runs on every cold start's way to its first token (issue 18).
     */
    private static final Function<CompletionStage<JwkSet>, CompletionStage<JwkSet>> SAME_STAGE = new Function<>() {
        @Override
        public CompletionStage<JwkSet> apply(CompletionStage<JwkSet> stage) {
            return stage;
        }
    };

    private final String issuer;
    private final URI configuredJwksUri;
    private final HttpTransport transport;
    private final JwksCachePolicy policy;
    private final Clock clock;
    private final FetchStats stats = new FetchStats();
    private final CacheThreads threads;
    private final KeyLoader loader;

    private JwksCache(Builder b, HttpTransport transport, JsonCodec json) {
        this.issuer = b.issuer;
        this.configuredJwksUri = b.jwksUri;
        this.transport = transport;
        this.policy = b.policy;
        this.clock = b.clock;
        this.threads = new CacheThreads(b.executor);
        // Classes rather than lambdas, here and in keys(): both run on every cold start's way to its
        // first token, where each lambda costs a class spun at first use (issue 18).
        BiFunction<byte[], JsonLimits, JwkSet> parser = new BiFunction<>() {
            @Override
            public JwkSet apply(byte[] body, JsonLimits limits) {
                return JwkSet.parse(body, json, limits);
            }
        };
        this.loader = new KeyLoader(b.issuer, b.jwksUri, transport, json, parser, policy, clock, b.listener, stats, threads);
    }

    /** {@return a builder; {@link Builder#issuer(String)} or {@link Builder#jwksUri(URI)} is required} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The current set: while it is fresh, the same completed stage on every call, without a lock or
     * I/O. Otherwise the fetch in flight, or a new one, as a stage that completes within the request
     * timeout: with the new set, or with the last good one while it is within max-stale, or
     * exceptionally with a {@link KeysUnavailableException}. In backoff after a failure, no fetch is
     * started: the answer is at once the stale set or the failure.
     */
    @Override
    public CompletionStage<JwkSet> keys() {
        RefreshState state = loader.state();
        Instant now = clock.instant();
        Snapshot held = state.snapshot();
        if (state.isFresh(now)) {
            if (state.refreshAheadDue(now)) {
                loader.refreshInBackground(held);
            }
            return held.settled();
        }
        if (state.inBackoff(now)) {
            // A recent failure: do not ask again yet, serve what we have or fail fast.
            return staleOrFailure(held, null);
        }
        return loader.fetch(held, false).handle(new BiFunction<Snapshot, Throwable, CompletionStage<JwkSet>>() {
            @Override
            public CompletionStage<JwkSet> apply(Snapshot fresh, Throwable timedOut) {
                return fresh != null ? fresh.settled() : staleOrFailure(held, timedOut);
            }
        }).thenCompose(SAME_STAGE);
    }

    /**
     * A newer set for a verifier holding {@code current}: the one already fetched, or the fetch in
     * flight, or a new fetch if the cooldown allows one. Completes within the request timeout, with
     * {@code current} when nothing newer can be had.
     */
    @Override
    public CompletionStage<JwkSet> refresh(JwkSet current) {
        return loader.forceRefresh(current);
    }

    /**
     * Fetches the key set now (discovery first, if configured) and waits for it, at most the request
     * timeout, at start-up for instance, so that the first request does not wait and a
     * misconfiguration shows at once.
     *
     * @throws KeysUnavailableException with the reason, if it failed
     */
    public void prefetch() throws KeysUnavailableException {
        Snapshot fetched = null;
        try {
            // The fetch ends within the request timeout by itself; the margin only guards that promise.
            fetched = loader.fetch(loader.state().snapshot(), true)
                    .get(policy.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Reported below through the recorded failure.
        }
        if (fetched == null) {
            throw new KeysUnavailableException("could not fetch the key set: " + loader.state().lastFailure());
        }
    }

    /** {@return a snapshot of the counters} */
    public JwksStats stats() {
        return stats.stats(loader.state());
    }

    /** {@return the transport this cache resolved when it was built} */
    public HttpTransport httpTransport() {
        return transport;
    }

    /**
     * {@return the executor that background work runs on: the one given to the builder, or this cache's own,
     * whose 4 daemon threads die when idle and whose queue holds at most 4,096 tasks, refusing more
     * (a verifier reports that as {@code OVERLOADED})}
     *
     * @throws RejectedExecutionException if this cache is closed
     */
    public Executor executor() {
        return threads.executor();
    }

    /**
     * Stops this cache's own threads, if it started any, and gives up a fetch in flight, failing its
     * stage for whoever waits for it. Cached keys stay usable. Verifications that
     * {@code verifyAsync} queued on the cache's own executor and that had not started complete with
     * {@code KEYS_UNAVAILABLE}; none is left pending.
     */
    @Override
    public void close() {
        threads.close();
        loader.close();
    }

    /**
     * The set read before a fetch failed or in backoff, within max-stale; else a failed stage. The
     * reason is the timed-out fetch's, when that is what failed, else the last one recorded.
     */
    private CompletableFuture<JwkSet> staleOrFailure(Snapshot s, Throwable timedOut) {
        Instant now = clock.instant();
        String why = timedOut != null ? reason(timedOut) : loader.state().lastFailure();
        if (s == null) {
            return CompletableFuture.failedFuture(new KeysUnavailableException("no key set yet: " + why));
        }
        Duration staleFor = RefreshState.staleFor(s, now);
        if (!RefreshState.servableStale(s, now, policy.maxStale())) {
            return CompletableFuture.failedFuture(new KeysUnavailableException("the key set expired "
                    + staleFor.getSeconds() + " s ago, beyond the max-stale bound of " + policy.maxStale().getSeconds()
                    + " s, and refreshing it failed: " + why));
        }
        loader.servingStale(staleFor);
        return s.settled();
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getMessage();
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
         * loopback host. The discovery document's {@code issuer} must equal it exactly; an issuer
         * that stands for many tenants (a {@code {tenantid}} template, Entra ID's {@code common})
         * fails {@link #build()}.
         *
         * @param issuer the issuer identifier, as its tokens carry it in {@code iss}
         * @return this builder
         */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        /**
         * Fetches the key set from this URI, without discovery.
         *
         * @param jwksUri the key set's URI: {@code https}, or {@code http} on a loopback host
         * @return this builder
         */
        public Builder jwksUri(URI jwksUri) {
            this.jwksUri = Objects.requireNonNull(jwksUri, "jwksUri");
            return this;
        }

        /**
         * The transport. Default: found with ServiceLoader (system property {@code sigil.http}).
         *
         * @param transport the HTTP transport
         * @return this builder
         */
        public Builder httpTransport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * The JSON codec. Default: found with ServiceLoader (system property {@code sigil.json}), else built-in.
         *
         * @param codec the JSON codec
         * @return this builder
         */
        public Builder jsonCodec(JsonCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * Timeouts, limits and freshness. Default {@link JwksCachePolicy#defaults()}.
         *
         * @param policy the cache policy
         * @return this builder
         */
        public Builder policy(JwksCachePolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * The clock for expiry, cooldown and backoff. Default {@link Clock#systemUTC()}.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Hears fetches, failures, changes and stale serving. Default: none (failures are still logged).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(JwksListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Runs background refreshes. Default: a daemon thread of the cache's own, started on first
         * need and stopped by {@link JwksCache#close()}.
         *
         * @param executor the executor for background refreshes
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Builds the cache.
         *
         * @return the new cache, which fetches nothing until keys are first asked for (discovery is lazy)
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
                String multiTenant = RemoteGet.multiTenantRefusal(issuer);
                if (multiTenant != null) {
                    throw new JwtConfigurationException(multiTenant);
                }
                URI discovery;
                try {
                    discovery = RemoteGet.openIdConfiguration(issuer);
                } catch (IllegalArgumentException e) {
                    throw new JwtConfigurationException("issuer " + UntrustedText.quoted(issuer) + " is not a valid uri", e);
                }
                String refusal = RemoteGet.refusal(discovery);
                if (refusal != null) {
                    throw new JwtConfigurationException("issuer for discovery: " + refusal);
                }
            } else {
                String refusal = RemoteGet.refusal(jwksUri);
                if (refusal != null) {
                    throw new JwtConfigurationException("jwksUri(..): " + refusal);
                }
            }
            return new JwksCache(this, Providers.HTTP.select(transport), Providers.JSON.select(codec));
        }
    }
}
