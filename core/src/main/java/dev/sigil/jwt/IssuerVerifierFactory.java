package dev.sigil.jwt;

import dev.sigil.internal.remote.CacheThreads;
import dev.sigil.internal.remote.IssuerDiscovery;
import dev.sigil.internal.remote.RemoteGet;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksCachePolicy;
import dev.sigil.jwk.JwksListener;
import dev.sigil.jwk.KeySource;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.HttpTransport;
import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.JwtConfigurationException;
import dev.sigil.spi.UntrustedText;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Makes a {@link MultiIssuerVerifier}'s per-issuer verifiers, from what its builder resolved once at
 * {@code build()}, so that making one on a token's arrival resolves no provider and checks nothing
 * that could have failed earlier. {@code build()} fills the fields, then {@link #check} builds and
 * discards each configured issuer's verifier and one per template; after that the factory is only
 * read, by {@link #make} under {@link IssuerVerifiers}' lock.
 */
final class IssuerVerifierFactory {

    final Consumer<JwtVerifier.Builder> defaults;
    final Map<String, JwksListener> listeners = new HashMap<>();
    final Map<String, IssuerVerifiers.Route> exact = new LinkedHashMap<>();
    final List<IssuerTemplate> templates = new ArrayList<>();
    final List<String> labels = new ArrayList<>();
    CryptoBackend backend;
    JsonCodec json;
    HttpTransport transport;
    Clock clock;
    CompactJws router;
    VerifiedTokens tokens;
    CacheThreads threads;
    Executor executor;
    SharedKeySets caches;
    VerificationListener verificationListener;

    IssuerVerifierFactory(Consumer<JwtVerifier.Builder> defaults) {
        this.defaults = defaults;
    }

    /** A builder with the defaults, then {@code settings}, applied. */
    JwtVerifier.Builder configured(Consumer<JwtVerifier.Builder> settings) {
        JwtVerifier.Builder b = JwtVerifier.builder();
        defaults.accept(b);
        settings.accept(b);
        return b;
    }

    /** The verifier of {@code route}, with the keys it leases. */
    IssuerVerifiers.Made make(IssuerVerifiers.Route route) {
        JwtVerifier.Builder b = configured(route.settings()).issuer(route.issuer());
        DiscoveredKeys keys = null;
        if (!b.hasStaticKeysOrSource()) {
            JwksListener listener = listeners.get(route.label());
            JwksCachePolicy policy = b.cachePolicyValue();
            URI configured = b.jwksUriOrNull();
            IssuerDiscovery discovery = configured != null ? null
                    : new IssuerDiscovery(route.issuer(), route.tenant(), transport, json, policy, clock, listener, threads);
            keys = new DiscoveredKeys(discovery, configured, caches, listener, policy);
            b.keySourceInsteadOfJwksUri(keys);
        }
        complete(b, route);
        return new IssuerVerifiers.Made(b.build(), keys);
    }

    /** What every issuer's builder gets from this verifier rather than from the application. */
    void complete(JwtVerifier.Builder b, IssuerVerifiers.Route route) {
        // The shared backend, also where the defaults name it (one instance, not one lookup per tenant),
        // unless an issuer's own settings name another: that issuer's build() then selects it.
        String named = b.cryptoBackendNameOrNull();
        if (b.cryptoBackendOrNull() == null && (named == null || named.equals(backend.name()))) {
            b.cryptoBackend(backend);
        }
        if (b.jsonCodecOrNull() == null) {
            b.jsonCodec(json);
        }
        if (!b.hasExecutor()) {
            b.executor(executor);
        }
        if (!b.hasMaxKeyWait()) {
            // Discovery, then the key set: each ends within the request timeout.
            b.maxKeyWait(b.cachePolicyValue().requestTimeout().multipliedBy(2).plusSeconds(1));
        }
        if (b.listenerValue() == JwtVerifier.Builder.NO_LISTENER) {
            b.listener(listeners.get(route.label()));
        }
        if (route.template() != null) {
            b.validator(route.template().tenantCheck(route.tenant()));
        }
        if (verificationListener != null) {
            // The label, not route.issuer(): a template's issuer names a tenant, which tokens choose.
            b.verificationListener(verificationListener, route.label());
        }
        b.sharedTokens(tokens);
    }

    /** Builds and discards {@code route}'s verifier; returns whether its keys are remote. */
    boolean check(IssuerVerifiers.Route route) {
        String what = (route.template() == null ? "issuer " : "issuer template ") + UntrustedText.quoted(route.label());
        JwtVerifier.Builder b = configured(route.settings());
        if (b.decidesIssuer()) {
            throw new JwtConfigurationException("the settings of " + what + " call issuer(..) or ignoreIssuer();"
                    + " a multi-issuer verifier sets each verifier's issuer itself");
        }
        if (b.ignoresAudience() || !b.hasAudience()) {
            throw new JwtConfigurationException("a multi-issuer verifier always requires an audience, and " + what
                    + " has none: call audience(..) on the MultiIssuerVerifier.Builder or in the issuer's settings");
        }
        if (b.hasVerificationListener()) {
            throw new JwtConfigurationException("the settings of " + what + " give a verification listener; give it to"
                    + " the MultiIssuerVerifier.Builder, which labels each outcome with the configured issuer or template");
        }
        if (b.hasTokenCache()) {
            throw new JwtConfigurationException("the settings of " + what + " give a token cache; give it to the"
                    + " MultiIssuerVerifier.Builder, whose cache all issuers share");
        }
        boolean remote = !b.hasStaticKeysOrSource();
        // Before the uri checks: a trusted issuer with a {tenantid} placeholder is no uri, and the reason is that.
        IssuerTemplate.refuseAsSingleIssuer(route.issuer());
        b.issuer(route.issuer());
        if (remote) {
            URI location = b.jwksUriOrNull();
            String refusal;
            try {
                refusal = location != null ? RemoteGet.refusal(location)
                        : RemoteGet.refusal(RemoteGet.openIdConfiguration(route.issuer()));
            } catch (IllegalArgumentException e) {
                throw new JwtConfigurationException(what + " is not a valid uri", e);
            }
            if (refusal != null) {
                throw new JwtConfigurationException(what + ": " + refusal);
            }
            // Stands in for the keys it will fetch: building must not fetch anything.
            b.keySourceInsteadOfJwksUri(KeySource.of(JwkSet.of()));
        }
        complete(b, route);
        b.build().close();
        return remote;
    }
}
