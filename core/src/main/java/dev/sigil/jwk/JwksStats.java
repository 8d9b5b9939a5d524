package dev.sigil.jwk;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of a {@link JwksCache}'s counters, for health checks and metrics. Counters start at
 * zero when the cache is built and only grow.
 *
 * @param fetches requests sent for the key set (the discovery document not counted)
 * @param fetchFailures key-set or discovery fetches that failed
 * @param notModified key-set fetches answered 304 Not Modified
 * @param refreshesRequested refreshes asked for by unknown {@code kid}s and failed signatures
 * @param refreshesSuppressed of those, refreshes not made because of the cooldown or a backoff
 * @param staleServed times an expired set was served because refreshing it failed
 * @param keys keys in the current set (0 before the first fetch)
 * @param lastSuccess when the last fetch succeeded, or {@code null}
 * @param expiresAt when the current set expires, or {@code null} before the first fetch
 */
public record JwksStats(long fetches, long fetchFailures, long notModified, long refreshesRequested,
        long refreshesSuppressed, long staleServed, int keys, Instant lastSuccess, Instant expiresAt) {

    /** When the last fetch succeeded. */
    public Optional<Instant> lastSuccessTime() {
        return Optional.ofNullable(lastSuccess);
    }
}
