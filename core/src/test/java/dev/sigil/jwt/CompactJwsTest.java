package dev.sigil.jwt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.internal.codec.Base64Url;
import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.jwt.CompactJws.AcceptedHeader;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JwsAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CompactJwsTest {

    private final CompactJws jws = new CompactJws(new BuiltinJsonCodec(), 200, 2, 3);

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static final String HEADER = b64("{\"alg\":\"HS256\",\"kid\":\"k1\"}");
    private static final String PAYLOAD = b64("{\"sub\":\"u\",\"n\":[1,[2]]}");
    private static final String SIGNATURE = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {1, 2, 3, -1});
    private static final String TOKEN = HEADER + "." + PAYLOAD + "." + SIGNATURE;
    private static final int DOT1 = HEADER.length();
    private static final int DOT2 = DOT1 + 1 + PAYLOAD.length();

    private static void assertMalformed(String message, Executable executable) {
        JwtVerificationException e = assertThrows(JwtVerificationException.class, executable);
        assertEquals(Reason.MALFORMED, e.reason());
        assertEquals(message, e.getMessage());
    }

    private static void assertMalformedStartingWith(String prefix, Executable executable) {
        JwtVerificationException e = assertThrows(JwtVerificationException.class, executable);
        assertEquals(Reason.MALFORMED, e.reason());
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }

    @Test
    void findsTheHeadersEndInAThreePartToken() throws Exception {
        assertEquals(DOT1, jws.headerEnd(TOKEN));
        assertEquals(DOT2, TOKEN.lastIndexOf('.'));
        // An empty payload and an empty signature are judged where they are read, not here.
        assertEquals(1, jws.headerEnd("a.."));
    }

    @Test
    void refusesANullTokenAndOneOverTheLimitBeforeLookingAtIt() throws Exception {
        assertMalformed("token is null", () -> jws.headerEnd(null));
        String longest = "a." + "b".repeat(196) + ".c";
        assertEquals(1, jws.headerEnd(longest));
        JwtVerificationException e = assertThrows(JwtVerificationException.class, () -> jws.headerEnd(longest + "c"));
        assertEquals(Reason.TOKEN_TOO_LARGE, e.reason());
        assertEquals("token is 201 chars, more than the limit of 200", e.getMessage());
    }

    @Test
    void requiresExactlyThreePartsAndAHeader() {
        assertMalformed("token does not have three dot-separated parts", () -> jws.headerEnd("abc"));
        assertMalformed("token does not have three dot-separated parts", () -> jws.headerEnd("a.b"));
        assertMalformed("token has more than three parts (JWE and JSON serializations are not supported)",
                () -> jws.headerEnd("a.b.c.d.e"));
        assertMalformed("token has more than three parts (JWE and JSON serializations are not supported)",
                () -> jws.headerEnd("a.b.c."));
        assertMalformed("token header is empty", () -> jws.headerEnd(".b.c"));
    }

    @Test
    void decodesAndParsesTheHeader() throws Exception {
        Map<String, Object> header = jws.header(TOKEN, DOT1);
        assertEquals(Map.of("alg", "HS256", "kid", "k1"), header);
    }

    @Test
    void aHeaderThatIsNotBase64urlJsonOfAnObjectIsMalformed() {
        assertMalformedStartingWith("token header is not valid base64url: ", () -> jws.header("e+J9.b.c", 4));
        assertMalformedStartingWith("token header is not valid json: ", () -> jws.header(b64("{\"alg\"") + ".b.c", 8));
        String array = b64("[1]");
        assertMalformed("token header is not a json object", () -> jws.header(array + ".b.c", array.length()));
    }

    @Test
    void theHeaderHasItsOwnDepthLimit() throws Exception {
        String two = b64("{\"a\":{}}");
        assertEquals(Map.of("a", Map.of()), jws.header(two + ".b.c", two.length()));
        String three = b64("{\"a\":{\"b\":{}}}");
        assertMalformedStartingWith("token header is not valid json: ", () -> jws.header(three + ".b.c", three.length()));
    }

    @Test
    void aCodecThatCrashesMakesTheTokenMalformedNotTheCallerCrash() {
        CompactJws crashing = new CompactJws(new CrashingCodec(), 200, 2, 3);
        assertMalformed("json codec 'crashing' failed on the token header: IllegalStateException",
                () -> crashing.header(TOKEN, DOT1));
        byte[] buffer = CompactJws.signingInput(TOKEN, DOT2);
        assertMalformed("json codec 'crashing' failed on the token payload: IllegalStateException",
                () -> crashing.payload(TOKEN, DOT1, DOT2, buffer));
    }

    private byte[] signature(String token) throws JwtVerificationException {
        int dot2 = token.lastIndexOf('.');
        return jws.signature(token, dot2, CompactJws.signingInput(token, dot2));
    }

    @Test
    void decodesTheSignature() throws Exception {
        assertArrayEquals(new byte[] {1, 2, 3, -1}, signature(TOKEN));
        assertArrayEquals(new byte[0], signature("a.b."));
        assertMalformedStartingWith("token signature is not valid base64url: ", () -> signature("a.b.c*"));
    }

    /**
     * Behind a signature as long as ML-DSA's, the signing input is the whole token and the
     * signature is decoded from it. Every flaw is refused as the chars themselves are, with the
     * same message, including chars that narrowing would turn into the alphabet (U+0141 into 'A'),
     * and the bytes before the second dot are still the signing input.
     */
    @Test
    void aLongSignatureIsDecodedFromTheWholeTokensBytesExactlyAsFromItsChars() throws Exception {
        CompactJws roomy = new CompactJws(new BuiltinJsonCodec(), 20_000, 2, 3);
        Random random = new Random(5);
        // 1,020 to 1,026 chars around where the JDK's decoder starts, then ML-DSA-44's and -65's.
        for (int size : new int[] {765, 766, 767, 768, 769, 2420, 3309}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            String clean = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            int n = clean.length();
            String token = HEADER + "." + PAYLOAD + "." + clean;
            byte[] signed = CompactJws.signingInput(token, DOT2);
            assertEquals(token.length(), signed.length);
            assertArrayEquals((HEADER + "." + PAYLOAD).getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(signed, DOT2));
            assertArrayEquals(bytes, roomy.signature(token, DOT2, signed));
            for (String flaw : new String[] {"\u0141", "\u012d", "=", "+", "\u00e9", "\uff21", " "}) {
                for (int at : new int[] {0, clean.length() / 2, clean.length() - 1}) {
                    String bad = HEADER + "." + PAYLOAD + "." + clean.substring(0, at) + flaw + clean.substring(at + 1);
                    IllegalArgumentException expected = assertThrows(IllegalArgumentException.class,
                            () -> Base64Url.decodeInto(bad, DOT2 + 1, bad.length(), new byte[n], 0));
                    assertMalformed("token signature is not valid base64url: " + expected.getMessage(),
                            () -> roomy.signature(bad, DOT2, CompactJws.signingInput(bad, DOT2)));
                }
            }
            // A char above U+00FF in the payload is still refused where the payload is read.
            String foreign = HEADER + "." + PAYLOAD.substring(0, 4) + "\u0141" + PAYLOAD.substring(5) + "." + clean;
            byte[] foreignSigned = CompactJws.signingInput(foreign, DOT2);
            assertArrayEquals(bytes, roomy.signature(foreign, DOT2, foreignSigned));
            assertMalformedStartingWith("token payload is not valid base64url: ",
                    () -> roomy.payload(foreign, DOT1, DOT2, foreignSigned));
            // A surrogate pair, which ISO-8859-1 makes one '?': the copy stays aligned with the chars.
            String pair = HEADER + "." + PAYLOAD.substring(0, 4) + "\ud83d\ude00" + PAYLOAD.substring(6) + "." + clean;
            byte[] pairSigned = CompactJws.signingInput(pair, DOT2);
            assertEquals(DOT2, pairSigned.length);
            assertArrayEquals(bytes, roomy.signature(pair, DOT2, pairSigned));
            assertMalformedStartingWith("token payload is not valid base64url: ",
                    () -> roomy.payload(pair, DOT1, DOT2, pairSigned));
            String pairInSignature = HEADER + "." + PAYLOAD + "." + clean.substring(0, 8) + "\ud83d\ude00" + clean.substring(10);
            assertMalformedStartingWith("token signature is not valid base64url: ",
                    () -> roomy.signature(pairInSignature, DOT2, CompactJws.signingInput(pairInSignature, DOT2)));
            // The last char's unused bits set.
            if ((n & 3) != 0) {
                String bad = token.substring(0, token.length() - 1) + (token.endsWith("B") ? "C" : "B");
                assertMalformedStartingWith("token signature is not valid base64url: non-canonical",
                        () -> roomy.signature(bad, DOT2, CompactJws.signingInput(bad, DOT2)));
            }
        }
    }

    @Test
    void theSigningInputIsTheTokenUpToTheSecondDotInACopyOfTheWholeToken() {
        byte[] signed = CompactJws.signingInput(TOKEN, DOT2);
        assertArrayEquals(TOKEN.getBytes(StandardCharsets.US_ASCII), signed);
        assertArrayEquals((HEADER + "." + PAYLOAD).getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(signed, DOT2));
    }

    /**
     * A signature the backend reads from the chars is checked first, whole: every flaw is refused
     * with the message decoding gives, and a canonical one passes.
     */
    @Test
    void checksASignatureTheBackendWillReadWithDecodingsVerdict() throws Exception {
        Random random = new Random(9);
        for (int size : new int[] {0, 1, 2, 3, 32, 64, 256, 512, 765}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            String clean = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            jws.checkSignature(HEADER + "." + PAYLOAD + "." + clean, DOT2);
            List<String> flawed = new ArrayList<>();
            for (String flaw : new String[] {"\u0141", "\u012d", "=", "+", "/", "\u00e9", "\uff21", " ", "\ud83d"}) {
                for (int at : new int[] {0, clean.length() / 2, clean.length() - 1}) {
                    if (at >= 0 && at < clean.length()) {
                        flawed.add(clean.substring(0, at) + flaw + clean.substring(at + 1));
                    }
                }
            }
            flawed.add(clean + "=");
            // A length no base64url text has.
            flawed.add(clean + "A".repeat((1 - clean.length()) & 3));
            if ((clean.length() & 3) > 1) {
                flawed.add(clean.substring(0, clean.length() - 1) + (clean.endsWith("B") ? "C" : "B"));
            }
            for (String signature : flawed) {
                String bad = HEADER + "." + PAYLOAD + "." + signature;
                IllegalArgumentException expected = assertThrows(IllegalArgumentException.class,
                        () -> Base64Url.decode(bad, DOT2 + 1, bad.length()), signature);
                assertMalformed("token signature is not valid base64url: " + expected.getMessage(),
                        () -> jws.checkSignature(bad, DOT2));
            }
        }
    }

    @Test
    void decodesThePayloadIntoAnArrayOfItsOwnWithoutABuffer() throws Exception {
        Map<String, Object> claims = jws.payload(TOKEN, DOT1, DOT2, null);
        assertEquals("u", claims.get("sub"));
        String foreign = HEADER + "." + PAYLOAD.substring(0, 4) + "\u0141" + PAYLOAD.substring(5) + "." + SIGNATURE;
        assertMalformedStartingWith("token payload is not valid base64url: ", () -> jws.payload(foreign, DOT1, DOT2, null));
        // 33 chars: no base64url text has that length, so no array of the decoded length can be made.
        String impossible = HEADER + "." + PAYLOAD + "AA." + SIGNATURE;
        int dot2 = impossible.lastIndexOf('.');
        assertEquals(33, dot2 - DOT1 - 1);
        assertMalformed("token payload is not valid base64url: base64url text of length 33 is impossible",
                () -> jws.payload(impossible, DOT1, dot2, null));
    }

    @Test
    void decodesThePayloadOverTheSigningInput() throws Exception {
        byte[] buffer = CompactJws.signingInput(TOKEN, DOT2);
        Map<String, Object> claims = jws.payload(TOKEN, DOT1, DOT2, buffer);
        assertEquals("u", claims.get("sub"));
        byte[] json = "{\"sub\":\"u\",\"n\":[1,[2]]}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(json, Arrays.copyOf(buffer, json.length));
    }

    @Test
    void readsThePayloadFromTheTokensCharsNotFromTheSigningInput() {
        // U+0141 narrows to 'A' (0x41) in the signing input, but is no base64url char.
        String token = HEADER + "." + PAYLOAD.substring(0, 4) + "\u0141" + PAYLOAD.substring(5) + "." + SIGNATURE;
        byte[] buffer = CompactJws.signingInput(token, DOT2);
        assertMalformedStartingWith("token payload is not valid base64url: ", () -> jws.payload(token, DOT1, DOT2, buffer));
    }

    @Test
    void aPayloadThatIsNotJsonOfAnObjectWithinTheClaimsDepthIsMalformed() {
        String array = b64("[]");
        String tooDeep = b64("{\"a\":[[[]]]}");
        String notArray = HEADER + "." + array + "." + SIGNATURE;
        String deep = HEADER + "." + tooDeep + "." + SIGNATURE;
        assertMalformed("token payload is not a json object",
                () -> jws.payload(notArray, DOT1, notArray.lastIndexOf('.'), CompactJws.signingInput(notArray, notArray.lastIndexOf('.'))));
        assertMalformedStartingWith("token payload is not valid json: ",
                () -> jws.payload(deep, DOT1, deep.lastIndexOf('.'), CompactJws.signingInput(deep, deep.lastIndexOf('.'))));
    }

    @Test
    void reusesTheLastAcceptedHeaderOnlyForExactlyTheSameText() {
        JoseHeader header = new JoseHeader(Map.of(), JwsAlgorithm.HS256, "k1", null);
        AcceptedHeader last = new AcceptedHeader(HEADER, header);
        assertSame(header, CompactJws.reuse(last, TOKEN, DOT1));
        assertNull(CompactJws.reuse(null, TOKEN, DOT1));
        // The same length, one char changed.
        String changed = "f" + TOKEN.substring(1);
        assertNull(CompactJws.reuse(last, changed, DOT1));
        // A header that starts with the accepted one but is longer.
        String longer = HEADER + "AA" + TOKEN.substring(DOT1);
        assertNull(CompactJws.reuse(last, longer, DOT1 + 2));
        assertNull(CompactJws.reuse(last, TOKEN.substring(1), DOT1 - 1));
        // A header that is a prefix of the accepted one.
        assertNull(CompactJws.reuse(new AcceptedHeader(HEADER + "AA", header), TOKEN, DOT1));
    }

    /** A third-party codec with a bug. */
    private static final class CrashingCodec implements JsonCodec {
        @Override
        public String name() {
            return "crashing";
        }

        @Override
        public int priority() {
            return 0;
        }

        @Override
        public Object parse(byte[] utf8, int off, int len, JsonLimits limits) {
            throw new IllegalStateException("bug");
        }

        @Override
        public byte[] write(Object value, boolean indent) {
            throw new UnsupportedOperationException();
        }
    }
}
