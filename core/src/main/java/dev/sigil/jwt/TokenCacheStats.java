package dev.sigil.jwt;

/**
 * A snapshot of a verified-token cache's counters (see {@link TokenCachePolicy}). Counters start at
 * zero when the verifier is built and only grow.
 *
 * @param hits tokens answered from the cache (after their time claims, the validators and their key
 *     were checked again)
 * @param misses tokens verified in full because the cache held no entry for them
 * @param evictions entries removed to stay within the entry and byte bounds
 * @param expirations entries removed because their token expired or their time to live ran out
 * @param invalidations entries removed because their key left its set, their {@code kid} now names
 *     other key material, or a check on a hit refused the token
 * @param entries entries held now
 * @param bytes the estimated memory those entries hold
 */
public record TokenCacheStats(long hits, long misses, long evictions, long expirations, long invalidations,
        int entries, long bytes) {
}
