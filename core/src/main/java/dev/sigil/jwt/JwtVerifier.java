package dev.sigil.jwt;

import dev.sigil.internal.keys.ImportedKey;
import dev.sigil.internal.tokens.TokenStore;
import dev.sigil.internal.keys.KeyFit;
import dev.sigil.internal.keys.KeyIndex;
import dev.sigil.internal.keys.KeyLimits;
import dev.sigil.internal.keys.SigningKeyFilter;
import dev.sigil.internal.select.Providers;
import dev.sigil.jwk.DroppedKey;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksCache;
import dev.sigil.jwk.JwksCachePolicy;
import dev.sigil.jwk.JwksStats;
import dev.sigil.jwk.JwksListener;
import dev.sigil.jwk.KeySource;
import dev.sigil.jwt.CompactJws.AcceptedHeader;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.HttpTransport;
import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.JwtConfigurationException;
import dev.sigil.spi.UntrustedText;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;

/**
 * Verifies JSON Web Tokens (JWS compact serialization, RFC 7515 and RFC 7519) against the keys of
 * one issuer.
 *
 * <pre>{@code
 * JwtVerifier verifier = JwtVerifier.builder()
 *     .issuer("https://example.eu.auth0.com/")
 *     .audience("https://api.example.com")
 *     .keys(JwkSet.parse(jwksJson))
 *     .build();
 * VerifiedJwt jwt = verifier.verify(token);   // throws JwtVerificationException
 * }</pre>
 *
 * <h2>Verifiers should be shared</h2>
 * A verifier is immutable and thread-safe: build one per issuer at start-up and share it. Building
 * one resolves the crypto backend and JSON codec and imports static keys, so it is far more costly
 * than verifying a token.
 *
 * <h2>What is checked</h2>
 * In order, stopping at the first failure: the token's length; its shape (three base64url parts);
 * the header ({@code alg} known, allowed and never {@code none}; no {@code crit} parameter, since
 * Sigil understands no extension; no {@code b64: false}; {@code typ} as configured); the key, found
 * by {@code kid} among the configured keys only (header {@code jwk}, {@code jku}, {@code x5u} and
 * {@code x5c} are never used); the signature over the token's own bytes; then the claims
 * ({@code exp}, {@code nbf}, {@code iat} with the clock skew, {@code iss}, {@code aud}, required
 * claims, custom validators). Each failure is a {@link JwtVerificationException} with its
 * {@link Reason}.
 *
 * <h2>Key rotation</h2>
 * When a token names a key the current set lacks, or its signature fails with every candidate key,
 * the verifier asks its {@link KeySource} once for a newer set and, if it gets one, tries exactly
 * once more. A remote {@link JwksCache} answers at most once per cooldown, so forged tokens cannot
 * make it hammer the issuer. Static keys ({@link Builder#keys(JwkSet)}) never change.
 *
 * <h2>How the verify path is built</h2>
 * {@link #verify(String)} calls small parts in order, each immutable, built once from the builder's
 * settings and tested on its own: {@code CompactJws} checks the token's length and shape and reads
 * its three parts (and recognizes a header it accepted last, so that an issuer's usual header is
 * parsed and judged once); {@code HeaderRules} judges the header and makes the {@link JoseHeader};
 * {@code KeySelection} chooses the candidate keys and {@code SignatureCheck} tries them;
 * {@code ClaimRules} judges the claims. The header and claim rules need no crypto, and are
 * tested without a backend or a key. The parts hand each other positions in the token and arrays
 * rather than a parsed-token object, so that the split costs a token nothing. {@code CurrentKeys}
 * holds the index of the key source's current set, built once per set, and asks the source for a
 * newer one; {@code AsyncVerifications} is {@link #verifyAsync(String)}'s waiting on no thread;
 * {@code VerificationEvents} reports each outcome to a {@link VerificationListener}.
 * What stays here is the order of the parts, the one refresh and retry, and the public API.
 *
 * <h2>Why this file is still long</h2>
 * It is over core's 400-line aim for the public nested {@link Builder}, about two thirds of the file,
 * which cannot move without changing the API: each option with its javadoc and its bounds, the
 * checks of {@code build()}, and the package-private accessors a {@link MultiIssuerVerifier} reads and
 * sets on the builders it makes for each issuer (so that every option is defined once). The verifier
 * itself, above the builder, is under 400 lines.
 *
 * <h2>Threads</h2>
 * {@link #verify(String)} takes no lock, does no I/O and allocates nothing to ask for keys while
 * they are fresh; it runs on the caller's thread, which waits (at most
 * {@link Builder#maxKeyWait(Duration)}) only when there is no usable key set yet or a new
 * {@code kid} calls for a refresh. Keys come from a {@link KeySource} as a completion stage, so
 * {@link #verifyAsync(String)} never waits on any thread: at most
 * {@link Builder#maxPendingAsync(int)} of its verifications wait for a stage at once; past that it
 * refuses at once as {@link Reason#OVERLOADED}. A new key set is
 * imported once, by the first thread that meets it. {@code build()} starts no thread; a verifier
 * with remote keys starts a daemon refresher on first need (unless given an executor), stopped by
 * {@link #close()}.
 */
public final class JwtVerifier implements TokenVerifier {

    /**
     * What a verifier with its own key cache waits beyond the cache's request timeout, at which a
     * fetch is given up anyway: enough for the cache's answer to arrive first.
     */
    private static final Duration KEY_WAIT_MARGIN = Duration.ofSeconds(1);

    // The verify path, in the order verify(String, KeyWait) calls it.
    private final CompactJws compact;
    private final HeaderRules headerRules;
    private final SignatureCheck signatures;
    private final ClaimRules claimRules;

    private final CryptoBackend backend;
    private final JsonCodec json;
    private final CurrentKeys currentKeys;
    private final AsyncVerifications async;
    private final JwksCache ownedCache;
    private final VerifiedTokens tokens;
    private final VerificationEvents events;
    private volatile boolean closed;
    // The last header that passed headerRules. Deliberately neither volatile nor locked: the entry's
    // fields are final, so any thread that sees it sees it whole (JLS 17.5), and a thread that misses
    // a newer entry only parses once more. Threads only read it while the issuer's header is stable.
    private AcceptedHeader lastHeader;

