package dev.sigil.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.MultiIssuerVerifier;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A discovered {@code jwks_uri} is not pinned for the life of the process: when it keeps failing,
 * discovery runs again (bounded, on the fetch backoff) and follows the issuer to its new key set.
 */
class RediscoveryTest extends IssuerScenario {

    private static final IssuerKey KEY = IssuerKey.plain("k1");
    private static final IssuerKey NEXT = IssuerKey.plain("k2");

    @Test
    void whenTheDiscoveredJwksUriKeepsFailingDiscoveryRunsAgainAndFindsTheNewOne() throws Exception {
        issuer.publishKeys(IssuerKey.jwks(KEY));
        try (JwtVerifier verifier = builder().build()) {
            verifier.verify(KEY.mint(issuer.issuer(), START));
            URI moved = issuer.moveJwks("/keys/v2");
            issuer.publishKeys(IssuerKey.jwks(KEY, NEXT));
            clock.advance(Duration.ofMinutes(11));

            int attempts = 0;
            while (true) {
                attempts++;
                try {
                    verifier.verify(NEXT.mint(issuer.issuer(), clock.instant()));
                    break;
                } catch (JwtVerificationException e) {
                    assertTrue(attempts < 6, "still failing after " + attempts + " attempts: " + listener.events);
                    clock.advance(Duration.ofMinutes(1));
                }
            }

            assertEquals(2, issuer.discoveryRequests(), listener.events.toString());
            assertTrue(listener.events.contains("fetched " + moved.getPath() + " 200"), listener.events.toString());
            assertTrue(listener.count("failed /.well-known/jwks.json") >= 2,
                    "discovery ran again before the old jwks_uri had failed twice: " + listener.events);
        }
    }

    @Test
    void aMultiIssuerVerifierFollowsTheMovedKeySetTooWhileItServesTheOldOneStale() throws Exception {
        issuer.publishKeys(IssuerKey.jwks(KEY));
        try (MultiIssuerVerifier verifier = MultiIssuerVerifier.builder().audience(IssuerKey.AUDIENCE)
                .defaults(b -> b.clock(clock)).listeners(label -> listener).trustedIssuer(issuer.issuer()).build()) {
            verifier.verify(KEY.mint(issuer.issuer(), START));
            URI moved = issuer.moveJwks("/keys/v2");
            issuer.publishKeys(IssuerKey.jwks(KEY, NEXT));
            clock.advance(Duration.ofMinutes(11));
            // The old set is stale now, and still serves the old key meanwhile.
            verifier.verify(KEY.mint(issuer.issuer(), clock.instant()));

            // Here discovery runs again on the cache's own threads while verifications go on (the old
            // set serving): an attempt that starts after the old URI's second failure starts it, and
            // the next attempt must wait for it rather than run ahead of it.
            int attempts = 0;
            while (true) {
                attempts++;
                long failuresBefore = listener.count("failed /.well-known/jwks.json");
                try {
                    verifier.verify(NEXT.mint(issuer.issuer(), clock.instant()));
                    break;
                } catch (JwtVerificationException e) {
                    assertTrue(attempts < 6, "still failing after " + attempts + " attempts: " + listener.events);
                    if (failuresBefore >= 2) {
                        assertTrue(listener.await("fetched /.well-known/openid-configuration", 2, Duration.ofSeconds(10)),
                                "discovery did not run again: " + listener.events);
                    }
                    clock.advance(Duration.ofMinutes(1));
                }
            }
            assertEquals(2, issuer.discoveryRequests(), listener.events.toString());
            assertTrue(listener.events.contains("fetched " + moved.getPath() + " 200"), listener.events.toString());
        }
    }

    @Test
    void discoveryRunsAgainAtMostOncePerCooldownWhileEverythingFails() {
        issuer.publishKeys(IssuerKey.jwks(KEY));
        try (JwtVerifier verifier = builder().build()) {
            assertThrows(JwtVerificationException.class, () -> verifier.verify(NEXT.mint(issuer.issuer(), START)));
            issuer.moveJwks("/keys/v2");
            issuer.failJwks(500, java.util.Map.of());
            clock.advance(Duration.ofMinutes(11));
            // Every few seconds for ten minutes of the test's clock: the default cooldown is 30 s.
            for (int i = 0; i < 200; i++) {
                assertThrows(JwtVerificationException.class, () -> verifier.verify(NEXT.mint(issuer.issuer(), clock.instant())));
                clock.advance(Duration.ofSeconds(3));
            }
            assertTrue(issuer.discoveryRequests() <= 1 + 600 / 30 + 1, "discovery ran " + issuer.discoveryRequests()
                    + " times in ten minutes");
            assertTrue(issuer.discoveryRequests() >= 2, "discovery never ran again");
        }
    }
}
