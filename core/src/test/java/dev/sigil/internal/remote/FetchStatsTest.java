package dev.sigil.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksCachePolicy;
import dev.sigil.jwk.JwksStats;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The counters, and the set and failure they are reported with, read from one refresh state. */
class FetchStatsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void beforeAnyFetchEverythingIsZeroAndNothingHasFailed() {
        JwksStats stats = new FetchStats().stats(RefreshState.initial());
        assertEquals(new JwksStats(0, 0, 0, 0, 0, 0, 0, null, null, null), stats);
    }

    @Test
    void eachCounterCountsItsOwnEvent() {
        FetchStats counters = new FetchStats();
        counters.fetchStarted();
        counters.fetchStarted();
        counters.fetchStarted();
        counters.fetchFailed();
        counters.notModified();
        counters.refreshRequested();
        counters.refreshRequested();
        counters.refreshSuppressed();
        counters.staleServed();
        counters.succeededAt(T0);
        JwksStats stats = counters.stats(RefreshState.initial());
        assertEquals(3, stats.fetches());
        assertEquals(1, stats.fetchFailures());
        assertEquals(1, stats.notModified());
        assertEquals(2, stats.refreshesRequested());
        assertEquals(1, stats.refreshesSuppressed());
        assertEquals(1, stats.staleServed());
        assertEquals(Optional.of(T0), stats.lastSuccessTime());
    }

    @Test
    void theSetAndTheFailureComeFromTheState() {
        JwkSet set = JwkSet.parse("{\"keys\":[{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"AAAA\"},"
                + "{\"kty\":\"oct\",\"kid\":\"b\",\"k\":\"AAAA\"}]}");
        Snapshot snapshot = new Snapshot(URI.create("https://issuer.example/keys"), set, new byte[0],
                T0.plusSeconds(600), Duration.ofSeconds(30), null, null);
        RefreshState good = RefreshState.initial().published(snapshot);
        JwksStats stats = new FetchStats().stats(good);
        assertEquals(set.keys().size(), stats.keys());
        assertEquals(T0.plusSeconds(600), stats.expiresAt());
        assertEquals(Optional.empty(), stats.lastFailureReason());

        RefreshState failing = good.failed("https://issuer.example/keys answered HTTP 500", null, T0,
                JwksCachePolicy.defaults(), half -> half);
        assertEquals(Optional.of("https://issuer.example/keys answered HTTP 500"),
                new FetchStats().stats(failing).lastFailureReason());
    }
}