    private JwtVerifier(Builder b, CryptoBackend backend, JsonCodec json, Set<JwsAlgorithm> algorithms,
            KeySource keySource, JwksCache ownedCache, SigningKeyFilter filter, KeyIndex initialIndex) {
        this.compact = new CompactJws(json, b.maxTokenLength, b.maxHeaderDepth, b.maxClaimsDepth);
        this.headerRules = new HeaderRules(algorithms, backend, b.types);
        this.signatures = new SignatureCheck(backend, new KeySelection(b.maxCandidateKeys));
        this.claimRules = new ClaimRules(b.issuer, b.audiences, b.clockSkew, b.clock, b.requiredClaims,
                !b.allowMissingExpiration, b.validators);
        this.backend = backend;
        this.json = json;
        Duration maxKeyWait = b.maxKeyWait != null ? b.maxKeyWait
                : ownedCache != null ? b.cachePolicy.requestTimeout().plus(KEY_WAIT_MARGIN) : Builder.DEFAULT_MAX_KEY_WAIT;
        this.currentKeys = new CurrentKeys(keySource, filter, b.listener, maxKeyWait, initialIndex);
        this.events = VerificationEvents.of(b.verificationListener, b.verificationLabel, b.issuer);
        this.async = new AsyncVerifications(this, events, b.executor, ownedCache, b.maxPendingAsync, maxKeyWait);
        this.ownedCache = ownedCache;
        this.tokens = b.sharedTokens != null ? b.sharedTokens
                : b.tokenCache != null ? new VerifiedTokens(b.tokenCache, backend, b.clock) : null;
    }

    /** {@return a builder; see {@link Builder} for every option and its default} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a token and returns its header and claims.
     *
     * @param token a JWS in compact serialization, without a {@code Bearer } prefix
     * @throws JwtVerificationException if the token is refused, with the reason
     */
    @Override
    public VerifiedJwt verify(String token) throws JwtVerificationException {
        return events.off() ? verify(token, null) : events.verify(this, token);
    }

    /**
     * Verifies a token without ever blocking the caller's thread on a key fetch, for reactive
     * servers. When the keys are at hand (the usual case) the token is verified on the caller's
     * thread and the stage is already complete. When they are not (the first token, an expired set,
     * a new {@code kid}), no thread waits: once the key source's stage completes, verification
     * continues on the executor: the one given to {@link Builder#executor(Executor)}, else the key
     * cache's own, else (for a {@link KeySource} given to {@code keySource(..)}) the common
     * {@link ForkJoinPool}.
     *
     * <p>What waits is bounded, per verifier and whatever the executor: at most
     * {@link Builder#maxPendingAsync(int)} verifications (default
     * {@value Builder#DEFAULT_MAX_PENDING_ASYNC}) may wait for keys at once, each at most
     * {@link Builder#maxKeyWait(Duration)}. Past that limit, or when the executor refuses the work,
     * the stage fails with {@link Reason#OVERLOADED}: the token was not judged, and the caller
     * should answer "retry later". A closed verifier, or an executor that is shut down, fails it
     * with {@link Reason#KEYS_UNAVAILABLE}. This method never blocks and never queues without bound
     * (unless the executor itself runs work on the calling thread).
     *
     * @return a stage completed with the verified token, or exceptionally with the
     *     {@link JwtVerificationException} that {@link #verify(String)} would throw
     */
    @Override
    public CompletionStage<VerifiedJwt> verifyAsync(String token) {
        return async.verify(token, events.start());
    }

    /** For a {@link MultiIssuerVerifier}, which has routed the token: {@code verifyAsync}, timed from {@code start}. */
    CompletionStage<VerifiedJwt> verifyAsync(String token, long start) {
        return async.verify(token, start);
    }

    /** Where this verifier reports its outcomes; a {@link MultiIssuerVerifier} reports its routed tokens' here. */
    VerificationEvents events() {
        return events;
    }

    /**
     * Verifies {@code token}. With {@code async == null} it waits for keys at most
     * {@code maxKeyWait}; otherwise it never waits, and returns {@code null}, having left the stage
     * to wait for in {@code async}, when the keys are not at hand.
     */
    VerifiedJwt verify(String token, KeyWait async) throws JwtVerificationException {
        TokenStore.Key cacheKey = null;
        // Length first: a token too long to verify is not worth hashing.
        if (tokens != null && token != null && token.length() <= compact.maxTokenLength()) {
            cacheKey = tokens.key(token);
            VerifiedTokens.Entry hit = tokens.get(cacheKey);
            if (hit != null && hit.by() == this) {
                KeyIndex keys = currentKeys.current(async);
                if (keys == null) {
                    return null;
                }
                VerifiedJwt reused = reuse(hit, cacheKey, keys);
                if (reused != null) {
                    return reused;
                }
            }
        }
        return verifyFully(token, async, null, cacheKey);
    }

    /**
     * A verified-token cache's entry judged again: its key still in {@code keys} under its
     * {@code kid}, then the claims against the clock and the validators. {@code null} when its key is
     * gone, the entry then ended; throws, also ending it, when the claims no longer pass.
     */
    VerifiedJwt reuse(VerifiedTokens.Entry hit, TokenStore.Key cacheKey, KeyIndex keys) throws JwtVerificationException {
        if (closed || !keys.holds(hit.kid(), hit.alg(), hit.thumbprint())) {
            tokens.invalidateFound(cacheKey, hit);
            return null;
        }
        try {
            claimRules.check(hit.jwt().header(), hit.jwt().claims());
        } catch (JwtVerificationException e) {
            tokens.invalidate(cacheKey, hit);
            throw e.algorithm(hit.alg());
        }
        return hit.jwt();
    }

    /** For a {@link MultiIssuerVerifier}'s hit: {@link #reuse} with the keys held now, waiting for none longer than the bound. */
    VerifiedJwt reuse(VerifiedTokens.Entry hit, TokenStore.Key cacheKey) throws JwtVerificationException {
        if (closed) {
            // Evicted: its key source is released, so its keys cannot be asked for; the token is routed anew.
            tokens.invalidateFound(cacheKey, hit);
            return null;
        }
        return reuse(hit, cacheKey, currentKeys.current(null));
    }

