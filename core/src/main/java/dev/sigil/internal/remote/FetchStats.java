package dev.sigil.internal.remote;

import dev.sigil.jwk.JwksStats;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counters behind {@link JwksStats}, kept apart from the refresh rules as Caffeine keeps its
 * stats counter apart from its policy. Counting takes no lock; {@link #stats(RefreshState)} reads
 * the set and the failure from one refresh state, so they agree with each other.
 */
public final class FetchStats {

    private final AtomicLong fetches = new AtomicLong();
    private final AtomicLong fetchFailures = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final AtomicLong refreshesRequested = new AtomicLong();
    private final AtomicLong refreshesSuppressed = new AtomicLong();
    private final AtomicLong staleServed = new AtomicLong();
    private volatile Instant lastSuccess;

    void fetchStarted() {
        fetches.incrementAndGet();
    }

    void fetchFailed() {
        fetchFailures.incrementAndGet();
    }

    void notModified() {
        notModified.incrementAndGet();
    }

    void succeededAt(Instant at) {
        lastSuccess = at;
    }

    /** A caller asked for a forced refresh (unknown {@code kid}, failed signature). */
    void refreshRequested() {
        refreshesRequested.incrementAndGet();
    }

    /** A forced refresh was refused by the cooldown or the backoff. */
    void refreshSuppressed() {
        refreshesSuppressed.incrementAndGet();
    }

    void staleServed() {
        staleServed.incrementAndGet();
    }

    /** The counters now, with the set and last failure of {@code state}. */
    public JwksStats stats(RefreshState state) {
        Snapshot s = state.snapshot();
        return new JwksStats(fetches.get(), fetchFailures.get(), notModified.get(), refreshesRequested.get(),
                refreshesSuppressed.get(), staleServed.get(), s == null ? 0 : s.set().keys().size(), lastSuccess,
                s == null ? null : s.expiresAt(), state.failure().orElse(null));
    }
}
