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

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Duration getClockSkew() {
        return clockSkew;
    }

    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    public boolean isRequireAudience() {
        return requireAudience;
    }

    public void setRequireAudience(boolean requireAudience) {
        this.requireAudience = requireAudience;
    }

    public List<String> getTrustedIssuers() {
        return trustedIssuers;
    }

    public void setTrustedIssuers(List<String> trustedIssuers) {
        this.trustedIssuers = trustedIssuers;
    }

    public List<IssuerTemplate> getIssuerTemplates() {
        return issuerTemplates;
    }

    public void setIssuerTemplates(List<IssuerTemplate> issuerTemplates) {
        this.issuerTemplates = issuerTemplates;
    }

    public String getBackend() {
        return backend;
    }

    public void setBackend(String backend) {
        this.backend = backend;
    }

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

        public String getTemplate() {
            return template;
        }

        public void setTemplate(String template) {
            this.template = template;
        }

        public String getTenantClaim() {
            return tenantClaim;
        }

        public void setTenantClaim(String tenantClaim) {
            this.tenantClaim = tenantClaim;
        }

        public List<String> getTenants() {
            return tenants;
        }

        public void setTenants(List<String> tenants) {
            this.tenants = tenants;
        }

        public boolean isUnsafeTrustAnyTenant() {
            return unsafeTrustAnyTenant;
        }

        public void setUnsafeTrustAnyTenant(boolean unsafeTrustAnyTenant) {
            this.unsafeTrustAnyTenant = unsafeTrustAnyTenant;
        }

        public String getJwksUri() {
            return jwksUri;
        }

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

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }

        public Duration getDefaultTtl() {
            return defaultTtl;
        }

        public void setDefaultTtl(Duration defaultTtl) {
            this.defaultTtl = defaultTtl;
        }

        public Duration getMaxStale() {
            return maxStale;
        }

        public void setMaxStale(Duration maxStale) {
            this.maxStale = maxStale;
        }
    }
}