    /**
     * The whole verify path, the cache aside. {@code routed} is the payload's claims when a
     * {@link MultiIssuerVerifier} has already decoded and parsed them with this verifier's limits to
     * find the issuer, else {@code null}; {@code cacheKey} is the token's cache key when there is a
     * cache, else {@code null}.
     */
    VerifiedJwt verifyFully(String token, KeyWait async, JwtClaims routed, TokenStore.Key cacheKey)
            throws JwtVerificationException {
        int dot1 = compact.headerEnd(token);
        // headerEnd saw exactly two dots.
        int dot2 = token.lastIndexOf('.');
        JoseHeader header = CompactJws.reuse(lastHeader, token, dot1);
        if (header == null) {
            header = headerRules.check(compact.header(token, dot1));
            lastHeader = new AcceptedHeader(token.substring(0, dot1), header);
        }
        try {
            // Null unless the signature is as long as ML-DSA's: the backend reads a shorter one itself.
            byte[] signed = compact.checkSignature(token, dot2);
            byte[] signature = signed == null ? null : compact.signature(token, dot2, signed);

            KeyIndex keys = currentKeys.current(async);
            if (keys == null) {
                return null;
            }
            ImportedKey verifiedBy;
            try {
                verifiedBy = signatures.verify(keys, header, token, dot2, signed, signature);
            } catch (JwtVerificationException failure) {
                if (failure.reason() != Reason.KEY_NOT_FOUND && failure.reason() != Reason.INVALID_SIGNATURE) {
                    throw failure;
                }
                KeyIndex refreshed = currentKeys.newer(keys, async);
                if (refreshed == null) {
                    return null;
                }
                if (refreshed == keys) {
                    throw failure;
                }
                verifiedBy = signatures.verify(refreshed, header, token, dot2, signed, signature);
            }

            // Only now, so that an unsigned payload is never parsed (but by a multi-issuer verifier, for iss).
            JwtClaims claims = routed != null ? routed : JwtClaims.of(compact.payload(token, dot1, dot2, signed));
            claimRules.check(header, claims);
            VerifiedJwt verified = new VerifiedJwt(header, claims);
            if (cacheKey != null && !closed) {
                tokens.put(cacheKey, this, verified, verifiedBy, token.length());
            }
            return verified;
        } catch (JwtVerificationException e) {
            // For a VerificationListener: the header, and so the algorithm, passed its rules.
            throw e.algorithm(header.algorithm());
        }
    }

    /** Whether this verifier reads tokens within the same limits as {@code other}. */
    boolean readsLike(CompactJws other) {
        return compact.sameLimits(other);
    }

    /**
     * Asks the key source for its keys now and imports them, at start-up for instance, so that the
     * first request does not wait and a misconfigured issuer shows at once. Waits at most
     * {@link Builder#maxKeyWait(Duration)}. Does nothing more for static keys, imported at {@code build()}.
     *
     * @throws JwtVerificationException with {@code KEYS_UNAVAILABLE} and the reason, if no key set can be had
     */
    @Override
    public void prefetch() throws JwtVerificationException {
        currentKeys.current(null);
    }

    /**
     * {@return the counters of the key cache this verifier built (from {@code issuer(..)} or
     * {@code jwksUri(..)}); empty for static keys and for a source given to
     * {@code keySource(..)}, which its owner can ask directly}
     */
    public Optional<JwksStats> stats() {
        return ownedCache == null ? Optional.empty() : Optional.of(ownedCache.stats());
    }

    /**
     * {@return the counters of this verifier's verified-token cache, if {@link Builder#tokenCache} gave it
     * one (for a verifier a {@link MultiIssuerVerifier} built, the cache it shares)}
     */
    public Optional<TokenCacheStats> tokenCacheStats() {
        return tokens == null ? Optional.empty() : Optional.of(tokens.stats());
    }

    /**
     * Stops the background refresher of the key cache this verifier built, if any; a cache given
     * with {@code keySource(..)} belongs to the caller and is left alone. Keys already held stay
     * usable.
     */
    @Override
    public void close() {
        closed = true;
        if (ownedCache != null) {
            ownedCache.close();
        }
    }

    /** {@return the backend this verifier resolved at {@code build()}} */
    public CryptoBackend cryptoBackend() {
        return backend;
    }

    /** {@return the JSON codec this verifier resolved at {@code build()}} */
    public JsonCodec jsonCodec() {
        return json;
    }

    /**
     * The algorithms this verifier accepts: those {@link Builder#algorithms} lists, or by default
     * every asymmetric one its crypto policy allows, that the crypto backend supports. Asking may
     * make the backend probe its provider for algorithms no token has used yet.
     *
     * @return the algorithms a token may name, unmodifiable
     */
    public Set<JwsAlgorithm> algorithms() {
        return headerRules.accepted();
    }

    @Override
    public String toString() {
        return "JwtVerifier[issuer=" + claimRules.issuer() + ", audiences=" + claimRules.audiences() + ", algorithms=" + algorithms()
                + ", backend=" + backend.name() + ", json=" + json.name() + "]";
    }

    /**
     * Configures a {@link JwtVerifier}. Not thread-safe; {@link #build()} may be called more than
     * once and does not change the builder.
     *
     * <p>Two decisions are required, so that nothing is left unchecked by omission: the issuer
     * ({@link #issuer(String)} or {@link #ignoreIssuer()}) and the audience
     * ({@link #audience(String...)} or {@link #ignoreAudience()}). Keys come from the issuer by
     * OpenID Connect discovery unless {@link #jwksUri(URI)}, {@link #keys(JwkSet)} or
     * {@link #keySource(KeySource)} says otherwise.
     */
    public static final class Builder {

