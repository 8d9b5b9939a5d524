package dev.sigil.jwk;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link JwksCache} fetches and keeps a remote key set: one value for every setting, so that
 * settings which only make sense together are changed together. Immutable; {@link #defaults()}
 * suits Auth0, Okta, Entra ID, Keycloak and Google.
 *
 * <table>
 * <caption>Settings and defaults</caption>
 * <tr><th>setting</th><th>default</th><th>why</th></tr>
 * <tr><td>{@link #connectTimeout()}</td><td>2 s</td><td>a healthy issuer connects in milliseconds; fail fast and serve cached keys</td></tr>
 * <tr><td>{@link #requestTimeout()}</td><td>5 s</td><td>the whole request, body included; also the longest a caller waits for a fetch in flight</td></tr>
 * <tr><td>{@link #maxBodyBytes()}</td><td>256 KiB</td><td>large sets with certificate chains fit; a hostile one cannot exhaust memory</td></tr>
 * <tr><td>{@link #maxKeys()}</td><td>1,000</td><td>bounds the work of importing a set; a larger one is refused whole</td></tr>
 * <tr><td>{@link #defaultTtl()}</td><td>10 min</td><td>when the response has no {@code Cache-Control: max-age}</td></tr>
 * <tr><td>{@link #minTtl()} / {@link #maxTtl()}</td><td>1 min / 24 h</td><td>bounds on an honoured {@code max-age}</td></tr>
 * <tr><td>{@link #refreshAhead()}</td><td>30 s</td><td>a background refresh starts this long before expiry, so no request waits</td></tr>
 * <tr><td>{@link #refreshCooldown()}</td><td>30 s</td><td>an unknown {@code kid} or failed signature refreshes at most once per cooldown</td></tr>
 * <tr><td>{@link #maxStale()}</td><td>24 h</td><td>how long past expiry the last good set still serves while the issuer fails</td></tr>
 * <tr><td>{@link #initialBackoff()}</td><td>1 s</td><td>after a failed fetch, doubling up to the cooldown, with jitter, never sooner than {@code Retry-After}</td></tr>
 * </table>
 */
public final class JwksCachePolicy {

    private static final JwksCachePolicy DEFAULTS = builder().build();

    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxBodyBytes;
    private final int maxKeys;
    private final Duration defaultTtl;
    private final Duration minTtl;
    private final Duration maxTtl;
    private final Duration refreshAhead;
    private final Duration refreshCooldown;
    private final Duration maxStale;
    private final Duration initialBackoff;

    private JwksCachePolicy(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxKeys = b.maxKeys;
        this.defaultTtl = b.defaultTtl;
        this.minTtl = b.minTtl;
        this.maxTtl = b.maxTtl;
        this.refreshAhead = b.refreshAhead;
        this.refreshCooldown = b.refreshCooldown;
        this.maxStale = b.maxStale;
        this.initialBackoff = b.initialBackoff;
    }

    /** {@return the defaults of the table above} */
    public static JwksCachePolicy defaults() {
        return DEFAULTS;
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder starting from this policy's settings} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.connectTimeout = connectTimeout;
        b.requestTimeout = requestTimeout;
        b.maxBodyBytes = maxBodyBytes;
        b.maxKeys = maxKeys;
        b.defaultTtl = defaultTtl;
        b.minTtl = minTtl;
        b.maxTtl = maxTtl;
        b.refreshAhead = refreshAhead;
        b.refreshCooldown = refreshCooldown;
        b.maxStale = maxStale;
        b.initialBackoff = initialBackoff;
        return b;
    }

    /** {@return the longest wait for a connection} Default 2 s. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** {@return the longest wait for a whole response, and for a fetch another caller started} Default 5 s. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** {@return the largest response body accepted, after decompression} Default 256 KiB. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** {@return the most entries a set's {@code keys} array may hold; a larger set is refused whole} Default 1,000. */
    public int maxKeys() {
        return maxKeys;
    }

    /** {@return how long a set is fresh when the response says nothing} Default 10 min. */
    public Duration defaultTtl() {
        return defaultTtl;
    }

    /** {@return the shortest freshness honoured from {@code Cache-Control}} Default 1 min. */
    public Duration minTtl() {
        return minTtl;
    }

    /** {@return the longest freshness honoured from {@code Cache-Control}} Default 24 h. */
    public Duration maxTtl() {
        return maxTtl;
    }

    /** {@return how long before expiry a background refresh starts} Default 30 s. */
    public Duration refreshAhead() {
        return refreshAhead;
    }

    /** {@return the least time between refreshes caused by unknown {@code kid}s or failed signatures} Default 30 s. */
    public Duration refreshCooldown() {
        return refreshCooldown;
    }

    /** {@return how long past expiry the last good set still serves while fetches fail} Default 24 h. */
    public Duration maxStale() {
        return maxStale;
    }

    /** {@return the first wait after a failed fetch; it doubles up to {@link #refreshCooldown()}} Default 1 s. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    @Override
    public String toString() {
        return "JwksCachePolicy[connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", maxBodyBytes=" + maxBodyBytes + ", maxKeys=" + maxKeys + ", defaultTtl=" + defaultTtl + ", ttl=[" + minTtl + ", " + maxTtl
                + "], refreshAhead=" + refreshAhead + ", refreshCooldown=" + refreshCooldown + ", maxStale=" + maxStale
                + ", initialBackoff=" + initialBackoff + "]";
    }

    /** Builds a {@link JwksCachePolicy}; every setter validates its argument at once. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration requestTimeout = Duration.ofSeconds(5);
        private int maxBodyBytes = 256 * 1024;
        private int maxKeys = JwkSet.MAX_KEYS;
        private Duration defaultTtl = Duration.ofMinutes(10);
        private Duration minTtl = Duration.ofMinutes(1);
        private Duration maxTtl = Duration.ofHours(24);
        private Duration refreshAhead = Duration.ofSeconds(30);
        private Duration refreshCooldown = Duration.ofSeconds(30);
        private Duration maxStale = Duration.ofHours(24);
        private Duration initialBackoff = Duration.ofSeconds(1);

        private Builder() {
        }

        /**
         * Sets {@link JwksCachePolicy#connectTimeout()}: between 1 ms and 1 min.
         *
         * @param timeout the longest wait for a connection
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = within("connectTimeout", timeout, Duration.ofMillis(1), Duration.ofMinutes(1));
            return this;
        }

        /**
         * Sets {@link JwksCachePolicy#requestTimeout()}: between 1 ms and 5 min.
         *
         * @param timeout the longest wait for a whole response
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = within("requestTimeout", timeout, Duration.ofMillis(1), Duration.ofMinutes(5));
            return this;
        }

        /**
         * Sets {@link JwksCachePolicy#maxBodyBytes()}: between 1 KiB and 16 MiB.
         *
         * @param bytes the largest body accepted, after decompression
         * @return this builder
         */
        public Builder maxBodyBytes(int bytes) {
            if (bytes < 1024 || bytes > 16 * 1024 * 1024) {
                throw new IllegalArgumentException("maxBodyBytes must be between 1 KiB and 16 MiB, got " + bytes);
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /**
         * Sets {@link JwksCachePolicy#maxKeys()}: between 1 and {@link JwkSet#MAX_KEYS}.
         *
         * @param keys the most entries a set's {@code keys} array may hold
         * @return this builder
         */
        public Builder maxKeys(int keys) {
            if (keys < 1 || keys > JwkSet.MAX_KEYS) {
                throw new IllegalArgumentException("maxKeys must be between 1 and " + JwkSet.MAX_KEYS + ", got " + keys);
            }
            this.maxKeys = keys;
            return this;
        }

        /**
         * Sets {@link JwksCachePolicy#defaultTtl()}: between 1 s and 7 days; clamped into [minTtl, maxTtl] by
         * {@link #build()}'s check.
         *
         * @param ttl how long a set is fresh when the response says nothing
         * @return this builder
         */
        public Builder defaultTtl(Duration ttl) {
            this.defaultTtl = within("defaultTtl", ttl, Duration.ofSeconds(1), Duration.ofDays(7));
            return this;
        }

        /**
         * Sets {@link JwksCachePolicy#minTtl()} and {@link JwksCachePolicy#maxTtl()}, the bounds on an honoured
         * {@code max-age}; each between 1 s and 7 days.
         *
         * @param min the shortest freshness honoured from {@code Cache-Control}
         * @param max the longest freshness honoured from {@code Cache-Control}
         * @return this builder
         */
        public Builder ttlBounds(Duration min, Duration max) {
            Duration lo = within("minTtl", min, Duration.ofSeconds(1), Duration.ofDays(7));
            Duration hi = within("maxTtl", max, Duration.ofSeconds(1), Duration.ofDays(7));
            if (lo.compareTo(hi) > 0) {
                throw new IllegalArgumentException("minTtl " + lo + " is above maxTtl " + hi);
            }
            this.minTtl = lo;
            this.maxTtl = hi;
            return this;
        }

        /**
         * Sets {@link JwksCachePolicy#refreshAhead()}: zero turns refresh-ahead off; at most 1 h.
         *
         * @param ahead how long before expiry a background refresh starts, or zero
         * @return this builder
         */
        public Builder refreshAhead(Duration ahead) {
            this.refreshAhead = within("refreshAhead", ahead, Duration.ZERO, Duration.ofHours(1));
            return this;
        }

        /**
         * Sets {@link JwksCachePolicy#refreshCooldown()}: between 1 s and 1 h; shorter would let forged tokens drive
         * the fetch rate.
         *
         * @param cooldown the least time between refreshes caused by unknown {@code kid}s or failed signatures
         * @return this builder
         */
        public Builder refreshCooldown(Duration cooldown) {
            this.refreshCooldown = within("refreshCooldown", cooldown, Duration.ofSeconds(1), Duration.ofHours(1));
            return this;
        }

        /**
         * Sets {@link JwksCachePolicy#maxStale()}: zero serves no expired set at all; at most 7 days.
         *
         * @param stale how long past expiry the last good set still serves, or zero
         * @return this builder
         */
        public Builder maxStale(Duration stale) {
            this.maxStale = within("maxStale", stale, Duration.ZERO, Duration.ofDays(7));
            return this;
        }

        /**
         * Sets {@link JwksCachePolicy#initialBackoff()}: between 1 ms and 1 min.
         *
         * @param backoff the first wait after a failed fetch
         * @return this builder
         */
        public Builder initialBackoff(Duration backoff) {
            this.initialBackoff = within("initialBackoff", backoff, Duration.ofMillis(1), Duration.ofMinutes(1));
            return this;
        }

        /**
         * Builds the policy, checking the settings against each other.
         *
         * @return the policy
         * @throws IllegalArgumentException if the default TTL lies outside the TTL bounds, or
         *     refresh-ahead is not shorter than the shortest TTL
         */
        public JwksCachePolicy build() {
            if (defaultTtl.compareTo(minTtl) < 0 || defaultTtl.compareTo(maxTtl) > 0) {
                throw new IllegalArgumentException("defaultTtl " + defaultTtl + " lies outside the ttl bounds ["
                        + minTtl + ", " + maxTtl + "]");
            }
            if (refreshAhead.compareTo(minTtl) >= 0) {
                throw new IllegalArgumentException("refreshAhead " + refreshAhead + " must be shorter than minTtl " + minTtl);
            }
            return new JwksCachePolicy(this);
        }

        private static Duration within(String name, Duration value, Duration min, Duration max) {
            Objects.requireNonNull(value, name);
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        }
    }
}
