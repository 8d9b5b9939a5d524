package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The JWS examples of RFC 7515, RFC 7520, RFC 8037 and RFC 7797 (see {@code rfc/README.md}): each
 * valid one verifies, each invalid one is refused, and every single-bit change to a valid one is
 * refused with the reason that names what changed.
 */
class RfcExamplesTest {

    // Before the 2011 "exp" of the RFC 7515 examples.
    private static final Clock BEFORE_EXPIRY = Clock.fixed(Instant.ofEpochSecond(1300819380L - 3600), ZoneOffset.UTC);
    private static final Set<Reason> HEADER_REASONS = EnumSet.of(Reason.MALFORMED, Reason.UNSUPPORTED_ALGORITHM,
            Reason.ALGORITHM_NOT_ALLOWED, Reason.TYPE_MISMATCH, Reason.UNSUPPORTED_CRITICAL_HEADER, Reason.KEY_NOT_FOUND);

    private record Example(String source, String alg, Map<String, Object> jwk, String jws, String payload, boolean valid) {
        @Override
        public String toString() {
            return source + " " + alg;
        }
    }

    private static List<Example> examples() throws IOException, ParseException {
        try (InputStream in = RfcExamplesTest.class.getResourceAsStream("/rfc/rfc-examples.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Object> entries = JSONObjectUtils.parse("{\"e\":" + json + "}").get("e") instanceof List<?> l
                    ? new ArrayList<>(l) : List.of();
            List<Example> out = new ArrayList<>();
            for (Object o : entries) {
                @SuppressWarnings("unchecked")
                Map<String, Object> e = (Map<String, Object>) o;
                @SuppressWarnings("unchecked")
                Map<String, Object> jwk = (Map<String, Object>) e.get("jwk");
                out.add(new Example((String) e.get("source"), (String) e.get("alg"), jwk, (String) e.get("jws"),
                        (String) e.get("payload"), (Boolean) e.get("valid")));
            }
            assertEquals(12, out.size(), "the example file changed");
            return out;
        }
    }

    private static JwtVerifier verifier(Example example) {
        JwsAlgorithm alg = "none".equals(example.alg) ? JwsAlgorithm.RS256 : JwsAlgorithm.fromName(example.alg);
        return JwtVerifier.builder()
                .ignoreIssuer()
                .ignoreAudience()
                .allowMissingExpiration()
                .algorithms(alg)
                .keys(JwkSet.of(Jwk.of(example.jwk)))
                .clock(BEFORE_EXPIRY)
                .cryptoBackend(new JcaCryptoBackend())
                .build();
    }

    /**
     * Verifies a token whose signature is expected to be good. Most RFC payloads are text, not JWT
     * claims: those verify their signature and are then refused, and only then, as a payload that is
     * not a JSON object.
     */
    private static void assertSignatureVerifies(JwtVerifier verifier, Example example, String token) throws Exception {
        if (example.payload.startsWith("{")) {
            assertEquals(parse(example.payload), verifier.verify(token).claims().asMap());
        } else {
            JwtVerificationException e = assertThrows(JwtVerificationException.class, () -> verifier.verify(token));
            assertEquals(Reason.MALFORMED, e.reason(), e.getMessage());
            assertTrue(e.getMessage().startsWith("token payload is not"), e.getMessage());
        }
    }

    private static Map<String, Object> parse(String json) throws ParseException {
        Map<String, Object> map = JSONObjectUtils.parse(json);
        // Nimbus reads integers as Long, as Sigil does.
        return map;
    }

    private static Reason refusal(JwtVerifier verifier, String token) {
        return assertThrows(JwtVerificationException.class, () -> verifier.verify(token)).reason();
    }

    @TestFactory
    Stream<DynamicTest> validExamplesVerify() throws Exception {
        return examples().stream().filter(Example::valid)
                .map(e -> dynamicTest(e.toString(), () -> assertSignatureVerifies(verifier(e), e, e.jws)));
    }

    @TestFactory
    Stream<DynamicTest> invalidExamplesAreRefused() throws Exception {
        return examples().stream().filter(e -> !e.valid).map(e -> dynamicTest(e.toString(), () -> {
            Reason reason = refusal(verifier(e), e.jws);
            assertEquals("none".equals(e.alg) ? Reason.ALGORITHM_NOT_ALLOWED : Reason.UNSUPPORTED_CRITICAL_HEADER, reason);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyBitOfTheSignatureIsCovered() throws Exception {
        return examples().stream().filter(Example::valid).map(e -> dynamicTest(e.toString(), () -> {
            JwtVerifier verifier = verifier(e);
            String[] parts = e.jws.split("\\.", -1);
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            for (int bit = 0; bit < signature.length * 8; bit++) {
                String token = parts[0] + "." + parts[1] + "." + Mint.b64(Mint.flip(signature, bit));
                assertEquals(Reason.INVALID_SIGNATURE, refusal(verifier, token), "bit " + bit);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyBitOfThePayloadIsCovered() throws Exception {
        return examples().stream().filter(Example::valid).map(e -> dynamicTest(e.toString(), () -> {
            JwtVerifier verifier = verifier(e);
            String[] parts = e.jws.split("\\.", -1);
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            for (int bit = 0; bit < payload.length * 8; bit++) {
                String token = parts[0] + "." + Mint.b64(Mint.flip(payload, bit)) + "." + parts[2];
                // The signature is checked before the payload is even parsed.
                assertEquals(Reason.INVALID_SIGNATURE, refusal(verifier, token), "bit " + bit);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyBitOfTheHeaderIsCovered() throws Exception {
        return examples().stream().filter(Example::valid).map(e -> dynamicTest(e.toString(), () -> {
            JwtVerifier verifier = verifier(e);
            String[] parts = e.jws.split("\\.", -1);
            byte[] header = Base64.getUrlDecoder().decode(parts[0]);
            Map<String, Object> original = JSONObjectUtils.parse(new String(header, StandardCharsets.UTF_8));
            for (int bit = 0; bit < header.length * 8; bit++) {
                byte[] flipped = Mint.flip(header, bit);
                String token = Mint.b64(flipped) + "." + parts[1] + "." + parts[2];
                Reason reason = refusal(verifier, token);
                Map<String, Object> parsed = parseOrNull(flipped);
                if (parsed == null) {
                    assertEquals(Reason.MALFORMED, reason, "bit " + bit);
                } else if (parsed.equals(original)) {
                    // Only white space changed (CR to tab, say): the header means the same, so only
                    // the signature can catch it.
                    assertEquals(Reason.INVALID_SIGNATURE, reason, "bit " + bit);
                } else if (differsOnlyIn(parsed, original, "alg") && parsed.get("alg") instanceof String alg) {
                    assertEquals(knownAlgorithm(alg) || "none".equalsIgnoreCase(alg)
                            ? Reason.ALGORITHM_NOT_ALLOWED : Reason.UNSUPPORTED_ALGORITHM, reason, "bit " + bit);
                } else if (differsOnlyIn(parsed, original, "kid")) {
                    assertEquals(Reason.KEY_NOT_FOUND, reason, "bit " + bit);
                } else {
                    assertTrue(HEADER_REASONS.contains(reason) || reason == Reason.INVALID_SIGNATURE,
                            "bit " + bit + ": " + reason);
                }
            }
        }));
    }

    private static boolean differsOnlyIn(Map<String, Object> a, Map<String, Object> b, String member) {
        Map<String, Object> x = new HashMap<>(a);
        Map<String, Object> y = new HashMap<>(b);
        x.remove(member);
        y.remove(member);
        return x.equals(y) && a.containsKey(member) && b.containsKey(member);
    }

    private static boolean knownAlgorithm(String name) {
        try {
            JwsAlgorithm.fromName(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The header as an independent parser reads it, or null where strict UTF-8 or JSON fails. */
    private static Map<String, Object> parseOrNull(byte[] json) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(json)).toString();
            return JSONObjectUtils.parse(text);
        } catch (CharacterCodingException | ParseException | RuntimeException e) {
            return null;
        }
    }
}
