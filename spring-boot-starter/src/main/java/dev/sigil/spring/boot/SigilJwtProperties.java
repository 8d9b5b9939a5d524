package dev.sigil.spring.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sigil's own settings, beside Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*}.
 * Unset values keep Sigil's defaults.
 */
@ConfigurationProperties("sigil.jwt")
public class SigilJwtProperties {

    /**
     * The required "typ" header, such as "at+jwt" for RFC 9068 access tokens. When unset, a token's
     * "typ" must be absent or "JWT".
     */
    private String type;

    /** Tolerance for clocks that disagree, applied to "exp", "nbf" and "iat". At most 10 minutes. */
    private Duration clockSkew = Duration.ofSeconds(60);

    /**
     * Whether an audience is required: with no
     * "spring.security.oauth2.resourceserver.jwt.audiences", start-up fails instead of accepting
     * any "aud" with a warning.
     */
    private boolean requireAudience;

    /**
     * Further issuers whose tokens are accepted, each found by its own discovery, beside
     * "spring.security.oauth2.resourceserver.jwt.issuer-uri". Requires audiences.
     */
    private List<String> trustedIssuers = new ArrayList<>();

    /**
     * Issuers named by a template, one per tenant, such as Entra ID's
     * "https://login.microsoftonline.com/{tenantid}/v2.0", beside
     * "spring.security.oauth2.resourceserver.jwt.issuer-uri" and "sigil.jwt.trusted-issuers". Each
     * has "template", "tenant-claim" (such as "tid"), "tenants" (the allow-list; or
     * "unsafe-trust-any-tenant=true", which trusts anyone who can create a tenant) and, optionally,
     * "jwks-uri" (the key set all tenants share). Requires audiences.
     */
    private List<IssuerTemplate> issuerTemplates = new ArrayList<>();

    /**
     * The crypto backend, by name: "jca" (sigil-backend-jca, which this starter brings) or
     * "bouncycastle" (sigil-backend-bouncycastle). When unset, Sigil chooses among the backends on the
     * class path (the highest priority; the "sigil.crypto" system property pins one). A name no backend
     * on the class path has fails start-up.
     */
    private String backend;

    private final Cache cache = new Cache();

    /**
     * {@return the required {@code typ} header ({@code sigil.jwt.type}); {@code null} when unset, which accepts
     * {@code typ} absent or {@code JWT}}
     */
    public String getType() {
        return type;
    }

    /**
     * Sets the required {@code typ} header ({@code sigil.jwt.type}).
     *
     * @param type the new value
     */
    public void setType(String type) {
        this.type = type;
    }

    /** {@return the tolerance for clocks that disagree ({@code sigil.jwt.clock-skew}); 60 seconds unless set} */
    public Duration getClockSkew() {
        return clockSkew;
    }

    /**
     * Sets the tolerance for clocks that disagree ({@code sigil.jwt.clock-skew}).
     *
     * @param clockSkew the new value
     */
    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    /**
     * {@return whether start-up fails when no audience is configured ({@code sigil.jwt.require-audience});
     * {@code false} unless set}
     */
    public boolean isRequireAudience() {
        return requireAudience;
    }

    /**
     * Sets whether start-up fails when no audience is configured ({@code sigil.jwt.require-audience}).
     *
     * @param requireAudience the new value
     */
    public void setRequireAudience(boolean requireAudience) {
        this.requireAudience = requireAudience;
    }

    /**
     * {@return further issuers whose tokens are accepted ({@code sigil.jwt.trusted-issuers}); empty unless set; the
     * list itself, not a copy}
     */
    public List<String> getTrustedIssuers() {
        return trustedIssuers;
    }

    /**
     * Sets further issuers whose tokens are accepted ({@code sigil.jwt.trusted-issuers}).
     *
     * @param trustedIssuers the new value
     */
    public void setTrustedIssuers(List<String> trustedIssuers) {
        this.trustedIssuers = trustedIssuers;
    }

    /**
     * {@return the issuers named by a template, one per tenant ({@code sigil.jwt.issuer-templates}); empty unless set;
     * the list itself, not a copy}
     */
    public List<IssuerTemplate> getIssuerTemplates() {
        return issuerTemplates;
    }

    /**
     * Sets the issuers named by a template, one per tenant ({@code sigil.jwt.issuer-templates}).
     *
     * @param issuerTemplates the new value
     */
    public void setIssuerTemplates(List<IssuerTemplate> issuerTemplates) {
        this.issuerTemplates = issuerTemplates;
    }

    /**
     * {@return the crypto backend's name ({@code sigil.jwt.backend}); {@code null} when unset, which lets Sigil
     * choose}
     */
    public String getBackend() {
        return backend;
    }

    /**
     * Sets the crypto backend's name ({@code sigil.jwt.backend}).
     *
     * @param backend the new value
     */
    public void setBackend(String backend) {
        this.backend = backend;
    }

    /** {@return how the key set is fetched and cached ({@code sigil.jwt.cache})} */
    public Cache getCache() {
        return cache;
    }

    /**
     * A template naming one issuer per tenant. Each tenant's issuer is found by its own discovery,
     * unless "jwks-uri" names the one key set every tenant shares.
     */
    public static class IssuerTemplate {

        /**
         * The issuer with one placeholder, "{tenant}" or "{tenantid}", that stands for 1 to 64 letters,
         * digits and "-", such as "https://login.microsoftonline.com/{tenantid}/v2.0".
         */
        private String template;

        /** The claim that must name the same tenant as the token's "iss", such as "tid" for Entra ID. */
        private String tenantClaim;

        /** The tenants whose tokens are accepted. Required, unless unsafe-trust-any-tenant is true. */
        private List<String> tenants = new ArrayList<>();

