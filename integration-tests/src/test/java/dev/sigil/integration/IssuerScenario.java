package dev.sigil.integration;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.testkit.FakeIssuer;
import dev.sigil.testkit.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh fake issuer, a hand-moved clock and a recording listener for every test. */
abstract class IssuerScenario {

    static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

    FakeIssuer issuer;
    MutableClock clock;
    RecordingListener listener;

    @BeforeEach
    void startIssuer() {
        issuer = FakeIssuer.start();
        clock = new MutableClock(START);
        listener = new RecordingListener();
    }

    @AfterEach
    void stopIssuer() {
        issuer.close();
    }

    /** A verifier of this issuer's tokens, keys found by discovery, on the test's clock. */
    JwtVerifier.Builder builder() {
        return JwtVerifier.builder().issuer(issuer.issuer()).audience(IssuerKey.AUDIENCE).clock(clock).listener(listener);
    }

    static Reason refusal(JwtVerifier verifier, String token) {
        return assertThrows(JwtVerificationException.class, () -> verifier.verify(token)).reason();
    }
}
