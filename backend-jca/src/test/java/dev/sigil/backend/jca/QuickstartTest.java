package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.sigil.jwk.JwkSet;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.VerifiedJwt;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** The README's quickstart, as written there, with the backend found by ServiceLoader. */
class QuickstartTest {

    @Test
    void theReadmeQuickstartVerifiesAnAuth0ShapedToken() {
        Mint.Signer issuerKey = Mint.signer(JwsAlgorithm.RS256, "auth0-key-1");
        String jwksJson = "{\"keys\":[" + issuerKey.publicJwkJson() + "]}";
        String token = issuerKey.mint(new JWTClaimsSet.Builder()
                .issuer("https://example.eu.auth0.com/")
                .subject("auth0|5f7c8ec7c33c6c004bbafe82")
                .audience("https://api.example.com")
                .issueTime(Date.from(Instant.now()))
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                .build());
        String[] seen = new String[2];

        // --- from README.md, "Quickstart (static keys)" ---
        // Once, at start-up: the issuer's published key set (its jwks_uri), kept as text.
        JwkSet keys = JwkSet.parse(jwksJson);

        JwtVerifier verifier = JwtVerifier.builder()
            .issuer("https://example.eu.auth0.com/")    // expected "iss", compared exactly
            .audience("https://api.example.com")        // or .ignoreAudience(), explicitly
            .keys(keys)                                 // static keys: no HTTP at all
            .build();                                   // immutable, thread-safe: share it

        // Per request:
        try {
            VerifiedJwt jwt = verifier.verify(token);   // the token without "Bearer "
            String subject = jwt.claims().subject().orElseThrow();
            seen[0] = subject;
        } catch (JwtVerificationException e) {
            // e.reason() is stable (EXPIRED, INVALID_SIGNATURE, ...): map it to a 401, count it.
            // e.getMessage() explains, and never contains the token.
            seen[1] = e.reason() + ": " + e.getMessage();
        }
        // --- end of the README snippet ---

        assertEquals("auth0|5f7c8ec7c33c6c004bbafe82", seen[0], String.valueOf(seen[1]));
        assertEquals("jca", verifier.cryptoBackend().name(), "found by ServiceLoader");
        assertEquals("builtin", verifier.jsonCodec().name());
        assertFalse(verifier.algorithms().contains(JwsAlgorithm.HS256), "HMAC only when listed");
    }
}
