package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.VerifiedJwt;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tokens minted by Nimbus JOSE+JWT and jose4j, for every algorithm backend-jca supports but ML-DSA,
 * which neither signs: the JDK's own ML-DSA signer mints those ({@link JcaMlDsaJdkInteropTest}).
 */
class InteropTest {

    private static JwtVerifier verifier(Mint.Signer signer) {
        return JwtVerifier.builder()
                .issuer(Mint.ISSUER)
                .audience(Mint.AUDIENCE)
                .keys(signer.keySet())
                .algorithms(signer.alg)
                .clock(Mint.clock())
                .cryptoBackend(new JcaCryptoBackend())
                .build();
    }

    private static Reason refusal(Mint.Signer signer, JWTClaimsSet claims) {
        String token = signer.mint(claims);
        return assertThrows(JwtVerificationException.class, () -> verifier(signer).verify(token)).reason();
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"ES256K", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87"}, mode = EnumSource.Mode.EXCLUDE)
    void verifiesATokenMintedByAnIndependentLibrary(JwsAlgorithm alg) throws Exception {
        Mint.Signer signer = Mint.signer(alg);
        VerifiedJwt jwt = verifier(signer).verify(signer.mint(Mint.claims().build()));
        assertEquals(alg, jwt.header().algorithm());
        assertEquals(signer.kid, jwt.header().keyId().orElseThrow());
        assertEquals(Mint.ISSUER, jwt.claims().issuer().orElseThrow());
        assertEquals("auth0|5f7c8ec7c33c6c004bbafe82", jwt.claims().subject().orElseThrow());
        assertEquals(List.of(Mint.AUDIENCE, "https://issuer.example/userinfo"), jwt.claims().audience());
        assertEquals(Mint.NOW.plusSeconds(3600), jwt.claims().expiresAt().orElseThrow());
        assertEquals("openid profile read:messages", jwt.claims().getString("scope").orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"ES256K", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87"}, mode = EnumSource.Mode.EXCLUDE)
    void refusesAWrongIssuer(JwsAlgorithm alg) {
        assertEquals(Reason.ISSUER_MISMATCH, refusal(Mint.signer(alg), Mint.claims().issuer("https://evil.example/").build()));
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"ES256K", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87"}, mode = EnumSource.Mode.EXCLUDE)
    void refusesAWrongAudience(JwsAlgorithm alg) {
        assertEquals(Reason.AUDIENCE_MISMATCH, refusal(Mint.signer(alg), Mint.claims().audience("https://other.example").build()));
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"ES256K", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87"}, mode = EnumSource.Mode.EXCLUDE)
    void refusesAnExpiredToken(JwsAlgorithm alg) {
        assertEquals(Reason.EXPIRED, refusal(Mint.signer(alg),
                Mint.claims().expirationTime(Date.from(Mint.NOW.minusSeconds(61))).build()));
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"ES256K", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87"}, mode = EnumSource.Mode.EXCLUDE)
    void refusesATokenNotYetValid(JwsAlgorithm alg) {
        assertEquals(Reason.NOT_YET_VALID, refusal(Mint.signer(alg),
                Mint.claims().notBeforeTime(Date.from(Mint.NOW.plusSeconds(61))).build()));
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"ES256K", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87"}, mode = EnumSource.Mode.EXCLUDE)
    void refusesATokenOfAnotherType(JwsAlgorithm alg) {
        Mint.Signer signer = Mint.signer(alg);
        String token = signer.raw("{\"alg\":\"" + alg.name() + "\",\"typ\":\"logout+jwt\",\"kid\":\"" + signer.kid + "\"}",
                Mint.claims().build().toString());
        assertEquals(Reason.TYPE_MISMATCH,
                assertThrows(JwtVerificationException.class, () -> verifier(signer).verify(token)).reason());
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"RS256", "ES256", "EdDSA", "HS256"})
    void refusesATokenSignedByAnotherKeyWithTheSameKid(JwsAlgorithm alg) {
        Mint.Signer trusted = Mint.signer(alg);
        Mint.Signer impostor = Mint.freshSigner(alg, trusted.kid);
        String token = impostor.mint(Mint.claims().build());
        assertEquals(Reason.INVALID_SIGNATURE,
                assertThrows(JwtVerificationException.class, () -> verifier(trusted).verify(token)).reason());
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"RS256", "ES384", "Ed448"})
    void acceptsFractionalNumericDates(JwsAlgorithm alg) throws Exception {
        Mint.Signer signer = Mint.signer(alg);
        String payload = "{\"iss\":\"" + Mint.ISSUER + "\",\"aud\":\"" + Mint.AUDIENCE + "\",\"exp\":"
                + (Mint.NOW.getEpochSecond() + 10) + ".75}";
        VerifiedJwt jwt = verifier(signer).verify(signer.raw(signer.header(""), payload));
        assertEquals(Instant.ofEpochSecond(Mint.NOW.getEpochSecond() + 10, 750_000_000), jwt.claims().expiresAt().orElseThrow());
    }
}
