package dev.sigil.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.MultiIssuerVerifier;
import dev.sigil.jwt.TokenVerifier;
import dev.sigil.jwt.VerificationListener;
import dev.sigil.testkit.FakeIssuer;
import dev.sigil.testkit.MutableClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The meters against a real issuer on loopback (discovery, key set, failures) and tokens minted by
 * Nimbus, verified by Sigil's default backend and transport, counted in a {@link SimpleMeterRegistry}.
 */
class SigilMetricsTest {

    private static final Set<String> TAG_KEYS = Set.of("result", "reason", "alg", "issuer", "outcome", "status");

    private final TestSigner key = TestSigner.rsa("key-1");
    private final FakeIssuer fake = FakeIssuer.start();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        fake.close();
    }

    private double verifications(String result, String reason, String issuer) {
        Counter c = registry.find(SigilMetrics.VERIFICATIONS).tags("result", result, "reason", reason, "alg", "RS256",
                "issuer", issuer).counter();
        return c == null ? 0 : c.count();
    }

    private double fetches(String outcome, String status) {
        return registry.find(SigilMetrics.FETCHES).tags("outcome", outcome, "status", status).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static Reason refusal(TokenVerifier verifier, String token) {
        return assertThrows(JwtVerificationException.class, () -> verifier.verify(token)).reason();
    }

    @Test
    void countsEachOutcomeByResultReasonAlgorithmAndIssuer() throws Exception {
        fake.publishKeys(key.jwks());
        String iss = fake.issuer();
        SigilMetrics metrics = new SigilMetrics();
        try (JwtVerifier verifier = JwtVerifier.builder().issuer(iss).audience(TestSigner.AUDIENCE)
                .verificationListener(metrics.verificationListener()).listener(metrics.jwksListener(iss)).build()) {
            metrics.monitor(iss, verifier).bindTo(registry);
            Instant now = Instant.now();

            verifier.verify(key.mint(iss, now));
            verifier.verifyAsync(key.mint(iss, now)).toCompletableFuture().join();
            assertEquals(Reason.EXPIRED, refusal(verifier, key.mint(iss, now.minusSeconds(7200), now.minusSeconds(3600))));
            assertEquals(Reason.INVALID_SIGNATURE, refusal(verifier, key.forger().mint(iss, now)));
            assertEquals(Reason.KEY_NOT_FOUND, refusal(verifier, TestSigner.rsa("kid-from-a-token").mint(iss, now)));
            assertEquals(Reason.MALFORMED, refusal(verifier, "not-a-token"));

            assertEquals(2, verifications("verified", "none", iss));
            assertEquals(1, verifications("refused", "EXPIRED", iss));
            assertEquals(1, verifications("refused", "INVALID_SIGNATURE", iss));
            assertEquals(1, verifications("refused", "KEY_NOT_FOUND", iss));
            assertEquals(1, registry.get(SigilMetrics.VERIFICATIONS).tags("reason", "MALFORMED", "alg", "unknown").counter()
                    .count());
            Timer verified = registry.get(SigilMetrics.VERIFICATION_DURATION).tags("result", "verified", "issuer", iss).timer();
            assertEquals(2, verified.count());
            assertTrue(verified.totalTime(TimeUnit.NANOSECONDS) > 0);
            assertEquals(4, registry.get(SigilMetrics.VERIFICATION_DURATION).tags("result", "refused").timer().count());

            // Discovery and the key set, then the one refresh the forged signature forced; the unknown
            // kid came within the cooldown, so its refresh was suppressed.
            assertEquals(3, fetches("success", "200"));
            assertEquals(0, fetches("failure", "none"));
            assertEquals(1, registry.get(SigilMetrics.KEYS).tags("issuer", iss).gauge().value());
            assertEquals(1, registry.get(SigilMetrics.FORCED_REFRESHES).tags("outcome", "performed").functionCounter().count());
            assertEquals(1, registry.get(SigilMetrics.FORCED_REFRESHES).tags("outcome", "suppressed").functionCounter().count());
            assertEquals(0, registry.get(SigilMetrics.STALE_AGE).tags("issuer", iss).timeGauge().value(TimeUnit.SECONDS));
            assertOnlyConfiguredLabels(iss);
        }
    }

    /** Every tag key is one of the documented six, and no value is a kid or anything else from a token. */
    private void assertOnlyConfiguredLabels(String... issuers) {
        Set<String> allowedIssuers = Set.of(issuers);
        for (Meter meter : registry.getMeters()) {
            assertTrue(meter.getId().getName().startsWith("sigil."), meter.getId().toString());
            for (Tag tag : meter.getId().getTags()) {
                assertTrue(TAG_KEYS.contains(tag.getKey()), meter.getId().toString());
                assertFalse(tag.getValue().contains("key-1") || tag.getValue().contains("kid-from-a-token")
                        || tag.getValue().contains("evil"), meter.getId().toString());
                if (tag.getKey().equals("issuer")) {
                    assertTrue(allowedIssuers.contains(tag.getValue()), meter.getId().toString());
                }
            }
        }
    }

    @Test
    void countsFetchFailuresByStatusAndMeasuresHowStaleTheKeysServedAre() throws Exception {
        fake.publishKeys(key.jwks());
        String iss = fake.issuer();
        MutableClock clock = new MutableClock(Instant.now());
        SigilMetrics metrics = new SigilMetrics(clock);
        metrics.bindTo(registry);
        try (JwtVerifier verifier = JwtVerifier.builder().issuer(iss).audience(TestSigner.AUDIENCE).clock(clock)
                .verificationListener(metrics.verificationListener()).listener(metrics.jwksListener(iss)).build()) {
            metrics.monitor(iss, verifier);
            verifier.prefetch();
            assertEquals(2, fetches("success", "200"));

            // The set expires (default TTL 10 min) while the issuer answers 503: the last good set is
            // served, and the gauge says for how long past its expiry.
            fake.failJwks(503, Map.of());
            clock.advance(Duration.ofMinutes(11));
            verifier.verify(key.mint(iss, clock.instant()));
            assertEquals(1, fetches("failure", "503"));
            TimeGauge stale = registry.get(SigilMetrics.STALE_AGE).tags("issuer", iss).timeGauge();
            assertEquals(60, stale.value(TimeUnit.SECONDS), 1);

            // No answer at all: status "none".
            fake.failJwks(FakeIssuer.Failure.CONNECTION_RESET);
            clock.advance(Duration.ofMinutes(2));
            verifier.verify(key.mint(iss, clock.instant()));
            assertEquals(1, fetches("failure", "none"));
            assertEquals(180, stale.value(TimeUnit.SECONDS), 1);
            assertEquals(1, verifications("verified", "none", iss) - 1);

            // Recovered: fresh keys, nothing stale.
            fake.publishKeys(key.jwks());
            clock.advance(Duration.ofMinutes(10));
            verifier.verify(key.mint(iss, clock.instant()));
            assertEquals(0, stale.value(TimeUnit.SECONDS));
            assertEquals(1, registry.get(SigilMetrics.KEYS).gauge().value());
        }
    }

    @Test
    void aMultiIssuerVerifierIsLabelledByConfiguredIssuerAndAnUntrustedIssNeverIs() throws Exception {
        fake.publishKeys(key.jwks());
        String iss = fake.issuer();
        SigilMetrics metrics = new SigilMetrics();
        try (MultiIssuerVerifier verifier = MultiIssuerVerifier.builder().trustedIssuer(iss).audience(TestSigner.AUDIENCE)
                .verificationListener(metrics.verificationListener()).listeners(metrics.jwksListeners()).build()) {
            metrics.monitor(verifier).bindTo(registry);
            Instant now = Instant.now();
            verifier.verify(key.mint(iss, now));
            assertEquals(Reason.ISSUER_MISMATCH, refusal(verifier, key.mint("https://evil.example.com/", now)));

            assertEquals(1, verifications("verified", "none", iss));
            assertEquals(1, registry.get(SigilMetrics.VERIFICATIONS)
                    .tags("reason", "ISSUER_MISMATCH", "issuer", VerificationListener.UNTRUSTED_ISSUER).counter().count());
            assertEquals(2, fetches("success", "200"));
            assertEquals(1, registry.get(SigilMetrics.KEYS).tags("issuer", iss).gauge().value());
            assertOnlyConfiguredLabels(iss, VerificationListener.UNTRUSTED_ISSUER);
        }
    }

    @Test
    void bindingTwiceToOneRegistryCountsOnceAndEachRegistryCountsItsOwn() throws Exception {
        fake.publishKeys(key.jwks());
        String iss = fake.issuer();
        SimpleMeterRegistry other = new SimpleMeterRegistry();
        SigilMetrics metrics = new SigilMetrics();
        try (JwtVerifier verifier = JwtVerifier.builder().issuer(iss).audience(TestSigner.AUDIENCE)
                .verificationListener(metrics.verificationListener()).build()) {
            metrics.monitor(iss, verifier);
            metrics.bindTo(registry);
            metrics.bindTo(registry);
            metrics.bindTo(other);
            verifier.verify(key.mint(iss, Instant.now()));
            assertEquals(1, verifications("verified", "none", iss));
            assertEquals(1, other.get(SigilMetrics.VERIFICATIONS).counter().count());
            assertEquals(1, other.get(SigilMetrics.KEYS).gauge().value());
        }
    }

    @Test
    void beforeAnyTokenTheTimersAndKeyMetersAreListed() {
        SigilMetrics metrics = new SigilMetrics();
        try (JwtVerifier verifier = JwtVerifier.builder().issuer(fake.issuer()).audience(TestSigner.AUDIENCE).build()) {
            metrics.monitor(fake.issuer(), verifier).bindTo(registry);
            assertEquals(0, registry.get(SigilMetrics.VERIFICATION_DURATION).tags("result", "verified").timer().count());
            Gauge keys = registry.get(SigilMetrics.KEYS).gauge();
            assertEquals(0, keys.value());
            FunctionCounter forced = registry.get(SigilMetrics.FORCED_REFRESHES).tags("outcome", "performed").functionCounter();
            assertEquals(0, forced.count());
            assertNull(registry.find(SigilMetrics.VERIFICATIONS).counter(), "counters come with their first event");
        }
    }
}
