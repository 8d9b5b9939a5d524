package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.JwkSet;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.JwtConfigurationException;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Known attacks on JWT verifiers; each must be refused with a typed reason. */
class AttackTest {

    private static final Mint.Signer RSA = Mint.signer(JwsAlgorithm.RS256);
    private static final Mint.Signer EC = Mint.signer(JwsAlgorithm.ES256);
    private static final String CLAIMS = Mint.claims().build().toString();

    private static JwtVerifier.Builder builder(JwkSet keys) {
        return JwtVerifier.builder().issuer(Mint.ISSUER).audience(Mint.AUDIENCE).keys(keys).clock(Mint.clock())
                .cryptoBackend(new JcaCryptoBackend());
    }

    private static Reason refusal(JwtVerifier verifier, String token) {
        JwtVerificationException e = assertThrows(JwtVerificationException.class, () -> verifier.verify(token));
        if (token != null && token.length() > 8) {
            assertFalse(e.getMessage().contains(token), "the message must not contain the token");
        }
        return e.reason();
    }

    private static Reason refusal(String token) {
        return refusal(builder(RSA.keySet()).build(), token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void refusesAlgNoneInAnyCase(String none) {
        String unsecured = Mint.b64("{\"alg\":\"" + none + "\",\"kid\":\"" + RSA.kid + "\"}") + "." + Mint.b64(CLAIMS) + ".";
        assertEquals(Reason.ALGORITHM_NOT_ALLOWED, refusal(unsecured));
        // Even with a signature part that is not empty.
        assertEquals(Reason.ALGORITHM_NOT_ALLOWED, refusal(unsecured + "AAAA"));
    }

    @Test
    void refusesHs256SignedWithTheRsaPublicKeyAsSecret() throws Exception {
        // The classic key-confusion attack: the attacker uses the published public key as an HMAC secret.
        byte[] publicKeyAsSecret = RSA.publicJwkJson().getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(publicKeyAsSecret, "HmacSHA256"));
        String input = Mint.b64("{\"alg\":\"HS256\",\"kid\":\"" + RSA.kid + "\"}") + "." + Mint.b64(CLAIMS);
        String token = input + "." + Mint.b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Reason.ALGORITHM_NOT_ALLOWED, refusal(token));
    }

