package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.VerifiedJwt;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The claim checks of RFC 7519 section 4.1 and the builder's options, through real signatures. */
class ClaimsValidationTest {

    private static final Mint.Signer SIGNER = Mint.signer(JwsAlgorithm.ES256);
    private static final long NOW = Mint.NOW.getEpochSecond();
    private static final String ISS = "\"iss\":\"" + Mint.ISSUER + "\"";
    private static final String AUD = "\"aud\":\"" + Mint.AUDIENCE + "\"";

    private static JwtVerifier.Builder builder() {
        return JwtVerifier.builder().issuer(Mint.ISSUER).audience(Mint.AUDIENCE).keys(SIGNER.keySet())
                .clock(Mint.clock()).cryptoBackend(new JcaCryptoBackend());
    }

    private static VerifiedJwt verify(UnaryOperator<JwtVerifier.Builder> config, String header, String payload)
            throws JwtVerificationException {
        return config.apply(builder()).build().verify(SIGNER.raw(header, payload));
    }

    private static VerifiedJwt verify(String payload) throws JwtVerificationException {
        return verify(b -> b, SIGNER.header(""), payload);
    }

    private static Reason refusal(UnaryOperator<JwtVerifier.Builder> config, String header, String payload) {
        return assertThrows(JwtVerificationException.class, () -> verify(config, header, payload)).reason();
    }

    private static Reason refusal(String payload) {
        return refusal(b -> b, SIGNER.header(""), payload);
    }

    private static String payload(String... members) {
        return "{" + String.join(",", members) + "}";
    }

    private static String exp(long offset) {
        return "\"exp\":" + (NOW + offset);
    }

    @Test
    void acceptsAValidToken() throws Exception {
        assertEquals(Mint.ISSUER, verify(payload(ISS, AUD, exp(60))).claims().issuer().orElseThrow());
    }

    @Test
    void expiryHonoursTheClockSkewAtItsEdge() throws Exception {
        // Valid while now - skew < exp.
        verify(payload(ISS, AUD, exp(-59)));
        assertEquals(Reason.EXPIRED, refusal(payload(ISS, AUD, exp(-60))));
        assertEquals(Reason.EXPIRED, refusal(b -> b.clockSkew(Duration.ZERO), SIGNER.header(""), payload(ISS, AUD, exp(0))));
        verify(b -> b.clockSkew(Duration.ZERO), SIGNER.header(""), payload(ISS, AUD, exp(1)));
    }

    @Test
    void theExpiryMessageSaysHowLongAgoAndNeverTheToken() {
        JwtVerificationException e = assertThrows(JwtVerificationException.class, () -> verify(payload(ISS, AUD, exp(-4213))));
        assertEquals("token expired 4213 s ago (exp 2026-11-28T08:49:47Z, skew 60 s)", e.getMessage());
    }

    @Test
    void requiresExpUnlessExplicitlyAllowedToBeMissing() throws Exception {
        assertEquals(Reason.MISSING_CLAIM, refusal(payload(ISS, AUD)));
        verify(JwtVerifier.Builder::allowMissingExpiration, SIGNER.header(""), payload(ISS, AUD));
    }

    @Test
    void refusesATokenBeforeItsNotBeforeTime() throws Exception {
        verify(payload(ISS, AUD, exp(600), "\"nbf\":" + (NOW + 60)));
        assertEquals(Reason.NOT_YET_VALID, refusal(payload(ISS, AUD, exp(600), "\"nbf\":" + (NOW + 61))));
    }

    @Test
    void refusesATokenIssuedInTheFuture() throws Exception {
        verify(payload(ISS, AUD, exp(600), "\"iat\":" + (NOW + 60)));
        assertEquals(Reason.ISSUED_IN_FUTURE, refusal(payload(ISS, AUD, exp(600), "\"iat\":" + (NOW + 61))));
    }

    @Test
    void comparesTheIssuerExactly() throws Exception {
        assertEquals(Reason.ISSUER_MISMATCH, refusal(payload("\"iss\":\"https://issuer.example\"", AUD, exp(60))));
        assertEquals(Reason.ISSUER_MISMATCH, refusal(payload("\"iss\":\"HTTPS://issuer.example/\"", AUD, exp(60))));
        assertEquals(Reason.MISSING_CLAIM, refusal(payload(AUD, exp(60))));
        verify(b -> JwtVerifier.builder().ignoreIssuer().audience(Mint.AUDIENCE).keys(SIGNER.keySet())
                .clock(Mint.clock()).cryptoBackend(new JcaCryptoBackend()), SIGNER.header(""), payload(AUD, exp(60)));
    }

    @Test
    void acceptsAnyOfSeveralAudiencesInAStringOrAnArray() throws Exception {
        UnaryOperator<JwtVerifier.Builder> two = b -> b.audience("https://a.example", Mint.AUDIENCE);
        verify(two, SIGNER.header(""), payload(ISS, AUD, exp(60)));
        verify(two, SIGNER.header(""), payload(ISS, "\"aud\":[\"x\",\"https://a.example\"]", exp(60)));
        assertEquals(Reason.AUDIENCE_MISMATCH, refusal(two, SIGNER.header(""), payload(ISS, "\"aud\":[\"x\",\"y\"]", exp(60))));
        assertEquals(Reason.AUDIENCE_MISMATCH, refusal(payload(ISS, "\"aud\":[]", exp(60))));
        assertEquals(Reason.MISSING_CLAIM, refusal(payload(ISS, exp(60))));
        verify(b -> JwtVerifier.builder().issuer(Mint.ISSUER).ignoreAudience().keys(SIGNER.keySet())
                .clock(Mint.clock()).cryptoBackend(new JcaCryptoBackend()), SIGNER.header(""), payload(ISS, exp(60)));
    }

