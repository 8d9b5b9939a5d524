package dev.sigil.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigil.jwk.JwkSet;
import dev.sigil.jwt.JwtVerificationException.Reason;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A header member that must be a string is refused as MALFORMED when it is JSON {@code null}, rather
 * than read as absent: {@code "kid": null} would otherwise turn a kid lookup into a search of every
 * fitting key. Real ES256 keys and tokens (core's own tests have no crypto backend).
 */
class TokenHeaderNullTest {

    private static final String ISSUER = "https://issuer.example/";
    private static final String AUDIENCE = "https://api.example.com";

    private final EcIssuerKey key = EcIssuerKey.generate("k1");
    private final JwtVerifier verifier = JwtVerifier.builder().issuer(ISSUER).audience(AUDIENCE)
            .keys(JwkSet.parse(EcIssuerKey.jwks(key.publicJwk()))).build();

    private String claims() {
        long now = Instant.now().getEpochSecond();
        return "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"alice\",\"exp\":" + (now + 600) + "}";
    }

    @Test
    void aNullKidIsMalformedNotAbsent() {
        JwtVerificationException e = assertThrows(JwtVerificationException.class,
                () -> verifier.verify(key.sign("{\"alg\":\"ES256\",\"kid\":null}", claims())));
        assertEquals(Reason.MALFORMED, e.reason());
        assertEquals("token header 'kid' must be a string, not null", e.getMessage());
    }

    @Test
    void aNullTypIsMalformedNotAbsent() {
        JwtVerificationException e = assertThrows(JwtVerificationException.class,
                () -> verifier.verify(key.sign("{\"alg\":\"ES256\",\"typ\":null,\"kid\":\"k1\"}", claims())));
        assertEquals(Reason.MALFORMED, e.reason());
        assertEquals("token header 'typ' must be a string, not null", e.getMessage());
    }

    @Test
    void anAbsentKidStillFindsTheKeyThatFits() throws JwtVerificationException {
        assertEquals("alice", verifier.verify(key.sign("{\"alg\":\"ES256\"}", claims())).claims().subject().orElseThrow());
        assertEquals("k1", verifier.verify(key.sign("{\"alg\":\"ES256\",\"kid\":\"k1\"}", claims())).header()
                .keyId().orElseThrow());
    }
}
