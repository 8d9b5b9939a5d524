package dev.sigil.spring.boot;

import dev.sigil.jwk.JwksCachePolicy;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.MultiIssuerVerifier;
import dev.sigil.jwt.TokenVerifier;
import dev.sigil.jwt.VerificationListener;
import dev.sigil.spi.JwsAlgorithm;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.core.env.Environment;

/** Builds the verifier from Boot's resource-server properties and Sigil's own. */
final class SigilVerifiers {

    static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";

    private static final Log log = LogFactory.getLog(SigilVerifiers.class);

    private SigilVerifiers() {
    }

    static TokenVerifier build(OAuth2ResourceServerProperties boot, SigilJwtProperties sigil, Environment environment) {
        return build(boot, sigil, environment, SigilVerifierListeners.NONE);
    }

    /** As {@link #build(OAuth2ResourceServerProperties, SigilJwtProperties, Environment)}, with the listeners of an optional part (metrics). */
    static TokenVerifier build(OAuth2ResourceServerProperties boot, SigilJwtProperties sigil, Environment environment,
            SigilVerifierListeners listeners) {
        OAuth2ResourceServerProperties.Jwt jwt = boot.getJwt();
        String issuerUri = blankToNull(jwt.getIssuerUri());
        String jwkSetUri = blankToNull(jwt.getJwkSetUri());
        List<String> audiences = jwt.getAudiences() == null ? List.of() : jwt.getAudiences();
        if (audiences.isEmpty() && !sigil.getTrustedIssuers().isEmpty()) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + "audiences", null,
                    "sigil.jwt.trusted-issuers needs the audiences this API accepts");
        }
        if (audiences.isEmpty() && !sigil.getIssuerTemplates().isEmpty()) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + "audiences", null,
                    "sigil.jwt.issuer-templates needs the audiences this API accepts");
        }
        if (audiences.isEmpty()) {
            if (sigil.isRequireAudience()) {
                throw new InvalidConfigurationPropertyValueException(PREFIX + "audiences", null,
                        "sigil.jwt.require-audience is true: set the audiences this API accepts");
            }
            log.warn("No " + PREFIX + "audiences set: Sigil accepts tokens minted for any audience, as Spring Boot's"
                    + " own decoder does. Set the audiences (and sigil.jwt.require-audience=true) so that a token"
                    + " meant for another API is refused.");
        }
        Consumer<JwtVerifier.Builder> common = common(jwt, sigil, environment);
        if (!sigil.getTrustedIssuers().isEmpty() || !sigil.getIssuerTemplates().isEmpty()) {
            return multi(issuerUri, jwkSetUri, audiences, sigil, common, listeners);
        }
        JwtVerifier.Builder builder = JwtVerifier.builder();
        if (issuerUri != null) {
            builder.issuer(issuerUri);
        } else {
            // As Boot's decoder with a jwk-set-uri alone: "iss" is not checked.
            builder.ignoreIssuer();
        }
        if (jwkSetUri != null) {
            builder.jwksUri(URI.create(jwkSetUri));
        }
        if (audiences.isEmpty()) {
            builder.ignoreAudience();
        } else {
            builder.audience(audiences.toArray(String[]::new));
        }
        common.accept(builder);
        // --- listeners (metrics): the label is what the verifier reports, its issuer or ANY_ISSUER ---
        String label = issuerUri != null ? issuerUri : VerificationListener.ANY_ISSUER;
        listeners.configure(builder, label);
        JwtVerifier verifier = builder.build();
        listeners.built(verifier, label);
        return verifier;
        // --- end of listeners ---
    }

    private static TokenVerifier multi(String issuerUri, String jwkSetUri, List<String> audiences,
            SigilJwtProperties sigil, Consumer<JwtVerifier.Builder> common, SigilVerifierListeners listeners) {
        if (issuerUri == null && jwkSetUri != null) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + "jwk-set-uri", jwkSetUri,
                    "with sigil.jwt.trusted-issuers or sigil.jwt.issuer-templates, a jwk-set-uri needs the issuer-uri"
                            + " it belongs to");
        }
        MultiIssuerVerifier.Builder builder = MultiIssuerVerifier.builder()
                .audience(audiences.toArray(String[]::new))
                .defaults(common);
        if (issuerUri != null) {
            builder.trustedIssuer(issuerUri, b -> {
                if (jwkSetUri != null) {
                    b.jwksUri(URI.create(jwkSetUri));
                }
            });
        }
        for (String issuer : sigil.getTrustedIssuers()) {
            if (!issuer.equals(issuerUri)) {
                builder.trustedIssuer(issuer);
            }
        }
        List<SigilJwtProperties.IssuerTemplate> templates = sigil.getIssuerTemplates();
        for (int i = 0; i < templates.size(); i++) {
            template(builder, "sigil.jwt.issuer-templates[" + i + "].", templates.get(i));
        }
        // --- listeners (metrics) ---
        listeners.configure(builder);
        MultiIssuerVerifier verifier = builder.build();
        listeners.built(verifier);
        return verifier;
        // --- end of listeners ---
    }

    private static void template(MultiIssuerVerifier.Builder builder, String prefix, SigilJwtProperties.IssuerTemplate t) {
        String template = blankToNull(t.getTemplate());
        if (template == null) {
            throw new InvalidConfigurationPropertyValueException(prefix + "template", t.getTemplate(),
                    "an issuer template needs the template, such as https://login.microsoftonline.com/{tenantid}/v2.0");
        }
        String tenantClaim = blankToNull(t.getTenantClaim());
        if (tenantClaim == null) {
            throw new InvalidConfigurationPropertyValueException(prefix + "tenant-claim", t.getTenantClaim(),
                    "an issuer template needs the claim that names the tenant, such as tid for Entra ID");
        }
        List<String> tenants = t.getTenants() == null ? List.of() : t.getTenants();
        if (t.isUnsafeTrustAnyTenant() && !tenants.isEmpty()) {
            throw new InvalidConfigurationPropertyValueException(prefix + "unsafe-trust-any-tenant", true,
                    prefix + "tenants and " + prefix + "unsafe-trust-any-tenant cannot both be set");
        }
        if (!t.isUnsafeTrustAnyTenant() && tenants.isEmpty()) {
            throw new InvalidConfigurationPropertyValueException(prefix + "tenants", null,
                    "list the tenants whose tokens this API accepts; " + prefix + "unsafe-trust-any-tenant=true"
                            + " accepts every tenant, and so anyone who can create one at the provider");
        }
        String jwksUri = blankToNull(t.getJwksUri());
        Consumer<JwtVerifier.Builder> settings = b -> {
            if (jwksUri != null) {
                b.jwksUri(URI.create(jwksUri));
            }
        };
        if (t.isUnsafeTrustAnyTenant()) {
            // Core logs its warning for such a template at build().
            builder.issuerTemplateTrustingAnyTenant(template, tenantClaim, settings);
        } else {
            builder.issuerTemplate(template, tenantClaim, tenants, settings);
        }
    }

    private static Consumer<JwtVerifier.Builder> common(OAuth2ResourceServerProperties.Jwt jwt, SigilJwtProperties sigil,
            Environment environment) {
        // Boot binds a default (RS256) when jws-algorithms is unset; only the application's own list applies.
        boolean algorithmsSet = Binder.get(environment)
                .bind(PREFIX + "jws-algorithms", Bindable.listOf(String.class)).isBound();
        JwsAlgorithm[] algorithms = algorithmsSet ? algorithms(jwt.getJwsAlgorithms()) : null;
        JwksCachePolicy cachePolicy = cachePolicy(sigil.getCache());
        String backend = blankToNull(sigil.getBackend());
        return builder -> {
            if (backend != null) {
                // Core's provider selection finds it by name; build() fails, naming the artifacts, without it.
                builder.cryptoBackendNamed(backend);
            }
            if (algorithms != null) {
                builder.algorithms(algorithms);
            }
            if (sigil.getType() != null && !sigil.getType().isBlank()) {
                builder.type(sigil.getType());
            } else {
                // A resource server receives access tokens: RFC 9068's at+jwt beside plain JWTs (and an
                // absent typ), which Boot's own decoder refuses unless configured.
                builder.types("JWT", "at+jwt");
            }
            if (sigil.getClockSkew() != null) {
                builder.clockSkew(sigil.getClockSkew());
            }
            if (cachePolicy != null) {
                builder.cachePolicy(cachePolicy);
            }
        };
    }

    private static JwsAlgorithm[] algorithms(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + "jws-algorithms", "", "no algorithm given");
        }
        JwsAlgorithm[] algorithms = new JwsAlgorithm[names.size()];
        for (int i = 0; i < algorithms.length; i++) {
            String name = names.get(i);
            algorithms[i] = JwsAlgorithm.find(name).orElseThrow(() -> new InvalidConfigurationPropertyValueException(
                    PREFIX + "jws-algorithms", name, "Unknown algorithm"));
        }
        return algorithms;
    }

    private static JwksCachePolicy cachePolicy(SigilJwtProperties.Cache cache) {
        if (cache.getConnectTimeout() == null && cache.getRequestTimeout() == null && cache.getDefaultTtl() == null
                && cache.getMaxStale() == null) {
            return null;
        }
        JwksCachePolicy.Builder policy = JwksCachePolicy.builder();
        if (cache.getConnectTimeout() != null) {
            policy.connectTimeout(cache.getConnectTimeout());
        }
        if (cache.getRequestTimeout() != null) {
            policy.requestTimeout(cache.getRequestTimeout());
        }
        if (cache.getDefaultTtl() != null) {
            policy.defaultTtl(cache.getDefaultTtl());
        }
        if (cache.getMaxStale() != null) {
            policy.maxStale(cache.getMaxStale());
        }
        return policy.build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
