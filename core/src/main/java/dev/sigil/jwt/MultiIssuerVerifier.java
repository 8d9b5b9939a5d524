package dev.sigil.jwt;

import dev.sigil.internal.log.SigilLoggers;
import dev.sigil.internal.remote.CacheThreads;
import dev.sigil.internal.select.Providers;
import dev.sigil.internal.tokens.TokenStore;
import dev.sigil.jwk.JwksListener;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.JwtConfigurationException;
import dev.sigil.spi.UntrustedText;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Verifies tokens from several issuers: issuers named exactly, and issuers matched by a template
 * with one tenant placeholder, such as Entra ID's
 * {@code https://login.microsoftonline.com/{tenantid}/v2.0}.
 *
 * <pre>{@code
 * MultiIssuerVerifier verifier = MultiIssuerVerifier.builder()
 *     .trustedIssuer("https://a.example.com/")
 *     .trustedIssuer("https://b.example.com/", b -> b.type("at+jwt"))
 *     .audience("https://api.example.com")
 *     .build();
 * VerifiedJwt jwt = verifier.verify(token);
 * }</pre>
 *
 * <h2>How a token is routed</h2>
 * The token's {@code iss} is read before its signature is checked, as untrusted input: the payload
 * is decoded and parsed within the same limits as after the check, and nothing else is read from
 * it. An {@code iss} that is neither a configured issuer (compared exactly) nor matched by a
 * template (its text compared exactly around the placeholder, and a tenant of 1 to 64 chars from
 * {@code [A-Za-z0-9-]} that the template trusts) is refused as {@link Reason#ISSUER_MISMATCH}, with no
 * network request of any kind. A trusted {@code iss} goes to that issuer's own {@link JwtVerifier},
 * made on first need with its own discovery, and whose key cache is shared with every issuer whose
 * discovery names the same {@code jwks_uri}, or whose settings give the same {@code jwksUri(..)}. Configured issuers
 * come first, then templates in the order given.
 *
 * <h2>Bounds</h2>
 * Verifiers of configured issuers are kept for good. Those of template issuers are at most
 * {@link Builder#maxIssuers(int)}, the least recently used closed first, and are made at most at
 * {@link Builder#newIssuerRate(int, Duration)} for all templates together; past it a token is
 * refused as {@link Reason#KEYS_UNAVAILABLE}, which a retry may pass. So a flood of tokens naming
 * distinct tenants costs bounded memory and a bounded number of discoveries and key-set fetches.
 *
 * <h2>Settings</h2>
 * Each issuer's verifier is configured by the shared {@link Builder#defaults(Consumer)}, then by the
 * issuer's or template's own settings: any {@link JwtVerifier.Builder} option but the issuer, which
 * this verifier sets. An audience is always required. A template's issuers also require the
 * template's tenant claim (Entra ID: {@code tid}) to name the tenant their {@code iss} matched.
 * Stats and listener events are labelled with the configured issuer or template, never with text
 * from a token.
 *
 * <h2>Why this file is a little long</h2>
 * It passes core's 400-line aim by its public nested {@link Builder}, which cannot move without
 * changing the API. Making the per-issuer verifiers is {@code IssuerVerifierFactory}'s, keeping them
 * bounded {@code IssuerVerifiers}', matching templates {@code IssuerTemplate}'s.
 *
 * <h2>Threads</h2>
 * Immutable in its configuration and thread-safe. Routing takes no lock; making an issuer's verifier
 * takes one. Key fetches and discovery run on daemon threads of this verifier's own (or the
 * executor given to the defaults), stopped by {@link #close()}.
 */
public final class MultiIssuerVerifier implements TokenVerifier {

    private final CompactJws router;
    private final Map<String, IssuerVerifiers.Route> exact;
    private final List<IssuerTemplate> templates;
    private final List<String> labels;
    private final IssuerVerifiers verifiers;
    private final VerifiedTokens tokens;
    private final SharedKeySets caches;
    private final CacheThreads threads;
    private final LongAdder untrusted = new LongAdder();
    // Reports tokens refused before routing; a routed token is reported by its issuer's verifier's events.
    private final VerificationEvents unrouted;

    private MultiIssuerVerifier(IssuerVerifierFactory setup, Builder b) {
        this.router = setup.router;
        this.exact = setup.exact;
        this.templates = setup.templates;
        this.labels = setup.labels;
        this.tokens = setup.tokens;
        this.caches = setup.caches;
        this.threads = setup.threads;
        this.unrouted = VerificationEvents.of(setup.verificationListener, VerificationListener.UNTRUSTED_ISSUER, null);
        this.verifiers = new IssuerVerifiers(setup::make, b.maxIssuers, b.newIssuers, b.newIssuersPer, setup.clock);
    }

    /** {@return a builder; at least one trusted issuer or template, and an audience, are required} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a token: routes it by its {@code iss}, then verifies it with that issuer's verifier.
     * A {@link Builder#verificationListener(VerificationListener) listener} hears the outcome under
     * the configured issuer or template, or {@link VerificationListener#UNTRUSTED_ISSUER} when the
     * token could not be routed.
     */
    @Override
    public VerifiedJwt verify(String token) throws JwtVerificationException {
        long start = unrouted.start();
        TokenStore.Key cacheKey = null;
        if (tokens != null && token != null && token.length() <= router.maxTokenLength()) {
            cacheKey = tokens.key(token);
            VerifiedTokens.Entry hit = tokens.get(cacheKey);
            if (hit != null) {
                VerifiedJwt reused;
                try {
                    reused = hit.by().reuse(hit, cacheKey);
                } catch (JwtVerificationException e) {
                    throw hit.by().events().refused(e, start);
                }
                if (reused != null) {
                    // A hit is a use: a tenant served from the cache is not the least recently used.
                    verifiers.used(reused.claims().issuerOrNull());
                    hit.by().events().verified(reused, start);
                    return reused;
                }
            }
        }
        JwtClaims claims;
        IssuerVerifiers.Route route;
        try {
            claims = unverifiedClaims(token);
            route = route(claims);
        } catch (JwtVerificationException e) {
            throw unrouted.refused(e, start);
        }
        JwtVerifier verifier = verifierFor(route, start);
        VerifiedJwt verified;
        try {
            verified = verifier.verifyFully(token, null, verifier.readsLike(router) ? claims : null, cacheKey);
        } catch (JwtVerificationException e) {
            throw verifier.events().refused(e, start);
        }
        verifier.events().verified(verified, start);
        return verified;
    }

    /** The verifier of {@code route}; a refusal (too many new issuers) is reported under the route's label. */
    private JwtVerifier verifierFor(IssuerVerifiers.Route route, long start) throws JwtVerificationException {
        try {
            return verifiers.verifierFor(route);
        } catch (JwtVerificationException e) {
            throw unrouted.refused(e, route.label(), start);
        }
    }

    /**
     * As {@link JwtVerifier#verifyAsync(String)}, after routing, which needs no network and is done on
     * the caller's thread: the stage is that of the issuer's verifier, bounded by its
     * {@code maxPendingAsync} and {@code maxKeyWait}.
     */
    @Override
    public CompletionStage<VerifiedJwt> verifyAsync(String token) {
        long start = unrouted.start();
        JwtVerifier verifier;
        try {
            IssuerVerifiers.Route route;
            try {
                route = route(unverifiedClaims(token));
            } catch (JwtVerificationException e) {
                throw unrouted.refused(e, start);
            }
            verifier = verifierFor(route, start);
        } catch (JwtVerificationException e) {
            return CompletableFuture.failedFuture(e);
        }
        return verifier.verifyAsync(token, start);
    }

    /** The payload's claims, read before any check of the signature only to find the issuer. */
    private JwtClaims unverifiedClaims(String token) throws JwtVerificationException {
        int dot1 = router.headerEnd(token);
        return JwtClaims.of(router.unverifiedPayload(token, dot1, token.lastIndexOf('.')));
    }

    private IssuerVerifiers.Route route(JwtClaims claims) throws JwtVerificationException {
        String iss = claims.issuerOrNull();
        if (iss == null) {
            untrusted.increment();
            throw new JwtVerificationException(Reason.MISSING_CLAIM, "token has no 'iss' claim, which a multi-issuer"
                    + " verifier routes by");
        }
        IssuerVerifiers.Route route = exact.get(iss);
        if (route != null) {
            return route;
        }
        for (IssuerTemplate template : templates) {
            String tenant = template.tenantOf(iss);
            if (tenant != null) {
                return new IssuerVerifiers.Route(template.template(), iss, template.settings(), template, tenant);
            }
        }
        untrusted.increment();
        throw new JwtVerificationException(Reason.ISSUER_MISMATCH, "iss " + UntrustedText.quoted(iss)
                + " is not a trusted issuer");
    }

    /**
     * Fetches the keys of every configured issuer now (discovery first), so that a misconfiguration
     * shows at start-up. Template issuers are fetched when their first token comes.
     *
     * @throws JwtVerificationException with {@code KEYS_UNAVAILABLE} naming the first issuer whose keys cannot be had
     */
    @Override
    public void prefetch() throws JwtVerificationException {
        for (IssuerVerifiers.Route route : exact.values()) {
            try {
                verifiers.verifierFor(route).prefetch();
            } catch (JwtVerificationException e) {
                throw new JwtVerificationException(e.reason(), "issuer '" + route.label() + "': " + e.getMessage(), e);
            }
        }
    }

    /** {@return the counters; see {@link MultiIssuerStats}} */
    public MultiIssuerStats stats() {
        return new MultiIssuerStats(verifiers.size(), verifiers.created(), verifiers.evicted(), verifiers.refused(),
                untrusted.sum(), verifiers.keySetStats(labels));
    }

    /** {@return the counters of the verified-token cache, if {@link Builder#tokenCache} gave this verifier one} */
    public Optional<TokenCacheStats> tokenCacheStats() {
        return tokens == null ? Optional.empty() : Optional.of(tokens.stats());
    }

    /** Closes every issuer's verifier and key cache and stops this verifier's threads; keys held stay usable to verifications under way. */
    @Override
    public void close() {
        verifiers.closeAll();
        caches.closeAll();
        threads.close();
    }

    @Override
    public String toString() {
        return "MultiIssuerVerifier[issuers=" + exact.keySet() + ", templates=" + templates + "]";
    }

    /**
     * Configures a {@link MultiIssuerVerifier}. Not thread-safe. The settings consumers are run again
     * for every issuer's verifier made, so they must only configure the builder they are given.
     */
    public static final class Builder {

        private final Map<String, Consumer<JwtVerifier.Builder>> issuers = new LinkedHashMap<>();
        /** A template as configured, made into an {@link IssuerTemplate} (and judged) at {@code build()}. */
        private record TemplateSpec(String template, String tenantClaim, Set<String> tenants,
                Consumer<JwtVerifier.Builder> settings) {
        }

        private final List<TemplateSpec> templates = new ArrayList<>();
        private Consumer<JwtVerifier.Builder> defaults = b -> { };
        private String[] audiences;
        private int maxIssuers = 100;
        private int newIssuers = 60;
        private Duration newIssuersPer = Duration.ofMinutes(1);
        private TokenCachePolicy tokenCache;
        private Function<String, JwksListener> listeners = label -> JwtVerifier.Builder.NO_LISTENER;
        private VerificationListener verificationListener;

        private Builder() {
        }

        /**
         * Trusts tokens whose {@code iss} is exactly {@code issuer}, with keys found by its discovery
         * (unless its settings give {@code jwksUri(..)}, {@code keys(..)} or {@code keySource(..)}).
         *
         * @param issuer the issuer identifier, exactly as its tokens carry it in {@code iss}
         * @return this builder
         */
        public Builder trustedIssuer(String issuer) {
            return trustedIssuer(issuer, b -> { });
        }

        /**
         * As {@link #trustedIssuer(String)}, with settings of the issuer's own, applied after
         * {@link #defaults(Consumer)}: any {@link JwtVerifier.Builder} option but
         * {@code issuer(..)} and {@code ignoreIssuer()}.
         *
         * @param issuer the issuer identifier, exactly as its tokens carry it in {@code iss}
         * @param settings applied to the issuer's {@link JwtVerifier.Builder}
         * @return this builder
         */
        public Builder trustedIssuer(String issuer, Consumer<JwtVerifier.Builder> settings) {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(settings, "settings");
            if (issuer.isBlank()) {
                throw new IllegalArgumentException("issuer must not be blank");
            }
            issuers.put(issuer, settings);
            return this;
        }

        /**
         * Trusts the issuers a template names for the tenants listed, such as
         * {@code issuerTemplate("https://login.microsoftonline.com/{tenantid}/v2.0", "tid", tenants)}.
         * The template has one placeholder, {@code {tenant}} or {@code {tenantid}}, which matches a
         * tenant of {@code tenants} only; the token's {@code tenantClaim} must name the same tenant.
         *
         * @param template the issuer URL with one {@code {tenant}} or {@code {tenantid}} placeholder
         * @param tenantClaim the claim that must name the same tenant, such as {@code "tid"}
         * @param tenants the tenants trusted, at least one
         * @return this builder
         */
        public Builder issuerTemplate(String template, String tenantClaim, Collection<String> tenants) {
            return issuerTemplate(template, tenantClaim, tenants, b -> { });
        }

        /**
         * As {@link #issuerTemplate(String, String, Collection)}, with settings of the template's own.
         *
         * @param template the issuer URL with one {@code {tenant}} or {@code {tenantid}} placeholder
         * @param tenantClaim the claim that must name the same tenant, such as {@code "tid"}
         * @param tenants the tenants trusted, at least one
         * @param settings applied to the {@link JwtVerifier.Builder} of each issuer the template names
         * @return this builder
         */
        public Builder issuerTemplate(String template, String tenantClaim, Collection<String> tenants,
                Consumer<JwtVerifier.Builder> settings) {
            Objects.requireNonNull(tenants, "tenants");
            templates.add(new TemplateSpec(Objects.requireNonNull(template, "template"),
                    Objects.requireNonNull(tenantClaim, "tenantClaim"), new LinkedHashSet<>(tenants),
                    Objects.requireNonNull(settings, "settings")));
            return this;
        }

        /**
         * Trusts the issuers a template names for <b>any tenant at all</b>, for multi-tenant
         * applications. <b>Dangerous:</b> anyone who can create a tenant at the provider (for Entra
         * ID, anyone with an Azure account) can then mint tokens this verifier accepts, so the
         * audience, and usually a check of the tenant or user in a {@link ClaimsValidator}, are all
         * that stands between them and your API. {@code build()} logs a warning for each such
         * template. Prefer {@link #issuerTemplate(String, String, Collection)} with the tenants
         * you serve.
         *
         * @param template the issuer URL with one {@code {tenant}} or {@code {tenantid}} placeholder
         * @param tenantClaim the claim that must name the same tenant, such as {@code "tid"}
         * @return this builder
         */
        public Builder issuerTemplateTrustingAnyTenant(String template, String tenantClaim) {
            return issuerTemplateTrustingAnyTenant(template, tenantClaim, b -> { });
        }

        /**
         * As {@link #issuerTemplateTrustingAnyTenant(String, String)}, with settings of the template's own.
         *
         * @param template the issuer URL with one {@code {tenant}} or {@code {tenantid}} placeholder
         * @param tenantClaim the claim that must name the same tenant, such as {@code "tid"}
         * @param settings applied to the {@link JwtVerifier.Builder} of each issuer the template names
         * @return this builder
         */
        public Builder issuerTemplateTrustingAnyTenant(String template, String tenantClaim,
                Consumer<JwtVerifier.Builder> settings) {
            templates.add(new TemplateSpec(Objects.requireNonNull(template, "template"),
                    Objects.requireNonNull(tenantClaim, "tenantClaim"), null, Objects.requireNonNull(settings, "settings")));
            return this;
        }

        /**
         * The audiences every issuer's tokens must name, unless an issuer's settings say otherwise.
         *
         * @param audiences the accepted audiences, at least one
         * @return this builder
         */
        public Builder audience(String... audiences) {
            Objects.requireNonNull(audiences, "audiences");
            this.audiences = audiences.clone();
            return this;
        }

        /**
         * Settings for every issuer's verifier, applied before the issuer's or template's own:
         * type, algorithms, clock skew, required claims, validators, cache policy, crypto backend,
         * transport, codec, executor, listener and the rest of {@link JwtVerifier.Builder}.
         *
         * @param defaults applied to every issuer's {@link JwtVerifier.Builder} first
         * @return this builder
         */
        public Builder defaults(Consumer<JwtVerifier.Builder> defaults) {
            this.defaults = Objects.requireNonNull(defaults, "defaults");
            return this;
        }

        /**
         * The most verifiers of template issuers kept at once; the least recently used is closed first. Default 100; 1
         * to 100,000.
         *
         * @param issuers the most verifiers of template issuers kept at once
         * @return this builder
         */
        public Builder maxIssuers(int issuers) {
            if (issuers < 1 || issuers > 100_000) {
                throw new IllegalArgumentException("maxIssuers must be between 1 and 100,000, got " + issuers);
            }
            this.maxIssuers = issuers;
            return this;
        }

        /**
         * How fast verifiers of new template issuers may be made, all templates together: at most
         * {@code issuers} at once, and then {@code issuers} per {@code per} (each costs a discovery and
         * possibly a key-set fetch). Past it a token from a new issuer is refused as
         * {@code KEYS_UNAVAILABLE}, which a retry may pass. Default 60 per minute.
         *
         * @param issuers how many new template issuers may be made at once, and per {@code per}
         * @param per the period over which {@code issuers} new ones are allowed
         * @return this builder
         */
        public Builder newIssuerRate(int issuers, Duration per) {
            Objects.requireNonNull(per, "per");
            if (issuers < 1 || issuers > 100_000) {
                throw new IllegalArgumentException("newIssuerRate needs 1 to 100,000 issuers, got " + issuers);
            }
            if (per.compareTo(Duration.ofSeconds(1)) < 0 || per.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("newIssuerRate needs a period between 1 second and 1 day, got " + per);
            }
            this.newIssuers = issuers;
            this.newIssuersPer = per;
            return this;
        }

        /**
         * A verified-token cache shared by every issuer's verifier; see {@link TokenCachePolicy}. Default: none.
         *
         * @param policy the shared cache's bounds
         * @return this builder
         */
        public Builder tokenCache(TokenCachePolicy policy) {
            this.tokenCache = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * The listener for each configured issuer and template, asked once per label at
         * {@code build()}: its key caches' fetches, failures and changes, and its verifiers' loaded
         * and dropped keys. A listener an issuer's own settings give wins for its verifier's events.
         *
         * @param perIssuerOrTemplate gives the listener for an issuer or template, by its label as configured
         * @return this builder
         */
        public Builder listeners(Function<String, JwksListener> perIssuerOrTemplate) {
            this.listeners = Objects.requireNonNull(perIssuerOrTemplate, "perIssuerOrTemplate");
            return this;
        }

        /**
         * Hears the outcome of every verification, for metrics: as
         * {@link JwtVerifier.Builder#verificationListener(VerificationListener)}, with {@code issuer}
         * the configured issuer or template (as written here) whose verifier judged the token, or
         * {@link VerificationListener#UNTRUSTED_ISSUER} for a token refused before it could be routed
         * to one: never the token's own {@code iss}, so a template's tenants share one label. An
         * issuer's own settings (or the defaults) may not give one. Default: none.
         *
         * @param listener the listener for verification outcomes
         * @return this builder
         */
        public Builder verificationListener(VerificationListener listener) {
            this.verificationListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Builds the verifier, having built (and discarded) each configured issuer's verifier and one
         * for each template, so that every setting is checked now; makes no network request.
         *
         * @return the verifier, ready to share between threads
         * @throws JwtConfigurationException if no issuer or template is configured, an issuer's
         *     settings set the issuer or no audience, a template is malformed, or any issuer's
         *     verifier could not be built
         */
        public MultiIssuerVerifier build() {
            if (issuers.isEmpty() && templates.isEmpty()) {
                throw new JwtConfigurationException("no trusted issuer: call trustedIssuer(..) or issuerTemplate(..)");
            }
            String[] audience = audiences;
            Consumer<JwtVerifier.Builder> shared = audience == null ? defaults : b -> {
                b.audience(audience);
                defaults.accept(b);
            };
            IssuerVerifierFactory setup = new IssuerVerifierFactory(shared);
            setup.verificationListener = verificationListener;
            JwtVerifier.Builder base = setup.configured(b -> { });
            setup.backend = base.selectCryptoBackend();
            setup.json = Providers.JSON.select(base.jsonCodecOrNull());
            setup.clock = base.clockValue();
            setup.router = base.compactJws(setup.json);
            setup.threads = new CacheThreads(base.executorOrNull());
            CacheThreads threads = setup.threads;
            setup.executor = base.executorOrNull() != null ? base.executorOrNull() : task -> threads.executor().execute(task);
            setup.tokens = tokenCache == null ? null : new VerifiedTokens(tokenCache, setup.backend, setup.clock);

            List<IssuerVerifiers.Route> probes = new ArrayList<>();
            boolean remote = false;
            for (Map.Entry<String, Consumer<JwtVerifier.Builder>> e : issuers.entrySet()) {
                IssuerVerifiers.Route route = new IssuerVerifiers.Route(e.getKey(), e.getKey(), e.getValue(), null, null);
                setup.exact.put(e.getKey(), route);
                setup.labels.add(e.getKey());
                probes.add(route);
            }
            for (TemplateSpec t : templates) {
                Set<String> tenants = t.tenants();
                Consumer<JwtVerifier.Builder> settings = t.settings();
                IssuerTemplate template = new IssuerTemplate(t.template(), t.tenantClaim(), tenants, settings);
                setup.templates.add(template);
                setup.labels.add(template.template());
                String sample = tenants == null ? "tenant" : tenants.iterator().next();
                probes.add(new IssuerVerifiers.Route(template.template(), template.issuerFor(sample), settings, template, sample));
                if (tenants == null) {
                    SigilLoggers.jwt().log(Level.WARNING, "issuer template " + UntrustedText.quoted(template.template()) + " trusts any"
                            + " tenant: anyone who can create a tenant at this provider can mint tokens this verifier"
                            + " accepts; the audience and your validators are all that refuse them");
                }
            }
            for (String label : setup.labels) {
                JwksListener listener = listeners.apply(label);
                setup.listeners.put(label, listener == null ? JwtVerifier.Builder.NO_LISTENER : listener);
            }
            for (IssuerVerifiers.Route probe : probes) {
                remote |= setup.check(probe);
            }
            if (remote) {
                setup.transport = Providers.HTTP.select(base.httpTransportOrNull());
            }
            setup.caches = new SharedKeySets(setup.transport, setup.json, setup.clock, setup.executor);
            return new MultiIssuerVerifier(setup, this);
        }
    }
}