        /**
         * Accept tokens from any tenant at all instead of the tenants listed. Dangerous: anyone who can
         * create a tenant at the provider (for Entra ID, anyone with an Azure account) can then mint
         * tokens this API accepts; only the audiences and the application's own validators refuse them.
         */
        private boolean unsafeTrustAnyTenant;

        /**
         * The key set every tenant shares, fetched without discovery, such as Entra ID's
         * "https://login.microsoftonline.com/common/discovery/v2.0/keys". When unset, each tenant's
         * keys are found by its own discovery.
         */
        private String jwksUri;

        /**
         * {@return the issuer with one {@code {tenant}} or {@code {tenantid}} placeholder
         * ({@code sigil.jwt.issuer-templates[].template})}
         */
        public String getTemplate() {
            return template;
        }

        /**
         * Sets the issuer with one {@code {tenant}} or {@code {tenantid}} placeholder
         * ({@code sigil.jwt.issuer-templates[].template}).
         *
         * @param template the new value
         */
        public void setTemplate(String template) {
            this.template = template;
        }

        /**
         * {@return the claim that must name the same tenant as the token's {@code iss}
         * ({@code sigil.jwt.issuer-templates[].tenant-claim})}
         */
        public String getTenantClaim() {
            return tenantClaim;
        }

        /**
         * Sets the claim that must name the same tenant as the token's {@code iss}
         * ({@code sigil.jwt.issuer-templates[].tenant-claim}).
         *
         * @param tenantClaim the new value
         */
        public void setTenantClaim(String tenantClaim) {
            this.tenantClaim = tenantClaim;
        }

        /**
         * {@return the tenants whose tokens are accepted ({@code sigil.jwt.issuer-templates[].tenants}); the list
         * itself, not a copy}
         */
        public List<String> getTenants() {
            return tenants;
        }

        /**
         * Sets the tenants whose tokens are accepted ({@code sigil.jwt.issuer-templates[].tenants}).
         *
         * @param tenants the new value
         */
        public void setTenants(List<String> tenants) {
            this.tenants = tenants;
        }

        /**
         * {@return whether tokens from any tenant at all are accepted (dangerous; see the README)
         * ({@code sigil.jwt.issuer-templates[].unsafe-trust-any-tenant}); {@code false} unless set}
         */
        public boolean isUnsafeTrustAnyTenant() {
            return unsafeTrustAnyTenant;
        }

        /**
         * Sets whether tokens from any tenant at all are accepted (dangerous; see the README)
         * ({@code sigil.jwt.issuer-templates[].unsafe-trust-any-tenant}).
         *
         * @param unsafeTrustAnyTenant the new value
         */
        public void setUnsafeTrustAnyTenant(boolean unsafeTrustAnyTenant) {
            this.unsafeTrustAnyTenant = unsafeTrustAnyTenant;
        }

        /**
         * {@return the key set every tenant shares ({@code sigil.jwt.issuer-templates[].jwks-uri}); {@code null} when
         * each tenant's keys are found by its own discovery}
         */
        public String getJwksUri() {
            return jwksUri;
        }

        /**
         * Sets the key set every tenant shares ({@code sigil.jwt.issuer-templates[].jwks-uri}).
         *
         * @param jwksUri the new value
         */
        public void setJwksUri(String jwksUri) {
            this.jwksUri = jwksUri;
        }
    }

    /** How the key set is fetched and cached; unset values keep Sigil's defaults. */
    public static class Cache {

        /** Time allowed to connect to the issuer. */
        private Duration connectTimeout;

        /** Time allowed for a whole discovery or key-set request. */
        private Duration requestTimeout;

        /** How long a key set is kept when its response gives no cache lifetime. */
        private Duration defaultTtl;

        /** How long expired keys keep verifying while the issuer cannot be reached. */
        private Duration maxStale;

        /**
         * {@return the time allowed to connect to the issuer ({@code sigil.jwt.cache.connect-timeout}); {@code null}
         * for Sigil's default}
         */
        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        /**
         * Sets the time allowed to connect to the issuer ({@code sigil.jwt.cache.connect-timeout}).
         *
         * @param connectTimeout the new value
         */
        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        /**
         * {@return the time allowed for a whole discovery or key-set request
         * ({@code sigil.jwt.cache.request-timeout}); {@code null} for Sigil's default}
         */
        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        /**
         * Sets the time allowed for a whole discovery or key-set request ({@code sigil.jwt.cache.request-timeout}).
         *
         * @param requestTimeout the new value
         */
        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }

        /**
         * {@return how long a key set is kept when its response gives no cache lifetime
         * ({@code sigil.jwt.cache.default-ttl}); {@code null} for Sigil's default}
         */
        public Duration getDefaultTtl() {
            return defaultTtl;
        }

        /**
         * Sets how long a key set is kept when its response gives no cache lifetime
         * ({@code sigil.jwt.cache.default-ttl}).
         *
         * @param defaultTtl the new value
         */
        public void setDefaultTtl(Duration defaultTtl) {
            this.defaultTtl = defaultTtl;
        }

        /**
         * {@return how long expired keys keep verifying while the issuer cannot be reached
         * ({@code sigil.jwt.cache.max-stale}); {@code null} for Sigil's default}
         */
        public Duration getMaxStale() {
            return maxStale;
        }

        /**
         * Sets how long expired keys keep verifying while the issuer cannot be reached
         * ({@code sigil.jwt.cache.max-stale}).
         *
         * @param maxStale the new value
         */
        public void setMaxStale(Duration maxStale) {
            this.maxStale = maxStale;
        }
    }
}
