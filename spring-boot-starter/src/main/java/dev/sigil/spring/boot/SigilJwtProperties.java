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

    public Cache getCache() {
        return cache;
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