        /** The largest clock skew accepted: more would make expiry meaningless. */
        public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);
        /** The default {@link #maxTokenLength(int)}: 16 Ki characters. */
        public static final int DEFAULT_MAX_TOKEN_LENGTH = 16 * 1024;
        /** The largest {@link #maxTokenLength(int)}: 1 Mi characters. */
        public static final int MAX_TOKEN_LENGTH = 1024 * 1024;
        /** The default {@link #maxPendingAsync(int)}: 1,024 verifications. */
        public static final int DEFAULT_MAX_PENDING_ASYNC = 1024;
        /** The default {@link #maxKeyWait(Duration)} for a key source given to {@link #keySource(KeySource)}: 30 s. */
        public static final Duration DEFAULT_MAX_KEY_WAIT = Duration.ofSeconds(30);
        /** The largest {@link #maxPendingAsync(int)}: 65,536 verifications. */
        public static final int MAX_PENDING_ASYNC = 65_536;
        /** Hears nothing: the default, which a multi-issuer verifier replaces with the issuer's own. */
        static final JwksListener NO_LISTENER = new JwksListener() { };

        private String issuer;
        private boolean ignoreIssuer;
        private Set<String> audiences;
        private boolean ignoreAudience;
        private JwkSet keys;
        private KeySource keySource;
        private URI jwksUri;
        private HttpTransport httpTransport;
        private JwksCachePolicy cachePolicy = JwksCachePolicy.defaults();
        private Executor executor;
        private CryptoPolicy cryptoPolicy = CryptoPolicy.DEFAULT;
        private Set<JwsAlgorithm> algorithms;
        private List<String> types;
        private Duration clockSkew = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private final List<String> requiredClaims = new ArrayList<>();
        private boolean allowMissingExpiration;
        private final List<ClaimsValidator> validators = new ArrayList<>();
        private int maxTokenLength = DEFAULT_MAX_TOKEN_LENGTH;
        private int maxPendingAsync = DEFAULT_MAX_PENDING_ASYNC;
        private Duration maxKeyWait;
        private int maxCandidateKeys = 4;
        private int maxClaimsDepth = 32;
        private int maxHeaderDepth = 8;
        private int minRsaKeySize = 2048;
        private int maxRsaKeySize = 8192;
        private CryptoBackend cryptoBackend;
        private String cryptoBackendName;
        private JsonCodec jsonCodec;
        private JwksListener listener = NO_LISTENER;
        private TokenCachePolicy tokenCache;
        private VerificationListener verificationListener;
        // Set only by a MultiIssuerVerifier, for the verifiers it builds.
        private VerifiedTokens sharedTokens;
        private String verificationLabel;

        private Builder() {
        }

        /**
         * The expected {@code iss} claim, compared exactly (RFC 7519 section 4.1.1), and, unless
         * {@link #jwksUri(URI)}, {@link #keys(JwkSet)} or {@link #keySource(KeySource)} is given, where
         * the keys are found: {@code {issuer}/.well-known/openid-configuration} (RFC 8414's
         * {@code oauth-authorization-server} document as a fallback), whose {@code issuer} must equal
         * this exactly and whose {@code jwks_uri} is then fetched and cached. Both must be
         * {@code https}, except on loopback hosts. No default: call this or {@link #ignoreIssuer()}.
         * An issuer that stands for many tenants fails {@link #build()}: a {@code {tenant}} or
         * {@code {tenantid}} template, or Entra ID's {@code common}, {@code organizations} and
         * {@code consumers} endpoints; use {@link MultiIssuerVerifier.Builder#issuerTemplate} or the
         * tenant's own issuer.
         *
         * @param issuer the issuer identifier, exactly as its tokens carry it in {@code iss}
         * @return this builder
         */
        public Builder issuer(String issuer) {
            Objects.requireNonNull(issuer, "issuer");
            if (issuer.isBlank()) {
                throw new IllegalArgumentException("issuer must not be blank");
            }
            this.issuer = issuer;
            return this;
        }

        /**
         * Accepts any {@code iss}, or none. Only for keys that a single issuer alone can sign with.
         *
         * @return this builder
         */
        public Builder ignoreIssuer() {
            this.ignoreIssuer = true;
            return this;
        }

        /**
         * The accepted audiences: the token's {@code aud} (a string or an array) must contain at least
         * one of them (RFC 7519 section 4.1.3). Replaces any earlier call. No default: call this or
         * {@link #ignoreAudience()}.
         *
         * @param audiences the accepted audiences, at least one
         * @return this builder
         */
        public Builder audience(String... audiences) {
            Objects.requireNonNull(audiences, "audiences");
            if (audiences.length == 0) {
                throw new IllegalArgumentException("audience(..) needs at least one audience; use ignoreAudience() to accept any");
            }
            Set<String> set = new LinkedHashSet<>();
            for (String a : audiences) {
                Objects.requireNonNull(a, "audience");
                if (a.isEmpty()) {
                    throw new IllegalArgumentException("audience must not be empty");
                }
                set.add(a);
            }
            this.audiences = set;
            return this;
        }

        /**
         * Accepts any {@code aud}, or none. Dangerous where one issuer serves several APIs: a token
         * minted for another API would be accepted here.
         *
         * @return this builder
         */
        public Builder ignoreAudience() {
            this.ignoreAudience = true;
            return this;
        }