    @Test
    void listingHs256BesidePublicKeysIsAConfigurationError() {
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class,
                () -> builder(RSA.keySet()).algorithms(JwsAlgorithm.RS256, JwsAlgorithm.HS256).build());
        assertEquals("HS256 is listed in algorithms(..) but keys(..) holds no 'oct' key of at least 256 bits for it",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jwk", "jku", "x5u", "x5c"})
    void neverTakesTheKeyFromTheTokenHeader(String member) {
        Mint.Signer attacker = Mint.freshSigner(JwsAlgorithm.RS256, RSA.kid);
        String value;
        switch (member) {
            case "jwk":
                value = attacker.publicJwkJson();
                break;
            case "x5c":
                value = "[\"MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\"]";
                break;
            default:
                value = "\"https://attacker.example/keys.json\"";
        }
        String token = attacker.raw(attacker.header("\"" + member + "\":" + value), CLAIMS);
        assertEquals(Reason.INVALID_SIGNATURE, refusal(token));
        // And without a kid, so that no configured key is named at all.
        String noKid = attacker.raw("{\"alg\":\"RS256\",\"" + member + "\":" + value + "}", CLAIMS);
        assertEquals(Reason.INVALID_SIGNATURE, refusal(noKid));
    }

    @Test
    void refusesAnUnknownCriticalHeader() {
        String token = RSA.raw(RSA.header("\"crit\":[\"exp\"],\"exp\":1"), CLAIMS);
        assertEquals(Reason.UNSUPPORTED_CRITICAL_HEADER, refusal(token));
    }

    @Test
    void refusesAMalformedCritMember() {
        assertEquals(Reason.MALFORMED, refusal(RSA.raw(RSA.header("\"crit\":[]"), CLAIMS)));
        assertEquals(Reason.MALFORMED, refusal(RSA.raw(RSA.header("\"crit\":\"b64\""), CLAIMS)));
    }

    @Test
    void refusesAnUnencodedPayload() {
        String withCrit = RSA.raw(RSA.header("\"b64\":false,\"crit\":[\"b64\"]"), CLAIMS);
        assertEquals(Reason.UNSUPPORTED_CRITICAL_HEADER, refusal(withCrit));
        String withoutCrit = RSA.raw(RSA.header("\"b64\":false"), CLAIMS);
        assertEquals(Reason.UNSUPPORTED_CRITICAL_HEADER, refusal(withoutCrit));
    }

    @Test
    void refusesADuplicateAlgMember() {
        String token = RSA.raw("{\"alg\":\"RS256\",\"kid\":\"" + RSA.kid + "\",\"alg\":\"none\"}", CLAIMS);
        assertEquals(Reason.MALFORMED, refusal(token));
    }

    @Test
    void refusesAPsychicEcdsaSignature() {
        // CVE-2022-21449: r = s = 0 verified on JDK 15-18 before the April 2022 patch.
        JwtVerifier verifier = builder(EC.keySet()).build();
        String input = Mint.b64(EC.header("")) + "." + Mint.b64(CLAIMS);
        assertEquals(Reason.INVALID_SIGNATURE, refusal(verifier, input + "." + Mint.b64(new byte[64])));
        // r = s = n (the group order), which reduces to zero.
        byte[] n = TestKeys.unsigned(new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16), 32);
        byte[] rs = new byte[64];
        System.arraycopy(n, 0, rs, 0, 32);
        System.arraycopy(n, 0, rs, 32, 32);
        assertEquals(Reason.INVALID_SIGNATURE, refusal(verifier, input + "." + Mint.b64(rs)));
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"RS256", "PS256", "ES256", "ES512", "EdDSA", "Ed448", "HS256"})
    void refusesSignaturesOneByteShortOrLong(JwsAlgorithm alg) {
        Mint.Signer signer = Mint.signer(alg);
        JwtVerifier verifier = builder(signer.keySet()).algorithms(alg).build();
        String token = signer.mint(Mint.claims().build());
        int dot = token.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        String input = token.substring(0, dot + 1);
        assertEquals(Reason.INVALID_SIGNATURE,
                refusal(verifier, input + Mint.b64(Arrays.copyOf(signature, signature.length - 1))));
        assertEquals(Reason.INVALID_SIGNATURE,
                refusal(verifier, input + Mint.b64(Arrays.copyOf(signature, signature.length + 1))));
        byte[] leadingZero = new byte[signature.length + 1];
        System.arraycopy(signature, 0, leadingZero, 1, signature.length);
        assertEquals(Reason.INVALID_SIGNATURE, refusal(verifier, input + Mint.b64(leadingZero)));
    }

    @Test
    void refusesATenMegabyteTokenBeforeReadingIt() {
        StringBuilder huge = new StringBuilder(10 * 1024 * 1024 + 2);
        huge.append("eyJhbGciOiJSUzI1NiJ9.");
        while (huge.length() < 10 * 1024 * 1024) {
            huge.append("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        }
        huge.append('.');
        assertEquals(Reason.TOKEN_TOO_LARGE, refusal(huge.toString()));
    }

    @Test
    void refusesAHundredThousandNestedArraysInAValidlySignedPayload() {
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        String token = RSA.raw(RSA.header(""), "{\"a\":" + nested + "}");
        JwtVerifier verifier = builder(RSA.keySet()).maxTokenLength(JwtVerifier.Builder.MAX_TOKEN_LENGTH).build();
        JwtVerificationException e = assertThrows(JwtVerificationException.class, () -> verifier.verify(token));
        assertEquals(Reason.MALFORMED, e.reason());
        assertTrue(e.getMessage().startsWith("token payload is not valid json"), e.getMessage());
    }

    @Test
    void refusesDeepNestingInTheHeader() {
        String token = RSA.raw("{\"alg\":\"RS256\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}", CLAIMS);
        JwtVerifier verifier = builder(RSA.keySet()).maxTokenLength(JwtVerifier.Builder.MAX_TOKEN_LENGTH).build();
        assertEquals(Reason.MALFORMED, refusal(verifier, token));
    }

    @Test
    void refusesJweAndOtherShapes() {
        assertEquals(Reason.MALFORMED, refusal("a.b.c.d.e"));
        assertEquals(Reason.MALFORMED, refusal("abc.def"));
        assertEquals(Reason.MALFORMED, refusal(""));
        assertEquals(Reason.MALFORMED, refusal(".."));
        assertEquals(Reason.MALFORMED, refusal("eyJhbGciOiJSUzI1NiJ9.e30.a b"));
        assertEquals(Reason.MALFORMED, refusal("eyJhbGciOiJSUzI1NiJ9=.e30.AA"));
        assertEquals(Reason.MALFORMED, refusal("eyJhbGciOiJSUzI1NiJ9.e30.AA\u00e9"));
        assertEquals(Reason.MALFORMED, refusal(null));
    }

    @Test
    void refusesANonCanonicalBase64urlSpellingOfTheSignature() {
        String token = RSA.mint(Mint.claims().build());
        // Flip an unused low bit of the last character: the same bytes for a lenient decoder.
        char last = token.charAt(token.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char twin = alphabet.charAt(alphabet.indexOf(last) ^ 1);
        assertEquals(Reason.MALFORMED, refusal(token.substring(0, token.length() - 1) + twin));
    }

    /**
     * Characters outside ASCII anywhere in a token, including ones whose low byte is a base64url
     * character or a dot (a verifier that narrows chars to bytes would read U+0141 as 'A' and U+012E
     * as '.') and surrogate pairs (one char more than their Latin-1 encoding), are refused as
     * malformed or unverifiable, never accepted, never a crash.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\u0141", "\u012e", "\u00c1", "\ud83d\ude00", "\ud83d", "\ude00", "\u0000", "\uff21"})
    void refusesAnyNonAsciiCharacterInAnyPart(String odd) {
        String token = RSA.mint(Mint.claims().build());
        JwtVerifier verifier = builder(RSA.keySet()).build();
        int dot1 = token.indexOf('.');
        int dot2 = token.indexOf('.', dot1 + 1);
        int[] positions = {0, dot1 - 1, dot1, dot1 + 1, dot1 + 5, dot2 - 1, dot2, dot2 + 1, token.length() - 1, token.length()};
        for (int at : positions) {
            String replaced = token.substring(0, at) + odd + token.substring(Math.min(token.length(), at + 1));
            String inserted = token.substring(0, at) + odd + token.substring(at);
            Reason replacedReason = refusal(verifier, replaced);
            Reason insertedReason = refusal(verifier, inserted);
            assertTrue(replacedReason == Reason.MALFORMED || replacedReason == Reason.INVALID_SIGNATURE,
                    "replaced at " + at + ": " + replacedReason);
            assertTrue(insertedReason == Reason.MALFORMED || insertedReason == Reason.INVALID_SIGNATURE,
                    "inserted at " + at + ": " + insertedReason);
        }
        // The genuine token still passes afterwards: nothing above poisoned the header cache.
        assertEquals(Mint.ISSUER, assertDoesNotThrow(() -> verifier.verify(token)).claims().issuer().orElseThrow());
    }

    @Test
    void refusesAValidlySignedPayloadThatIsNotBase64url() {
        // Signed over the text as it is, so only the decoder can refuse it.
        String header = Mint.b64(RSA.header(""));
        for (String payload : new String[] {Mint.b64(CLAIMS) + "=", Mint.b64(CLAIMS).substring(1) + "!", "e30-\u00e9", "a"}) {
            String input = header + "." + payload;
            String token = input + "." + Mint.b64(RSA.sign(input.getBytes(StandardCharsets.ISO_8859_1)));
            assertEquals(Reason.MALFORMED, refusal(token), payload);
        }
    }
}
