package dev.sigil.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.MultiIssuerVerifier;
import dev.sigil.testkit.FakeIssuer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A multi-issuer verifier runs each issuer's discovery on its own: one that fails is not asked again
 * before its backoff has passed, however many tokens arrive meanwhile, and one that recovers is
 * followed. Real HTTP (WireMock), tokens minted by Nimbus, the verifier's clock moved by hand.
 */
class MultiIssuerDiscoveryBackoffTest extends IssuerScenario {

    @Test
    void aFailedDiscoveryIsNotRepeatedBeforeItsBackoffWhateverTheTraffic() throws Exception {
        IssuerKey key = IssuerKey.plain("k1");
        issuer.publishKeys(IssuerKey.jwks(key));
        String good = "{\"issuer\":\"" + issuer.issuer() + "\",\"jwks_uri\":\"" + issuer.jwksUri() + "\"}";
        issuer.setDiscoveryDocument("{\"issuer\":\"https://someone-else.example.com/\",\"jwks_uri\":\"" + issuer.jwksUri() + "\"}");
        try (FakeIssuer other = FakeIssuer.start();
                MultiIssuerVerifier verifier = MultiIssuerVerifier.builder().audience(IssuerKey.AUDIENCE)
                        .defaults(b -> b.clock(clock))
                        .trustedIssuer(issuer.issuer()).trustedIssuer(other.issuer()).build()) {
            String token = key.mint(issuer.issuer(), START);
            for (int i = 0; i < 30; i++) {
                JwtVerificationException e = assertThrows(JwtVerificationException.class, () -> verifier.verify(token));
                assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
            }
            assertEquals(1, issuer.discoveryRequests(), "one discovery, then the backoff");
            assertEquals(0, issuer.jwksRequests());
            assertEquals(0, other.discoveryRequests(), "the other issuer was never needed");

            issuer.setDiscoveryDocument(good);
            clock.advance(Duration.ofSeconds(31));
            assertEquals(issuer.issuer(), verifier.verify(token).claims().issuer().orElseThrow());
            assertEquals(2, issuer.discoveryRequests());
            assertEquals(1, issuer.jwksRequests());
        }
    }
}
