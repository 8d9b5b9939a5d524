package dev.sigil.micrometer;

import dev.sigil.jwk.JwksStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The meters read from one issuer label's key-cache stats when a registry is scraped: keys held,
 * how stale the set is, forced refreshes made and suppressed. Nothing is counted on the verify path.
 */
final class KeySetMeters {

    private final String issuer;
    private final Supplier<JwksStats> stats;
    private final Clock clock;

    /** {@code stats} answers the label's current stats, or {@code null} when there are none. */
    KeySetMeters(String issuer, Supplier<JwksStats> stats, Clock clock) {
        this.issuer = issuer;
        this.stats = stats;
        this.clock = clock;
    }

    void registerIn(MeterRegistry registry) {
        Gauge.builder(SigilMetrics.KEYS, this, m -> m.read(JwksStats::keys))
                .description("Keys in the current key set")
                .tag("issuer", issuer)
                .strongReference(true)
                .register(registry);
        TimeGauge.builder(SigilMetrics.STALE_AGE, this, TimeUnit.SECONDS, KeySetMeters::staleSeconds)
                .description("How long past its expiry the key set held is, while refreshing it fails; 0 otherwise")
                .tag("issuer", issuer)
                .strongReference(true)
                .register(registry);
        FunctionCounter.builder(SigilMetrics.FORCED_REFRESHES, this,
                        m -> m.read(s -> s.refreshesRequested() - s.refreshesSuppressed()))
                .description("Refreshes forced by an unknown kid or a failed signature")
                .tag("issuer", issuer)
                .tag("outcome", TagValues.PERFORMED)
                .register(registry);
        FunctionCounter.builder(SigilMetrics.FORCED_REFRESHES, this, m -> m.read(JwksStats::refreshesSuppressed))
                .description("Refreshes forced by an unknown kid or a failed signature")
                .tag("issuer", issuer)
                .tag("outcome", TagValues.SUPPRESSED)
                .register(registry);
    }

    private double read(ToDoubleFunction<JwksStats> value) {
        JwksStats s = stats.get();
        return s == null ? 0 : value.applyAsDouble(s);
    }

    private double staleSeconds() {
        JwksStats s = stats.get();
        if (s == null || s.lastFailure() == null || s.expiresAt() == null) {
            return 0;
        }
        Instant now = clock.instant();
        return now.isAfter(s.expiresAt()) ? Duration.between(s.expiresAt(), now).toMillis() / 1000.0 : 0;
    }
}
