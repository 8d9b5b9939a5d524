package dev.sigil.internal.remote;

import dev.sigil.jwk.JwksCachePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * Where a key cache stands: the current snapshot and what the refresh rules need to know about the
 * fetches so far. Immutable: a change is a new state, published whole through one volatile field, so
 * the hot path reads a consistent view without a lock. Each rule is one method here, and every caller
 * asks it: TTL ({@link #isFresh}), refresh-ahead ({@link #refreshAheadDue}), cooldown
 * ({@link #cooledDown}, {@link #mayForceRefresh}), backoff ({@link #backoff}, {@link #failed}) and
 * max-stale ({@link #servableStale}). Only {@link KeyLoader} makes transitions, under its lock, so they
 * are package-private; the facade only asks.
 *
 * @param snapshot the last good set, or {@code null} before the first success
 * @param lastForcedRefresh when the last forced refresh started, or {@code null}: the first fetch and
 *     TTL refreshes do not count, so they do not start the cooldown
 * @param consecutiveFailures failed fetches since the last success
 * @param nextAttempt no fetch starts before this, but a {@code prefetch}; {@link Instant#MIN} when not
 *     backing off
 * @param lastFailure the reason of the last failure, {@code "none"} after a success
 */
public record RefreshState(Snapshot snapshot, Instant lastForcedRefresh, int consecutiveFailures, Instant nextAttempt,
        String lastFailure) {

    /**
     * Jitter for {@link #backoff}: given half the wait, a random value from 0 to it, so that callers
     * which failed together spread out.
     */
    static final LongUnaryOperator RANDOM_JITTER = new LongUnaryOperator() {
        // A class, not a lambda: every remote key source loads it, in every fresh JVM.
        @Override
        public long applyAsLong(long half) {
            return ThreadLocalRandom.current().nextLong(half + 1);
        }
    };

    /** Before any fetch. */
    static RefreshState initial() {
        return new RefreshState(null, null, 0, Instant.MIN, "no fetch attempted yet");
    }

    /** TTL: a set is served without any fetch until it expires. */
    public boolean isFresh(Instant now) {
        return snapshot != null && now.isBefore(snapshot.expiresAt());
    }

    /** Refresh-ahead: a fresh set whose background refresh is due. */
    public boolean refreshAheadDue(Instant now) {
        return isFresh(now) && !now.isBefore(snapshot.refreshAt);
    }

    /** Backoff: a recent failure asks callers not to fetch again yet. */
    public boolean inBackoff(Instant now) {
        return now.isBefore(nextAttempt);
    }

    /**
     * The cooldown, the one place it is computed: over once {@code cooldown} has passed since
     * {@code since}, or if nothing has started it yet ({@code since} is {@code null}).
     */
    static boolean cooledDown(Instant since, Instant now, Duration cooldown) {
        return since == null || !now.isBefore(since.plus(cooldown));
    }

    /**
     * Whether a forced refresh (unknown {@code kid}, failed signature) may start now: one per
     * cooldown, counted from the last forced refresh, and none while backing off.
     */
    boolean mayForceRefresh(Instant now, Duration cooldown) {
        return cooledDown(lastForcedRefresh, now, cooldown) && !inBackoff(now);
    }

    /** A forced refresh started now: the cooldown runs from here. */
    RefreshState forcedRefreshStarted(Instant now) {
        return new RefreshState(snapshot, now, consecutiveFailures, nextAttempt, lastFailure);
    }

    /** A fetch succeeded: its snapshot is current, and the backoff is over. */
    RefreshState published(Snapshot next) {
        return new RefreshState(next, lastForcedRefresh, 0, Instant.MIN, "none");
    }

    /**
     * A fetch failed now: the next attempt waits the {@link #backoff} for one more failure, or the
     * issuer's {@code Retry-After} ({@code null} if none) when that is longer.
     */
    RefreshState failed(String reason, Duration retryAfter, Instant now, JwksCachePolicy policy,
            LongUnaryOperator jitter) {
        int failures = consecutiveFailures + 1;
        Duration wait = backoff(failures, policy.initialBackoff(), policy.refreshCooldown(), jitter);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return new RefreshState(snapshot, lastForcedRefresh, failures, now.plus(wait), reason);
    }

    /**
     * The wait after {@code failures} failures in a row: from {@code initial}, doubling up to
     * {@code cap} (the cooldown), then jittered to 50-100% so that callers spread out; at least 1 ms.
     */
    static Duration backoff(int failures, Duration initial, Duration cap, LongUnaryOperator jitter) {
        long base = initial.toMillis();
        long max = cap.toMillis();
        // Past 31 doublings the shift would overflow; the cap was reached long before.
        long wait = failures >= 31 ? max : Math.min(max, base << (failures - 1));
        long jittered = wait / 2 + jitter.applyAsLong(wait / 2);
        return Duration.ofMillis(Math.max(1, jittered));
    }

    /** How long ago {@code set} expired; negative while it is fresh. */
    public static Duration staleFor(Snapshot set, Instant now) {
        return Duration.between(set.expiresAt(), now);
    }

    /**
     * Max-stale: while refreshing fails, an expired set keeps serving up to {@code maxStale} past its
     * expiry. Static, as callers ask about the set they read before a fetch failed, not a newer one.
     */
    public static boolean servableStale(Snapshot set, Instant now, Duration maxStale) {
        return set != null && staleFor(set, now).compareTo(maxStale) <= 0;
    }

    /** The last failure's reason, while failures are unbroken by a success. */
    public Optional<String> failure() {
        return consecutiveFailures > 0 ? Optional.of(lastFailure) : Optional.empty();
    }
}