        /**
         * Static keys: no HTTP at all. Keys that cannot verify (encryption keys, private keys,
         * unsupported types, refused by the backend) are dropped and reported; a set left with no
         * usable key fails {@link #build()}. Secret ({@code oct}) keys are accepted here only.
         *
         * @param keys the verification keys
         * @return this builder
         */
        public Builder keys(JwkSet keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /**
         * A custom source of keys; see {@link KeySource}. A {@link JwksCache} given here may be shared
         * by several verifiers and is not closed by them.
         *
         * @param keySource where the verifier gets its keys
         * @return this builder
         */
        public Builder keySource(KeySource keySource) {
            this.keySource = Objects.requireNonNull(keySource, "keySource");
            return this;
        }

        /**
         * Fetches and caches the keys from this URI, without discovery: {@code https}, or {@code http}
         * on a loopback host.
         *
         * @param jwksUri the key set's URI
         * @return this builder
         */
        public Builder jwksUri(URI jwksUri) {
            this.jwksUri = Objects.requireNonNull(jwksUri, "jwksUri");
            return this;
        }

        /**
         * The HTTP transport for discovery and key sets. Default: found with
         * {@link java.util.ServiceLoader} (system property {@code sigil.http}); needed only when keys
         * are remote.
         *
         * @param transport the HTTP transport
         * @return this builder
         */
        public Builder httpTransport(HttpTransport transport) {
            this.httpTransport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * How remote keys are fetched and cached. Default {@link JwksCachePolicy#defaults()}.
         *
         * @param policy the key cache's policy
         * @return this builder
         */
        public Builder cachePolicy(JwksCachePolicy policy) {
            this.cachePolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Runs background key refreshes and the verifications {@link JwtVerifier#verifyAsync} must
         * move off the caller's thread. Default: daemon threads of the verifier's own (at most 4),
         * started on first need and stopped by {@link JwtVerifier#close()}. Whatever the executor,
         * at most {@link #maxPendingAsync(int)} of this verifier's verifications wait on it; one
         * that refuses work makes {@code verifyAsync} fail as {@link Reason#OVERLOADED}.
         *
         * @param executor the executor for key refreshes and waiting verifications
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * The accepted algorithms. Default: every asymmetric algorithm the crypto backend supports
         * (RS*, PS*, ES*, EdDSA, Ed25519, Ed448, and ML-DSA-44/65/87 where the backend offers them).
         * HMAC algorithms (HS*) are accepted only when listed
         * here, and only with secret keys given to {@link #keys(JwkSet)}.
         *
         * @param algorithms the accepted algorithms, at least one
         * @return this builder
         */
        public Builder algorithms(JwsAlgorithm... algorithms) {
            Objects.requireNonNull(algorithms, "algorithms");
            if (algorithms.length == 0) {
                throw new IllegalArgumentException("algorithms(..) needs at least one algorithm");
            }
            Set<JwsAlgorithm> set = EnumSet.noneOf(JwsAlgorithm.class);
            for (JwsAlgorithm alg : algorithms) {
                set.add(Objects.requireNonNull(alg, "algorithm"));
            }
            this.algorithms = set;
            return this;
        }

        /**
         * The required {@code typ} header, such as {@code "at+jwt"} for RFC 9068 access tokens,
         * compared by RFC 7515 section 4.1.9 (case-insensitive, {@code application/} optional).
         * Default: {@code typ} absent or {@code JWT}; any other type is refused, so that a token of
         * another kind (a logout token, a DPoP proof) cannot pass as this one.
         *
         * @param type the accepted {@code typ}
         * @return this builder
         */
        public Builder type(String type) {
            return types(type);
        }

        /**
         * Several accepted {@code typ} values, compared as {@link #type(String)} compares one; a token
         * without {@code typ} is accepted only when {@code "JWT"} is among them. For example
         * {@code types("JWT", "at+jwt")} accepts RFC 9068 access tokens beside plain JWTs, as a resource
         * server whose issuers send either does. Replaces any earlier {@code type(..)} or
         * {@code types(..)}.
         *
         * @param types the accepted {@code typ} values, at least one
         * @return this builder
         */
        public Builder types(String... types) {
            Objects.requireNonNull(types, "types");
            if (types.length == 0) {
                throw new IllegalArgumentException("types(..) needs at least one type");
            }
            List<String> list = new ArrayList<>();
            for (String type : types) {
                Objects.requireNonNull(type, "type");
                if (type.isBlank()) {
                    throw new IllegalArgumentException("type must not be blank");
                }
                list.add(type);
            }
            this.types = List.copyOf(list);
            return this;
        }

        /**
         * Tolerance for clocks that disagree, applied to {@code exp}, {@code nbf} and {@code iat}.
         * Default 60 seconds; at most {@link #MAX_CLOCK_SKEW}; whole seconds.
         *
         * @param skew the tolerance, from zero to {@link #MAX_CLOCK_SKEW}
         * @return this builder
         */
        public Builder clockSkew(Duration skew) {
            Objects.requireNonNull(skew, "skew");
            if (skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
                throw new IllegalArgumentException("clockSkew must be between 0 and " + MAX_CLOCK_SKEW.toMinutes()
                        + " minutes, got " + skew);
            }
            this.clockSkew = skew;
            return this;
        }

        /**
         * The clock for time-based claims. Default {@link Clock#systemUTC()}.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Claims that must be present (and not JSON null), such as {@code "sub"} or {@code "jti"}. Adds to earlier
         * calls.
         *
         * @param names claim names
         * @return this builder
         */
        public Builder requireClaims(String... names) {
            Objects.requireNonNull(names, "names");
            for (String name : names) {
                Objects.requireNonNull(name, "claim name");
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("claim name must not be empty");
                }
                requiredClaims.add(name);
            }
            return this;
        }

        /**
         * Accepts tokens without {@code exp}. Such a token never expires: a leaked one stays valid
         * until its key is rotated. Default: {@code exp} is required.
         *
         * @return this builder
         */
        public Builder allowMissingExpiration() {
            this.allowMissingExpiration = true;
            return this;
        }

        /**
         * A custom check run after all built-in checks pass. Adds to earlier calls; they run in order.
         *
         * @param validator a check on the verified claims
         * @return this builder
         */
        public Builder validator(ClaimsValidator validator) {
            validators.add(Objects.requireNonNull(validator, "validator"));
            return this;
        }

        /**
         * The longest token accepted, in characters; longer ones are refused before any parsing, as
         * {@link Reason#TOKEN_TOO_LARGE}. Default {@link #DEFAULT_MAX_TOKEN_LENGTH}; between 64 and
         * {@link #MAX_TOKEN_LENGTH}.
         *
         * @param chars the longest token accepted, in characters
         * @return this builder
         */
        public Builder maxTokenLength(int chars) {
            if (chars < 64 || chars > MAX_TOKEN_LENGTH) {
                throw new IllegalArgumentException("maxTokenLength must be between 64 and " + MAX_TOKEN_LENGTH + ", got " + chars);
            }
            this.maxTokenLength = chars;
            return this;
        }

        /**
         * The most verifications {@link JwtVerifier#verifyAsync(String)} keeps waiting for keys at
         * once, on this verifier, whatever the executor (this builder's, the key cache's own, or the
         * common pool for a custom {@link KeySource}): counted from the moment a verification is
         * handed to the executor until it ends, whether it is queued or running. Past the limit
         * {@code verifyAsync} answers at once with a stage failed as {@link Reason#OVERLOADED}, so a
         * burst of tokens while keys are fetched costs bounded memory and never blocks the caller.
         * Verifications with keys at hand are not counted: they never leave the caller's thread.
         * A pending verification holds its token (at most {@link #maxTokenLength(int)} chars).
         * Default {@link #DEFAULT_MAX_PENDING_ASYNC}; between 1 and {@link #MAX_PENDING_ASYNC}.
         *
         * @param verifications the most verifications waiting for keys at once
         * @return this builder
         */
        public Builder maxPendingAsync(int verifications) {
            if (verifications < 1 || verifications > MAX_PENDING_ASYNC) {
                throw new IllegalArgumentException("maxPendingAsync must be between 1 and " + MAX_PENDING_ASYNC
                        + ", got " + verifications);
            }
            this.maxPendingAsync = verifications;
            return this;
        }

        /**
         * The longest {@link JwtVerifier#verify(String)} (and {@link JwtVerifier#prefetch()}) waits for
         * keys that are not at hand: the first token, an expired set, a new {@code kid}. Past it the
         * token is refused as {@link Reason#KEYS_UNAVAILABLE}; a {@code verifyAsync} stage that has
         * waited this long fails the same way, without any thread having waited. Default: with the
         * key cache this verifier builds, the cache policy's request timeout plus one second (the
         * cache gives a fetch up at its request timeout, so its own answer comes first); with a
         * {@link KeySource} given to {@link #keySource(KeySource)}, {@link #DEFAULT_MAX_KEY_WAIT}.
         * Between 1 ms and 10 minutes.
         *
         * @param wait the longest wait for keys
         * @return this builder
         */
        public Builder maxKeyWait(Duration wait) {
            Objects.requireNonNull(wait, "wait");
            if (wait.compareTo(Duration.ofMillis(1)) < 0 || wait.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("maxKeyWait must be between 1 ms and 10 minutes, got " + wait);
            }
            this.maxKeyWait = wait;
            return this;
        }

        /**
         * The most keys one token's signature is tried against, when it has no {@code kid} or the set
         * repeats one; beyond it the token is refused as {@link Reason#INVALID_SIGNATURE}, so a
         * kid-less forgery costs at most this many signature checks. Default 4; between 1 and 64.
         *
         * @param keys the most keys one signature is tried against
         * @return this builder
         */
        public Builder maxCandidateKeys(int keys) {
            if (keys < 1 || keys > 64) {
                throw new IllegalArgumentException("maxCandidateKeys must be between 1 and 64, got " + keys);
            }
            this.maxCandidateKeys = keys;
            return this;
        }

        /**
         * The deepest nesting of arrays and objects accepted in the claims (the claims object itself
         * is depth 1); deeper is {@link Reason#MALFORMED}. The header's limit is fixed at 8. Default 32;
         * between 2 and 256.
         *
         * @param depth the deepest nesting accepted in the claims
         * @return this builder
         */
        public Builder maxClaimsDepth(int depth) {
            if (depth < 2 || depth > 256) {
                throw new IllegalArgumentException("maxClaimsDepth must be between 2 and 256, got " + depth);
            }
            this.maxClaimsDepth = depth;
            return this;
        }

        /**
         * The deepest nesting accepted in the header (the header object itself is depth 1); deeper is
         * {@link Reason#MALFORMED}. Default 8; between 1 and 64.
         *
         * @param depth the deepest nesting accepted in the header
         * @return this builder
         */
        public Builder maxHeaderDepth(int depth) {
            if (depth < 1 || depth > 64) {
                throw new IllegalArgumentException("maxHeaderDepth must be between 1 and 64, got " + depth);
            }
            this.maxHeaderDepth = depth;
            return this;
        }

        /**
         * The smallest RSA modulus a key may have, in bits; smaller keys are dropped and reported (a
         * static set left without a usable key fails {@link #build()}), whichever crypto backend
         * verifies. Default 2048, as NIST SP 800-131A requires; from 1024 to 16384, and not above
         * {@link #maxRsaKeySize}. {@link CryptoPolicy#FIPS_186_5} refuses keys below 2048 bits
         * whatever this says.
         *
         * <p><b>Lowering it is dangerous:</b> 1024-bit RSA is within reach of well-funded attackers,
         * and anyone who factors an issuer's key can mint tokens your service accepts. Go below 2048
         * only for a legacy issuer you cannot change, and plan its retirement.
         *
         * @param bits the smallest RSA modulus accepted, in bits
         * @return this builder
         * @throws IllegalArgumentException if {@code bits} is outside that range
         */
        public Builder minRsaKeySize(int bits) {
            if (bits < 1024 || bits > 16384) {
                throw new IllegalArgumentException("minRsaKeySize must be between 1024 and 16384, got " + bits);
            }
            this.minRsaKeySize = bits;
            return this;
        }

        /**
         * The largest RSA modulus a key may have, in bits; larger keys are dropped and reported (a
         * static set left without a usable key fails {@link #build()}). The limit is applied to the
         * encoded length, before any arithmetic: checking a modulus (it must not be prime) and
         * verifying with it cost time that grows with the cube of its size, so an issuer you do not
         * control should not choose it. Default 8192, twice the largest key the providers we know
         * publish (2048 and 4096 bits); between 2048 and 16384.
         *
         * @param bits the largest RSA modulus accepted, in bits
         * @return this builder
         */
        public Builder maxRsaKeySize(int bits) {
            if (bits < 2048 || bits > 16384) {
                throw new IllegalArgumentException("maxRsaKeySize must be between 2048 and 16384, got " + bits);
            }
            this.maxRsaKeySize = bits;
            return this;
        }

        /**
         * The crypto backend. Default: found with {@link java.util.ServiceLoader} (system property
         * {@code sigil.crypto} to pin one by name). Replaces a backend named by
         * {@link #cryptoBackendNamed(String)}.
         *
         * @param backend the crypto backend
         * @return this builder
         */
        public Builder cryptoBackend(CryptoBackend backend) {
            this.cryptoBackend = Objects.requireNonNull(backend, "backend");
            this.cryptoBackendName = null;
            return this;
        }

        /**
         * The crypto backend found with {@link java.util.ServiceLoader} whose {@code name()} is
         * {@code name}, such as {@code "jca"} or {@code "bouncycastle"}: what the {@code sigil.crypto}
         * system property does, for this verifier alone, and ahead of that property. For
         * configuration that names a backend (Spring Boot's {@code sigil.jwt.backend}). {@code build()}
         * fails, naming the artifacts to add, if no backend of that name is found. Replaces a backend
         * given by {@link #cryptoBackend(CryptoBackend)}.
         *
         * @param name the backend's {@link CryptoBackend#name()}
         * @return this builder
         */
        public Builder cryptoBackendNamed(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("backend name must not be blank");
            }
            this.cryptoBackendName = name;
            this.cryptoBackend = null;
            return this;
        }

        /**
         * The JSON codec. Default: found with {@link java.util.ServiceLoader} (system property
         * {@code sigil.json}), else the built-in one.
         *
         * @param codec the JSON codec
         * @return this builder
         */
        public Builder jsonCodec(JsonCodec codec) {
            this.jsonCodec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * Hears about loaded and dropped keys. Default: none (dropped keys are still logged).
         *
         * @param listener the listener for key events
         * @return this builder
         */
        public Builder listener(JwksListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Hears the outcome of every verification, for metrics: verified or refused, the
         * {@link Reason}, the algorithm, the issuer given to {@link #issuer(String)} (or
         * {@link VerificationListener#ANY_ISSUER} after {@link #ignoreIssuer()}) and the duration;
         * see {@link VerificationListener} for when it is called and what it must not do. Default:
         * none, and then verifying does not read the clock.
         *
         * @param listener the listener for verification outcomes
         * @return this builder
         */
        public Builder verificationListener(VerificationListener listener) {
            this.verificationListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Keeps a verified-token cache within these bounds, so that a token presented again costs a
         * hash instead of a signature check; see {@link TokenCachePolicy} for what a hit means and
         * when it pays. Default: no cache.
         *
         * @param policy the cache's bounds
         * @return this builder
         */
        public Builder tokenCache(TokenCachePolicy policy) {
            this.tokenCache = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * A compliance regime on top of the allow-list, such as {@link CryptoPolicy#FIPS_186_5}:
         * {@link #build()} fails if {@link #algorithms} lists an algorithm it forbids or a static key
         * breaks it, the default allow-list leaves its forbidden algorithms out, and remote keys that
         * break it are dropped and reported. Default {@link CryptoPolicy#DEFAULT}.
         *
         * @param policy the compliance regime
         * @return this builder
         */
        public Builder cryptoPolicy(CryptoPolicy policy) {
            this.cryptoPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        // What a MultiIssuerVerifier reads of, and sets on, the builders it makes for each issuer.

        boolean decidesIssuer() {
            return issuer != null || ignoreIssuer;
        }

        boolean ignoresAudience() {
            return ignoreAudience;
        }

        boolean hasAudience() {
            return audiences != null;
        }

        boolean hasStaticKeysOrSource() {
            return keys != null || keySource != null;
        }

        URI jwksUriOrNull() {
            return jwksUri;
        }

        boolean hasMaxKeyWait() {
            return maxKeyWait != null;
        }

        boolean hasExecutor() {
            return executor != null;
        }

        JwksCachePolicy cachePolicyValue() {
            return cachePolicy;
        }

        Clock clockValue() {
            return clock;
        }

        HttpTransport httpTransportOrNull() {
            return httpTransport;
        }

        CryptoBackend cryptoBackendOrNull() {
            return cryptoBackend;
        }

        String cryptoBackendNameOrNull() {
            return cryptoBackendName;
        }

        /** The backend given, else the one named, else the one provider selection chooses. */
        CryptoBackend selectCryptoBackend() {
            if (cryptoBackend == null && cryptoBackendName != null) {
                return Providers.CRYPTO.selectNamed(cryptoBackendName, "cryptoBackendNamed(\"" + cryptoBackendName + "\")");
            }
            return Providers.CRYPTO.select(cryptoBackend);
        }

        JsonCodec jsonCodecOrNull() {
            return jsonCodec;
        }

        Executor executorOrNull() {
            return executor;
        }

        boolean hasTokenCache() {
            return tokenCache != null;
        }

        JwksListener listenerValue() {
            return listener;
        }

        /** The reader of tokens this builder's verifier would have, with {@code json}. */
        CompactJws compactJws(JsonCodec json) {
            return new CompactJws(json, maxTokenLength, maxHeaderDepth, maxClaimsDepth);
        }

        /** Keys from {@code source}, in place of a {@code jwksUri(..)} the settings gave, which the source then serves. */
        Builder keySourceInsteadOfJwksUri(KeySource source) {
            this.jwksUri = null;
            return keySource(source);
        }

        Builder sharedTokens(VerifiedTokens tokens) {
            this.sharedTokens = tokens;
            return this;
        }

        boolean hasVerificationListener() {
            return verificationListener != null;
        }

        /** Reports to {@code listener} under {@code label}, the configured issuer or template, in place of the issuer. */
        Builder verificationListener(VerificationListener listener, String label) {
            this.verificationLabel = label;
            return verificationListener(listener);
        }

        /**
         * Builds the verifier: resolves the crypto backend and JSON codec and imports static keys.
         *
         * @return the verifier, ready to share between threads
         * @throws JwtConfigurationException if the configuration would verify nothing or verify
         *     insecurely, or no usable provider is found; the message names the fix
         */
        public JwtVerifier build() {
            if (issuer != null && ignoreIssuer) {
                throw new JwtConfigurationException("issuer(..) and ignoreIssuer() cannot both be set");
            }
            if (issuer == null && !ignoreIssuer) {
                throw new JwtConfigurationException("no issuer decision: call issuer(..) with the expected \"iss\", or ignoreIssuer()");
            }
            // Issue 19: a multi-tenant template or endpoint (Entra ID's common) is no single issuer.
            IssuerTemplate.refuseAsSingleIssuer(issuer);
            if (audiences != null && ignoreAudience) {
                throw new JwtConfigurationException("audience(..) and ignoreAudience() cannot both be set");
            }
            if (audiences == null && !ignoreAudience) {
                throw new JwtConfigurationException("no audience decision: call audience(..) with this API's identifier, or ignoreAudience()");
            }
            int sources = (keys != null ? 1 : 0) + (keySource != null ? 1 : 0) + (jwksUri != null ? 1 : 0);
            if (sources > 1) {
                throw new JwtConfigurationException("keys(..), keySource(..) and jwksUri(..) cannot be combined: choose one");
            }
            if (sources == 0 && issuer == null) {
                throw new JwtConfigurationException("no keys: call issuer(..) to find them by discovery, or jwksUri(..),"
                        + " keys(JwkSet) or keySource(KeySource)");
            }
            CryptoBackend backend = selectCryptoBackend();
            JsonCodec json = Providers.JSON.select(jsonCodec);
            // Support is asked alg by alg (CryptoBackend.supports), never as the whole set, so that a
            // backend that probes its provider lazily probes only what these algorithms need; the
            // header rules ask again, per token, whether the token's alg is supported.
            Set<JwsAlgorithm> allowed;
            if (algorithms == null) {
                allowed = EnumSet.noneOf(JwsAlgorithm.class);
                boolean anySupported = false;
                for (JwsAlgorithm alg : JwsAlgorithm.values()) {
                    if (!alg.isSymmetric() && cryptoPolicy.allows(alg)) {
                        allowed.add(alg);
                        // In the enum's order, RS256 first: the usual answer needs the RSA family alone.
                        anySupported = anySupported || backend.supports(alg);
                    }
                }
                if (!anySupported) {
                    throw new JwtConfigurationException("crypto backend '" + backend.name()
                            + "' supports no asymmetric algorithm; list the algorithms with algorithms(..)");
                }
            } else {
                allowed = EnumSet.copyOf(algorithms);
                List<JwsAlgorithm> missing = new ArrayList<>();
                for (JwsAlgorithm alg : allowed) {
                    if (!backend.supports(alg)) {
                        missing.add(alg);
                    }
                }
                if (!missing.isEmpty()) {
                    String hint = null;
                    for (JwsAlgorithm alg : missing) {
                        hint = hint != null ? hint : KeyFit.whereOffered(alg);
                    }
                    throw new JwtConfigurationException("algorithms(..) lists " + missing + ", which crypto backend '"
                            + backend.name() + "' does not support; it supports " + backend.algorithms()
                            + (hint == null ? "" : "; " + hint));
                }
                for (JwsAlgorithm alg : allowed) {
                    if (!cryptoPolicy.allows(alg)) {
                        throw new JwtConfigurationException("algorithms(..) lists " + alg + ", which crypto policy "
                                + cryptoPolicy + " forbids");
                    }
                }
            }
            Set<JwsAlgorithm> frozen = Collections.unmodifiableSet(allowed);
            if (keys == null) {
                for (JwsAlgorithm alg : frozen) {
                    if (alg.isSymmetric()) {
                        throw new JwtConfigurationException(alg + " is listed in algorithms(..), but HMAC secrets are"
                                + " accepted from keys(JwkSet) only: an issuer never publishes them");
                    }
                }
            }

            KeySource source;
            JwksCache ownedCache = null;
            if (minRsaKeySize > maxRsaKeySize) {
                throw new JwtConfigurationException("minRsaKeySize(" + minRsaKeySize + ") is above maxRsaKeySize("
                        + maxRsaKeySize + "): no RSA key could be used");
            }
            KeyLimits limits = new KeyLimits(minRsaKeySize, maxRsaKeySize);
            SigningKeyFilter filter = new SigningKeyFilter(backend, keys != null, cryptoPolicy, limits);
            KeyIndex initial;
            if (keys != null) {
                JwkSet staticKeys = keys;
                source = KeySource.of(staticKeys);
                initial = filter.index(staticKeys);
                if (cryptoPolicy != CryptoPolicy.DEFAULT) {
                    checkPolicy(new SigningKeyFilter(backend, true, CryptoPolicy.DEFAULT, limits).index(staticKeys), cryptoPolicy);
                }
                checkStaticKeys(initial, frozen);
            } else {
                if (keySource != null) {
                    source = keySource;
                } else {
                    JwksCache.Builder cache = JwksCache.builder().policy(cachePolicy).clock(clock).listener(listener)
                            .jsonCodec(json);
                    if (jwksUri != null) {
                        cache.jwksUri(jwksUri);
                    } else {
                        cache.issuer(issuer);
                    }
                    if (httpTransport != null) {
                        cache.httpTransport(httpTransport);
                    }
                    if (executor != null) {
                        cache.executor(executor);
                    }
                    ownedCache = cache.build();
                    source = ownedCache;
                }
                // An index of no keys stands in until the source's first set is seen.
                initial = filter.index(JwkSet.of());
            }
            JwtVerifier verifier = new JwtVerifier(this, backend, json, frozen, source, ownedCache, filter, initial);
            if (keys != null) {
                verifier.currentKeys.report(initial);
            }
            return verifier;
        }

        /** A static key the policy forbids is a mistake in the configuration, not something to drop quietly. */
        private static void checkPolicy(KeyIndex unrestricted, CryptoPolicy policy) {
            for (ImportedKey key : unrestricted.keys()) {
                String forbidden = policy.refusal(key.key());
                if (forbidden != null) {
                    throw new JwtConfigurationException("keys(..) holds key " + (key.keyId() == null ? "(no kid)"
                            : UntrustedText.quoted(key.keyId())) + " that crypto policy " + policy + " forbids: " + forbidden);
                }
            }
        }

        private static void checkStaticKeys(KeyIndex index, Set<JwsAlgorithm> allowed) {
            boolean usable = false;
            for (JwsAlgorithm alg : allowed) {
                if (index.fitting(alg).length > 0) {
                    usable = true;
                } else if (alg.isSymmetric()) {
                    throw new JwtConfigurationException(alg + " is listed in algorithms(..) but keys(..) holds no 'oct' key"
                            + " of at least " + alg.componentLength() * 8 + " bits for it");
                }
            }
            if (!usable) {
                throw new JwtConfigurationException("keys(..) holds no key usable with the allowed algorithms " + allowed
                        + (index.dropped().isEmpty() ? "" : "; dropped: " + index.dropped().stream()
                                .map(DroppedKey::toString).collect(Collectors.joining("; "))));
            }
        }
    }
}