    @Test
    void aWronglyTypedRegisteredClaimIsInvalid() {
        assertEquals(Reason.INVALID_CLAIM, refusal(payload(ISS, AUD, "\"exp\":\"" + (NOW + 60) + "\"")));
        assertEquals(Reason.INVALID_CLAIM, refusal(payload(ISS, AUD, exp(60), "\"nbf\":true")));
        assertEquals(Reason.INVALID_CLAIM, refusal(payload("\"iss\":42", AUD, exp(60))));
        assertEquals(Reason.INVALID_CLAIM, refusal(payload(ISS, "\"aud\":[1]", exp(60))));
    }

    @Test
    void thePayloadMustBeAJsonObject() {
        assertEquals(Reason.MALFORMED, refusal("[1,2]"));
        assertEquals(Reason.MALFORMED, refusal("not json"));
        assertEquals(Reason.MALFORMED, refusal(payload(ISS, ISS, AUD, exp(60))));
    }

    @Test
    void acceptsTypJwtInAnySpellingOrNoTypByDefault() throws Exception {
        String p = payload(ISS, AUD, exp(60));
        verify(b -> b, "{\"alg\":\"ES256\",\"kid\":\"" + SIGNER.kid + "\"}", p);
        verify(b -> b, "{\"alg\":\"ES256\",\"typ\":\"jwt\",\"kid\":\"" + SIGNER.kid + "\"}", p);
        verify(b -> b, "{\"alg\":\"ES256\",\"typ\":\"application/JWT\",\"kid\":\"" + SIGNER.kid + "\"}", p);
        assertEquals(Reason.TYPE_MISMATCH, refusal(b -> b, "{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"" + SIGNER.kid + "\"}", p));
        assertEquals(Reason.MALFORMED, refusal(b -> b, "{\"alg\":\"ES256\",\"typ\":7,\"kid\":\"" + SIGNER.kid + "\"}", p));
    }

    @Test
    void requiresTheConfiguredTypeByRfc7515Comparison() throws Exception {
        String p = payload(ISS, AUD, exp(60));
        UnaryOperator<JwtVerifier.Builder> at = b -> b.type("at+jwt");
        verify(at, "{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"" + SIGNER.kid + "\"}", p);
        verify(at, "{\"alg\":\"ES256\",\"typ\":\"application/AT+JWT\",\"kid\":\"" + SIGNER.kid + "\"}", p);
        assertEquals(Reason.TYPE_MISMATCH, refusal(at, "{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"" + SIGNER.kid + "\"}", p));
        assertEquals(Reason.TYPE_MISMATCH, refusal(at, "{\"alg\":\"ES256\",\"kid\":\"" + SIGNER.kid + "\"}", p));
    }

    @Test
    void requiresTheConfiguredClaims() throws Exception {
        UnaryOperator<JwtVerifier.Builder> req = b -> b.requireClaims("sub", "jti");
        verify(req, SIGNER.header(""), payload(ISS, AUD, exp(60), "\"sub\":\"u\"", "\"jti\":\"1\""));
        assertEquals(Reason.MISSING_CLAIM, refusal(req, SIGNER.header(""), payload(ISS, AUD, exp(60), "\"sub\":\"u\"")));
        assertEquals(Reason.MISSING_CLAIM, refusal(req, SIGNER.header(""), payload(ISS, AUD, exp(60), "\"sub\":\"u\"", "\"jti\":null")));
    }

    @Test
    void runsCustomValidatorsInOrder() throws Exception {
        UnaryOperator<JwtVerifier.Builder> scope = b -> b.validator((header, claims) -> {
            if (!claims.getString("scope").orElse("").contains("read")) {
                throw new JwtVerificationException(Reason.INVALID_CLAIM, "scope lacks read");
            }
        });
        verify(scope, SIGNER.header(""), payload(ISS, AUD, exp(60), "\"scope\":\"read write\""));
        JwtVerificationException e = assertThrows(JwtVerificationException.class,
                () -> verify(scope, SIGNER.header(""), payload(ISS, AUD, exp(60), "\"scope\":\"write\"")));
        assertEquals(Reason.INVALID_CLAIM, e.reason());
        assertEquals("scope lacks read", e.getMessage());
    }

    @Test
    void aValidatorThatCrashesRefusesTheToken() {
        UnaryOperator<JwtVerifier.Builder> crashing = b -> b.validator((header, claims) -> {
            throw new IllegalStateException("bug");
        });
        JwtVerificationException e = assertThrows(JwtVerificationException.class,
                () -> verify(crashing, SIGNER.header(""), payload(ISS, AUD, exp(60))));
        assertEquals(Reason.INVALID_CLAIM, e.reason());
        assertTrue(e.getCause() instanceof IllegalStateException);
    }

    @Test
    void claimsAreCheckedOnlyAfterTheSignature() {
        // An expired token with a bad signature must say INVALID_SIGNATURE: nothing unverified is trusted.
        String token = SIGNER.raw(SIGNER.header(""), payload(ISS, AUD, exp(-1000)));
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + Mint.b64(new byte[64]);
        assertEquals(Reason.INVALID_SIGNATURE, assertThrows(JwtVerificationException.class,
                () -> builder().build().verify(forged)).reason());
    }
}
