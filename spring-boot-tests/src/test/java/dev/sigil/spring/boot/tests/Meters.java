package dev.sigil.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.micrometer.SigilMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Issue 17's "the meters appear in a SimpleMeterRegistry", the same for both applications: the
 * registry Boot's metrics auto-configuration made, with the meters the starter bound for its verifier,
 * counting what a request just did.
 */
public final class Meters {

    private final MeterRegistry registry;
    private final String issuer;

    /**
     * @param issuer the label every meter carries: the configured issuer or template, never a token's {@code iss}
     */
    public Meters(MeterRegistry registry, String issuer) {
        assertThat(registry).as("Boot's own registry, no other being present").isInstanceOf(SimpleMeterRegistry.class);
        this.registry = registry;
        this.issuer = issuer;
    }

    /** How many RS256 tokens were verified, or refused for {@code reason} ("none" for verified). */
    public double verifications(String result, String reason) {
        Counter counter = registry.find(SigilMetrics.VERIFICATIONS)
                .tags("result", result, "reason", reason, "alg", "RS256", "issuer", issuer).counter();
        return counter == null ? 0 : counter.count();
    }

    /** After the application verified and refused tokens of this issuer: the key cache's meters are there too. */
    public void assertKeyCacheMeters() {
        assertThat(registry.find(SigilMetrics.VERIFICATION_DURATION).tags("result", "verified", "issuer", issuer).timer())
                .as("the duration timer").isNotNull()
                .satisfies(timer -> assertThat(timer.count()).isPositive());
        assertThat(registry.find(SigilMetrics.FETCHES).tags("outcome", "success", "status", "200", "issuer", issuer).counter())
                .as("the successful fetches").isNotNull()
                .satisfies(counter -> assertThat(counter.count()).isPositive());
        assertThat(registry.find(SigilMetrics.KEYS).tags("issuer", issuer).gauge())
                .as("the keys gauge").isNotNull()
                .satisfies(gauge -> assertThat(gauge.value()).isPositive());
        assertThat(registry.find(SigilMetrics.STALE_AGE).tags("issuer", issuer).timeGauge()).as("the stale age").isNotNull();
        assertThat(registry.find(SigilMetrics.FORCED_REFRESHES).tags("issuer", issuer).functionCounter())
                .as("the forced refreshes").isNotNull();
        // No series names a kid, a subject or anything else a token carries.
        registry.getMeters().stream()
                .filter(meter -> meter.getId().getName().startsWith("sigil."))
                .flatMap(meter -> meter.getId().getTags().stream())
                .forEach(tag -> assertThat(tag.getKey()).isIn("result", "reason", "alg", "issuer", "outcome", "status"));
    }

    /** {@code after - before} is exactly one. */
    public static void assertOneMore(double before, double after, String what) {
        assertEquals(before + 1, after, 0.0, what);
    }
}
