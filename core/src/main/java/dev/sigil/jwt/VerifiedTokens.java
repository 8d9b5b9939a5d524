package dev.sigil.jwt;

import dev.sigil.internal.keys.ImportedKey;
import dev.sigil.internal.tokens.TokenStore;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.JwsAlgorithm;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/**
 * The verified-token cache of one verifier (see {@link TokenCachePolicy}): entries found by the
 * SHA-256 of a token, holding what a hit needs to be judged again and never the token.
 *
 * <p>The hash is over the token's chars as US-ASCII, where any other char becomes {@code '?'}: a
 * token that verified holds only base64url chars and dots, so a token with any other char can match
 * no entry, and for tokens of ASCII chars the encoding is one-to-one. Thread-safe.
 */
final class VerifiedTokens {

    /** What an entry is estimated to hold beyond twice the token's length: the maps, the header. */
    private static final int ENTRY_OVERHEAD = 512;

    /**
     * A token that verified, by the verifier {@code by}, with the key of this thumbprint, found
     * under {@code kid} (or, without one, by {@code alg}). Not a record: its accessors would be
     * public methods handing out a {@link VerifiedJwt}, which only a verifier may do.
     */
    static final class Entry {
        private final JwtVerifier by;
        private final VerifiedJwt jwt;
        private final String kid;
        private final JwsAlgorithm alg;
        private final byte[] thumbprint;

        Entry(JwtVerifier by, VerifiedJwt jwt, String kid, JwsAlgorithm alg, byte[] thumbprint) {
            this.by = by;
            this.jwt = jwt;
            this.kid = kid;
            this.alg = alg;
            this.thumbprint = thumbprint;
        }

        JwtVerifier by() {
            return by;
        }

        VerifiedJwt jwt() {
            return jwt;
        }

        String kid() {
            return kid;
        }

        JwsAlgorithm alg() {
            return alg;
        }

        byte[] thumbprint() {
            return thumbprint;
        }
    }

    private final TokenStore<Entry> store;
    private final CryptoBackend backend;
    private final Clock clock;
    private final long ttlMillis;
    private final LongAdder unusable = new LongAdder();

    VerifiedTokens(TokenCachePolicy policy, CryptoBackend backend, Clock clock) {
        this.store = new TokenStore<>(policy.maxEntries(), policy.maxBytes());
        this.backend = backend;
        this.clock = clock;
        this.ttlMillis = policy.ttl().toMillis();
    }

    /** The key of {@code token}'s entry. */
    TokenStore.Key key(String token) {
        return TokenStore.Key.of(backend.digest("SHA-256", token.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The live entry for {@code key}, or {@code null}. */
    Entry get(TokenStore.Key key) {
        return store.get(key, clock.millis());
    }

    /** Remembers a token that verified, until the earlier of its {@code exp} and the time to live. */
    void put(TokenStore.Key key, JwtVerifier by, VerifiedJwt jwt, ImportedKey verifiedBy, int tokenLength) {
        long now = clock.millis();
        long expires = now + ttlMillis;
        Instant exp = jwt.claims().expiresAt().orElse(null);
        // Compared as instants first: an exp far in the future has no epoch millis.
        if (exp != null && exp.isBefore(Instant.ofEpochMilli(expires))) {
            expires = exp.toEpochMilli();
        }
        if (expires <= now) {
            return;
        }
        JoseHeader header = jwt.header();
        store.put(key, new Entry(by, jwt, header.keyIdOrNull(), header.algorithm(), verifiedBy.thumbprint()), expires,
                2 * tokenLength + ENTRY_OVERHEAD);
    }

    /** Ends {@code entry}, if {@code key} still maps to it. */
    void invalidate(TokenStore.Key key, Entry entry) {
        store.remove(key, entry);
    }

    /**
     * Ends {@code entry}, found but unusable (its key is gone): the token is then verified in full,
     * so what the store counted as a hit is a miss.
     */
    void invalidateFound(TokenStore.Key key, Entry entry) {
        store.remove(key, entry);
        unusable.increment();
    }

    TokenCacheStats stats() {
        TokenStore.Stats s = store.stats();
        long found = unusable.sum();
        return new TokenCacheStats(s.hits() - found, s.misses() + found, s.evictions(), s.expirations(), s.invalidations(),
                s.entries(), s.bytes());
    }
}
