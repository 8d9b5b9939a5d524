package dev.sigil.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpCachingTest {

    private static final Duration DEFAULT = Duration.ofMinutes(10);
    private static final Duration MIN = Duration.ofMinutes(1);
    private static final Duration MAX = Duration.ofHours(24);

    private static Duration freshness(String header) {
        return JwksFetcher.freshness(Optional.ofNullable(header), DEFAULT, MIN, MAX);
    }

    @Test
    void honoursMaxAgeWithinTheBounds() {
        assertEquals(Duration.ofSeconds(3600), freshness("public, max-age=3600"));
        assertEquals(Duration.ofSeconds(600), freshness("max-age=600, must-revalidate"));
        assertEquals(MIN, freshness("max-age=5"));
        assertEquals(MAX, freshness("max-age=99999999"));
        assertEquals(MAX, freshness("max-age=99999999999999999999999"));
        assertEquals(Duration.ofSeconds(120), freshness("MAX-AGE=\"120\""));
    }

    @Test
    void noStoreAndNoCacheGiveTheMinimum() {
        assertEquals(MIN, freshness("no-store"));
        assertEquals(MIN, freshness("private, no-cache, max-age=3600"));
    }

    @Test
    void absentOrUnreadableGivesTheDefault() {
        assertEquals(DEFAULT, freshness(null));
        assertEquals(DEFAULT, freshness("public"));
        assertEquals(DEFAULT, freshness("max-age=soon"));
        assertEquals(DEFAULT, freshness("max-age=-5"));
        assertEquals(DEFAULT, freshness("s-maxage=3600"));
    }

    @Test
    void readsRetryAfterAsSecondsOrADateCappedAtAnHour() {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(7)), JwksFetcher.retryAfter(Optional.of("7"), now));
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                JwksFetcher.retryAfter(Optional.of("Sat, 28 Nov 2026 10:01:30 GMT"), now));
        assertEquals(Optional.of(Duration.ZERO), JwksFetcher.retryAfter(Optional.of("Sat, 28 Nov 2026 09:00:00 GMT"), now));
        assertEquals(Optional.of(Duration.ofHours(1)), JwksFetcher.retryAfter(Optional.of("86400"), now));
        assertEquals(Optional.empty(), JwksFetcher.retryAfter(Optional.of("later"), now));
        assertEquals(Optional.empty(), JwksFetcher.retryAfter(Optional.empty(), now));
    }
}
