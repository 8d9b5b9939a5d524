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
 * @param lastFailure why the most recent fetch failed, when it did and no fetch has succeeded since,
 *     else {@code null}; lower-case, with text from the issuer made printable as
 *     {@link dev.sigil.spi.UntrustedText} does
 */
public record JwksStats(long fetches, long fetchFailures, long notModified, long refreshesRequested,
        long refreshesSuppressed, long staleServed, int keys, Instant lastSuccess, Instant expiresAt,
        String lastFailure) {

    /**
     * Stats without a failure reason, as before {@code lastFailure} was recorded.
     *
     * @param fetches requests sent for the key set
     * @param fetchFailures key-set or discovery fetches that failed
     * @param notModified key-set fetches answered 304 Not Modified
     * @param refreshesRequested refreshes asked for by unknown {@code kid}s and failed signatures
     * @param refreshesSuppressed of those, refreshes not made because of the cooldown or a backoff
     * @param staleServed times an expired set was served because refreshing it failed
     * @param keys keys in the current set
     * @param lastSuccess when the last fetch succeeded, or {@code null}
     * @param expiresAt when the current set expires, or {@code null}
     */
    public JwksStats(long fetches, long fetchFailures, long notModified, long refreshesRequested,
            long refreshesSuppressed, long staleServed, int keys, Instant lastSuccess, Instant expiresAt) {
        this(fetches, fetchFailures, notModified, refreshesRequested, refreshesSuppressed, staleServed, keys,
                lastSuccess, expiresAt, null);
    }

    /** {@return when the last fetch succeeded} */
    public Optional<Instant> lastSuccessTime() {
        return Optional.ofNullable(lastSuccess);
    }

    /** {@return why the most recent fetch failed, if it did and none has succeeded since} */
    public Optional<String> lastFailureReason() {
        return Optional.ofNullable(lastFailure);
    }
}
