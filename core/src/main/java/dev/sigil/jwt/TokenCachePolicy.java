package dev.sigil.jwt;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of a verified-token cache, which a verifier keeps only when given one
 * ({@link JwtVerifier.Builder#tokenCache(TokenCachePolicy)},
 * {@link MultiIssuerVerifier.Builder#tokenCache(TokenCachePolicy)}): a token that verified is
 * remembered, so that the same token presented again costs a hash and a few comparisons instead of
 * a signature check.
 *
 * <h2>What a hit means</h2>
 * An entry is found by the SHA-256 of the token's characters, so only a token identical to one that
 * verified can hit; the token itself is never stored, only its hash, its header and claims, and the
 * RFC 7638 thumbprint of the key that verified it. On every hit the time claims ({@code exp},
 * {@code nbf}, {@code iat}, with the clock skew) are checked again and the custom validators run
 * again, and the key must still be in the current key set under the same {@code kid}: a key that
 * left its set, or a {@code kid} reused for other key material, ends the entry. An entry lives until
 * the earlier of the token's {@code exp} and {@link #ttl()}.
 *
 * <h2>When it pays</h2>
 * For RSA, ECDSA, EdDSA and ML-DSA tokens presented more than once (a client reuses its access
 * token for minutes), a hit costs a small fraction of a signature check. For HMAC tokens it does
 * not pay: the hash costs about what the MAC does. Each entry holds the token's claims (about twice
 * the token's length, estimated), within {@link #maxBytes()}.
 */
public final class TokenCachePolicy {

    private static final TokenCachePolicy DEFAULTS = builder().build();

    private final int maxEntries;
    private final long maxBytes;
    private final Duration ttl;

    private TokenCachePolicy(Builder b) {
        this.maxEntries = b.maxEntries;
        this.maxBytes = b.maxBytes;
        this.ttl = b.ttl;
    }

    /**
     * 10,000 entries, 32 MiB, 5 minutes.
     *
     * @return the default policy: 10,000 entries, 32 MiB, 5 minutes
     */
    public static TokenCachePolicy defaults() {
        return DEFAULTS;
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the most entries held; the oldest are evicted first} */
    public int maxEntries() {
        return maxEntries;
    }

    /** {@return the most memory the entries hold, as estimated; the oldest are evicted first} */
    public long maxBytes() {
        return maxBytes;
    }

    /** {@return the longest an entry lives, whatever its token's {@code exp}} */
    public Duration ttl() {
        return ttl;
    }

    @Override
    public String toString() {
        return "TokenCachePolicy[maxEntries=" + maxEntries + ", maxBytes=" + maxBytes + ", ttl=" + ttl + "]";
    }

    /** Builds a {@link TokenCachePolicy}; every setter validates its argument at once. */
    public static final class Builder {
        private int maxEntries = 10_000;
        private long maxBytes = 32L * 1024 * 1024;
        private Duration ttl = Duration.ofMinutes(5);

        private Builder() {
        }

        /**
         * The most entries held. Default 10,000; between 1 and 10,000,000.
         *
         * @param entries the most entries held
         * @return this builder
         */
        public Builder maxEntries(int entries) {
            if (entries < 1 || entries > 10_000_000) {
                throw new IllegalArgumentException("maxEntries must be between 1 and 10,000,000, got " + entries);
            }
            this.maxEntries = entries;
            return this;
        }

        /**
         * The most memory the entries hold, estimated. Default 32 MiB; between 64 KiB and 16 GiB.
         *
         * @param bytes the most memory the entries hold, estimated, in bytes
         * @return this builder
         */
        public Builder maxBytes(long bytes) {
            if (bytes < 64 * 1024 || bytes > 16L * 1024 * 1024 * 1024) {
                throw new IllegalArgumentException("maxBytes must be between 64 KiB and 16 GiB, got " + bytes);
            }
            this.maxBytes = bytes;
            return this;
        }

        /**
         * The longest an entry lives. Default 5 minutes; between 1 second and 1 day.
         *
         * @param ttl the longest an entry lives
         * @return this builder
         */
        public Builder ttl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("ttl must be between 1 second and 1 day, got " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy, with this builder's bounds
         */
        public TokenCachePolicy build() {
            return new TokenCachePolicy(this);
        }
    }
}
