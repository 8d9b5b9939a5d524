package dev.sigil.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksCachePolicy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/** Each refresh rule, alone, on plain values: no clock, no transport, no threads. */
class RefreshStateTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final LongUnaryOperator NO_JITTER = half -> half;
    private static final LongUnaryOperator MOST_JITTER = half -> 0;
    private static final JwksCachePolicy POLICY = JwksCachePolicy.builder()
            .initialBackoff(Duration.ofSeconds(1)).refreshCooldown(Duration.ofSeconds(30)).build();

    private static Snapshot expiringAt(Instant expiresAt, Duration refreshAhead) {
        return new Snapshot(URI.create("https://issuer.example/keys"), JwkSet.parse("{\"keys\":[]}"), new byte[0],
                expiresAt, refreshAhead, null, null);
    }

    private static RefreshState holding(Snapshot snapshot) {
        return RefreshState.initial().published(snapshot);
    }

    @Test
    void nothingIsFreshBeforeTheFirstFetchAndNothingHoldsItBack() {
        RefreshState initial = RefreshState.initial();
        assertFalse(initial.isFresh(T0));
        assertFalse(initial.refreshAheadDue(T0));
        assertFalse(initial.inBackoff(T0));
        assertTrue(initial.mayForceRefresh(T0, Duration.ofSeconds(30)));
        assertEquals(Optional.empty(), initial.failure());
        assertEquals("no fetch attempted yet", initial.lastFailure());
    }

    @Test
    void aSetIsFreshUntilTheInstantItExpires() {
        RefreshState state = holding(expiringAt(T0.plusSeconds(600), Duration.ofSeconds(30)));
        assertTrue(state.isFresh(T0));
        assertTrue(state.isFresh(T0.plusSeconds(599)));
        assertFalse(state.isFresh(T0.plusSeconds(600)));
        assertFalse(state.isFresh(T0.plusSeconds(601)));
    }

    @Test
    void refreshAheadIsDueFromExpiryLessTheRefreshAheadUntilExpiry() {
        RefreshState state = holding(expiringAt(T0.plusSeconds(600), Duration.ofSeconds(30)));
        assertFalse(state.refreshAheadDue(T0.plusSeconds(569)));
        assertTrue(state.refreshAheadDue(T0.plusSeconds(570)));
        assertTrue(state.refreshAheadDue(T0.plusSeconds(599)));
        // Expired: no longer a refresh ahead, but a fetch the caller waits for.
        assertFalse(state.refreshAheadDue(T0.plusSeconds(600)));
    }

    @Test
    void theFirstFetchAndTtlRefreshesDoNotStartTheCooldown() {
        RefreshState state = holding(expiringAt(T0.plusSeconds(600), Duration.ofSeconds(30)))
                .published(expiringAt(T0.plusSeconds(1200), Duration.ofSeconds(30)));
        assertNull(state.lastForcedRefresh());
        assertTrue(state.mayForceRefresh(T0, Duration.ofSeconds(30)));
    }

    @Test
    void theCooldownCountsFromTheLastForcedRefresh() {
        Duration cooldown = Duration.ofSeconds(30);
        RefreshState forced = holding(expiringAt(T0.plusSeconds(600), Duration.ofSeconds(30)))
                .forcedRefreshStarted(T0);
        assertFalse(forced.mayForceRefresh(T0, cooldown));
        assertFalse(forced.mayForceRefresh(T0.plusMillis(29_999), cooldown));
        assertTrue(forced.mayForceRefresh(T0.plusSeconds(30), cooldown));

        RefreshState again = forced.forcedRefreshStarted(T0.plusSeconds(45));
        assertFalse(again.mayForceRefresh(T0.plusSeconds(60), cooldown));
        assertTrue(again.mayForceRefresh(T0.plusSeconds(75), cooldown));
    }

    @Test
    void aSuccessfulFetchDoesNotResetTheCooldown() {
        RefreshState state = RefreshState.initial().forcedRefreshStarted(T0)
                .published(expiringAt(T0.plusSeconds(600), Duration.ofSeconds(30)));
        assertFalse(state.mayForceRefresh(T0.plusSeconds(10), Duration.ofSeconds(30)));
    }

    @Test
    void cooledDownIsOneRuleForEveryStartingPoint() {
        Duration cooldown = Duration.ofSeconds(30);
        assertTrue(RefreshState.cooledDown(null, T0, cooldown));
        assertFalse(RefreshState.cooledDown(T0, T0.plusSeconds(29), cooldown));
        assertTrue(RefreshState.cooledDown(T0, T0.plusSeconds(30), cooldown));
    }

    @Test
    void noForcedRefreshWhileBackingOffEvenAfterTheCooldown() {
        RefreshState failed = RefreshState.initial().failed("down", Duration.ofMinutes(5), T0, POLICY, NO_JITTER);
        assertTrue(failed.inBackoff(T0.plusSeconds(60)));
        assertFalse(failed.mayForceRefresh(T0.plusSeconds(60), Duration.ofSeconds(30)));
        assertTrue(failed.mayForceRefresh(T0.plusSeconds(300), Duration.ofSeconds(30)));
    }

    @Test
    void backoffDoublesFromTheInitialWaitUpToTheCooldown() {
        Duration initial = Duration.ofSeconds(1);
        Duration cap = Duration.ofSeconds(30);
        assertEquals(Duration.ofSeconds(1), RefreshState.backoff(1, initial, cap, NO_JITTER));
        assertEquals(Duration.ofSeconds(2), RefreshState.backoff(2, initial, cap, NO_JITTER));
        assertEquals(Duration.ofSeconds(4), RefreshState.backoff(3, initial, cap, NO_JITTER));
        assertEquals(Duration.ofSeconds(16), RefreshState.backoff(5, initial, cap, NO_JITTER));
        assertEquals(Duration.ofSeconds(30), RefreshState.backoff(6, initial, cap, NO_JITTER));
        assertEquals(Duration.ofSeconds(30), RefreshState.backoff(30, initial, cap, NO_JITTER));
        // Where the doubling would overflow a long, the cap holds.
        assertEquals(Duration.ofSeconds(30), RefreshState.backoff(31, initial, cap, NO_JITTER));
        assertEquals(Duration.ofSeconds(30), RefreshState.backoff(Integer.MAX_VALUE, initial, cap, NO_JITTER));
    }

    @Test
    void jitterKeepsTheWaitBetweenHalfAndAllOfIt() {
        Duration initial = Duration.ofSeconds(1);
        Duration cap = Duration.ofSeconds(30);
        assertEquals(Duration.ofMillis(2_000), RefreshState.backoff(3, initial, cap, MOST_JITTER));
        assertEquals(Duration.ofMillis(15_000), RefreshState.backoff(9, initial, cap, MOST_JITTER));
        for (int i = 0; i < 1_000; i++) {
            Duration wait = RefreshState.backoff(3, initial, cap, RefreshState.RANDOM_JITTER);
            assertTrue(wait.toMillis() >= 2_000 && wait.toMillis() <= 4_000, wait.toString());
        }
    }

    @Test
    void theWaitIsNeverZero() {
        assertEquals(Duration.ofMillis(1), RefreshState.backoff(1, Duration.ofMillis(1), Duration.ofMillis(1),
                MOST_JITTER));
    }

    @Test
    void eachFailureInARowWaitsLongerAndRemembersItsReason() {
        RefreshState once = RefreshState.initial().failed("first", null, T0, POLICY, NO_JITTER);
        assertEquals(1, once.consecutiveFailures());
        assertEquals(T0.plusSeconds(1), once.nextAttempt());
        assertEquals(Optional.of("first"), once.failure());
        RefreshState twice = once.failed("second", null, T0.plusSeconds(1), POLICY, NO_JITTER);
        assertEquals(2, twice.consecutiveFailures());
        assertEquals(T0.plusSeconds(3), twice.nextAttempt());
        assertEquals(Optional.of("second"), twice.failure());
        assertTrue(twice.inBackoff(T0.plusSeconds(2)));
        assertFalse(twice.inBackoff(T0.plusSeconds(3)));
    }

    @Test
    void aLongerRetryAfterWinsOverTheBackoffAndAShorterOneDoesNot() {
        RefreshState longer = RefreshState.initial().failed("429", Duration.ofSeconds(120), T0, POLICY, NO_JITTER);
        assertEquals(T0.plusSeconds(120), longer.nextAttempt());
        RefreshState shorter = RefreshState.initial().failed("503", Duration.ofMillis(10), T0, POLICY, NO_JITTER);
        assertEquals(T0.plusSeconds(1), shorter.nextAttempt());
    }

    @Test
    void aSuccessEndsTheBackoffAndForgetsTheFailure() {
        Snapshot snapshot = expiringAt(T0.plusSeconds(600), Duration.ofSeconds(30));
        RefreshState recovered = RefreshState.initial().failed("down", null, T0, POLICY, NO_JITTER)
                .failed("down", null, T0, POLICY, NO_JITTER).published(snapshot);
        assertSame(snapshot, recovered.snapshot());
        assertEquals(0, recovered.consecutiveFailures());
        assertFalse(recovered.inBackoff(T0));
        assertEquals(Optional.empty(), recovered.failure());
        assertEquals("none", recovered.lastFailure());
    }

    @Test
    void aFailureKeepsTheLastGoodSet() {
        Snapshot snapshot = expiringAt(T0.plusSeconds(600), Duration.ofSeconds(30));
        assertSame(snapshot, holding(snapshot).failed("down", null, T0, POLICY, NO_JITTER).snapshot());
    }

    @Test
    void anExpiredSetServesUpToMaxStalePastItsExpiry() {
        Snapshot snapshot = expiringAt(T0, Duration.ofSeconds(30));
        Duration maxStale = Duration.ofHours(1);
        assertEquals(Duration.ofSeconds(90), RefreshState.staleFor(snapshot, T0.plusSeconds(90)));
        assertTrue(RefreshState.servableStale(snapshot, T0.plusSeconds(1), maxStale));
        assertTrue(RefreshState.servableStale(snapshot, T0.plus(maxStale), maxStale));
        assertFalse(RefreshState.servableStale(snapshot, T0.plus(maxStale).plusMillis(1), maxStale));
    }

    @Test
    void noSetIsNeverServableStale() {
        assertFalse(RefreshState.servableStale(null, T0, Duration.ofHours(24)));
    }
}
