package dev.sigil.jwt;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.JwsAlgorithm;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parts wired together by JwtVerifier.verify, in their order, with a JDK test backend. */
class JwtVerifierPipelineTest {

    private static final long NOW = 1_700_000_000L;
    private static final Jwk KEY = JdkTestBackend.secret("k1", null, 32, 7);
    private static final Jwk OTHER = JdkTestBackend.secret("k1", null, 32, 8);
    private static final String CLAIMS = "{\"iss\":\"https://i/\",\"aud\":\"api\",\"exp\":" + (NOW + 60) + "}";

    private final JdkTestBackend backend = new JdkTestBackend(JwsAlgorithm.HS256, JwsAlgorithm.RS256);
    private final JwtVerifier verifier = JwtVerifier.builder().issuer("https://i/").audience("api")
            .keys(JwkSet.of(KEY)).algorithms(JwsAlgorithm.HS256).cryptoBackend(backend).jsonCodec(new BuiltinJsonCodec())
            .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).build();

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A token of these parts, signed with {@code signer} as the JDK test backend expects. */
    private static String token(String encodedHeader, String encodedPayload, Jwk signer) {
        String signed = encodedHeader + "." + encodedPayload;
        return signed + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JdkTestBackend.signatureFor(signer, signed.getBytes(StandardCharsets.US_ASCII), signed.length()));
    }

    private static String token(String header, String claims) {
        return token(b64(header), b64(claims), KEY);
    }

    private Reason refusal(String token) {
        return assertThrows(JwtVerificationException.class, () -> verifier.verify(token)).reason();
    }

    @Test
    void verifiesAGoodToken() throws Exception {
        VerifiedJwt jwt = verifier.verify(token("{\"alg\":\"HS256\",\"kid\":\"k1\"}", CLAIMS));
        assertEquals(JwsAlgorithm.HS256, jwt.header().algorithm());
        assertEquals("https://i/", jwt.claims().issuer().orElseThrow());
        assertEquals(List.of("api"), jwt.claims().audience());
        assertEquals(1, backend.calls.size());
    }

    @Test
    void whatVerifiesReadsBackAsStringsEverywhereAndTheSameAsJson() throws Exception {
        // Plain, escaped and non-ASCII strings at every depth: the reader keeps only the plain ones
        // unmade, and nothing an application reads after verify may be anything but the String.
        String claims = "{\"iss\":\"https:\\/\\/i\\/\",\"aud\":[\"x\",\"api\"],\"exp\":" + (NOW + 60)
                + ",\"sub\":\"caf\u00e9\",\"scope\":\"read write\",\"nested\":{\"a\":[\"b\",{\"c\":\"d\"}]}}";
        JwtClaims verified = verifier.verify(token("{\"alg\":\"HS256\",\"kid\":\"k1\"}", claims)).claims();
        assertEquals("https://i/", verified.issuer().orElseThrow());
        assertEquals("caf\u00e9", verified.subject().orElseThrow());
        assertEquals(List.of("x", "api"), verified.audience());
        assertEquals("read write", verified.getString("scope").orElseThrow());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("iss", "https://i/");
        expected.put("aud", List.of("x", "api"));
        expected.put("exp", NOW + 60);
        expected.put("sub", "caf\u00e9");
        expected.put("scope", "read write");
        expected.put("nested", Map.of("a", List.of("b", Map.of("c", "d"))));
        assertEquals(expected, verified.asMap());
        assertEquals(expected.toString(), verified.asMap().toString());
    }

    @Test
    void reusesTheLastAcceptedHeaderForTheSameHeaderText() throws Exception {
        String header = "{\"alg\":\"HS256\",\"kid\":\"k1\"}";
        JoseHeader first = verifier.verify(token(header, CLAIMS)).header();
        JoseHeader second = verifier.verify(token(header, "{\"iss\":\"https://i/\",\"aud\":\"api\",\"exp\":" + (NOW + 30) + "}")).header();
        assertSame(first, second);
        JoseHeader third = verifier.verify(token("{\"kid\":\"k1\",\"alg\":\"HS256\"}", CLAIMS)).header();
        assertNotSame(first, third);
        assertEquals(first.asMap(), third.asMap());
    }

    @Test
    void aRefusedHeaderIsRefusedEveryTimeAndNeverReachesTheBackend() {
        String none = token("{\"alg\":\"none\"}", CLAIMS);
        assertEquals(Reason.ALGORITHM_NOT_ALLOWED, refusal(none));
        assertEquals(Reason.ALGORITHM_NOT_ALLOWED, refusal(none));
        // Supported by the backend, not allowed by the verifier.
        assertEquals(Reason.ALGORITHM_NOT_ALLOWED, refusal(token("{\"alg\":\"RS256\"}", CLAIMS)));
        assertEquals(0, backend.calls.size());
    }

    @Test
    void theShapeIsCheckedFirst() {
        assertEquals(Reason.MALFORMED, refusal(null));
        assertEquals(Reason.MALFORMED, refusal("a.b"));
        assertEquals(Reason.TOKEN_TOO_LARGE, refusal("a." + "b".repeat(16 * 1024) + ".c"));
    }

    @Test
    void thePayloadIsReadOnlyOnceTheSignatureIsGood() {
        String header = b64("{\"alg\":\"HS256\",\"kid\":\"k1\"}");
        assertEquals(Reason.INVALID_SIGNATURE, refusal(token(header, "not*base64", OTHER)));
        assertEquals(Reason.MALFORMED, refusal(token(header, "not*base64", KEY)));
    }

    /**
     * The backend reads the signing input by taking each char's low byte, so a char 0x100 above a
     * base64url char passes there for that char, and a MAC over the ASCII text verifies. The
     * verifier still refuses the token: it reads the header and the payload from the chars, and
     * accepts nothing before both have been. A malformed signature is refused before any key is asked for.
     */
    @Test
    void aCharThatNarrowsToTheSignedByteIsRefusedWhereTheTextIsRead() {
        String header = b64("{\"alg\":\"HS256\",\"kid\":\"k1\"}");
        String payload = b64(CLAIMS);
        String good = token(header, payload, KEY);
        String signature = good.substring(good.lastIndexOf('.'));
        for (int at : new int[] {0, 7, payload.length() - 1}) {
            String lifted = payload.substring(0, at) + (char) (payload.charAt(at) + 0x100) + payload.substring(at + 1);
            assertEquals(Reason.MALFORMED, refusal(header + "." + lifted + signature), "payload char " + at);
        }
        for (int at : new int[] {0, 5, header.length() - 1}) {
            String lifted = header.substring(0, at) + (char) (header.charAt(at) + 0x100) + header.substring(at + 1);
            assertEquals(Reason.MALFORMED, refusal(lifted + "." + payload + signature), "header char " + at);
        }
        // The same signature spelled with a lifted char, or padded, is malformed, and no key is used for it.
        int calls = backend.calls.size();
        String encoded = signature.substring(1);
        assertEquals(Reason.MALFORMED, refusal(header + "." + payload + "." + (char) (encoded.charAt(0) + 0x100)
                + encoded.substring(1)));
        assertEquals(Reason.MALFORMED, refusal(header + "." + payload + "." + encoded + "="));
        assertEquals(calls, backend.calls.size());
        // And the token as signed still verifies, after all that.
        assertEquals(Reason.INVALID_SIGNATURE, refusal(token(header, payload, OTHER)));
        assertEquals("https://i/", assertDoesNotThrow(() -> verifier.verify(good)).claims().issuer().orElseThrow());
    }

    /**
     * A signature as long as ML-DSA's is decoded from one copy of the whole token: any char that
     * copy cannot hold (above U+00FF, a surrogate pair) is refused with a reason, never a crash and
     * never as the byte it narrows to.
     */
    @Test
    void aLongSignatureWithForeignCharsIsRefusedWithAReason() {
        String header = b64("{\"alg\":\"HS256\",\"kid\":\"k1\"}");
        String payload = b64(CLAIMS);
        String longSignature = "A".repeat(3227);
        for (String foreign : new String[] {"\u0141", "\ud83d\ude00", "\uff21"}) {
            String inSignature = header + "." + payload + "." + longSignature.substring(0, 100) + foreign
                    + longSignature.substring(101);
            assertEquals(Reason.MALFORMED, refusal(inSignature));
            String inPayload = header + "." + payload.substring(0, 5) + foreign + payload.substring(6) + "." + longSignature;
            // The signature is judged before the payload is read: 3,227 chars are no HS256 MAC.
            assertEquals(Reason.INVALID_SIGNATURE, refusal(inPayload));
        }
        assertEquals(Reason.INVALID_SIGNATURE, refusal(header + "." + payload + "." + longSignature));
    }

    @Test
    void theClaimsAreJudgedOnlyOnceTheSignatureIsGood() {
        String expired = "{\"iss\":\"https://i/\",\"aud\":\"api\",\"exp\":" + (NOW - 120) + "}";
        String header = b64("{\"alg\":\"HS256\"}");
        assertEquals(Reason.INVALID_SIGNATURE, refusal(token(header, b64(expired), OTHER)));
        assertEquals(Reason.EXPIRED, refusal(token(header, b64(expired), KEY)));
    }

    @Test
    void aKidTheStaticKeysLackIsNotFound() {
        assertEquals(Reason.KEY_NOT_FOUND, refusal(token("{\"alg\":\"HS256\",\"kid\":\"k2\"}", CLAIMS)));
        assertEquals(0, backend.calls.size());
    }
}
