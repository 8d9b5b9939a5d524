package dev.sigil.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;
import dev.sigil.testkit.JsonTestSuite.CorpusFile;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks that several {@link JsonCodec}s are interchangeable: for the same input they make the same
 * accept/reject decision and return <em>equal</em> values, and for the same value they write the
 * same bytes. Swapping core's built-in codec for another (or back, with {@code -Dsigil.json=builtin})
 * must never change what a verifier accepts or what a claim's value is.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * class BuiltinAndJacksonAgreementTest extends JsonCodecAgreement {
 *     @Override
 *     protected List<JsonCodec> codecs() {
 *         return List.of(new BuiltinJsonCodec(), new JacksonJsonCodec());
 *     }
 * }
 * }</pre>
 *
 * <p>The first codec is the reference the others are compared with. Inputs: every file of the
 * JSONTestSuite corpus, under the default limits and under tight ones (so that limit decisions are
 * compared too), edge cases of numbers, strings and limits, and realistic JWT headers, claims, key
 * sets and discovery documents. Each codec must also pass {@link JsonCodecConformance} on its own.
 */
public abstract class JsonCodecAgreement {

    /** Tight enough that many corpus files hit a limit, so that limit decisions are compared as well. */
    private static final JsonLimits TIGHT = new JsonLimits(64, 3, 12);

    private List<JsonCodec> codecs;

    /** {@return the codecs that must agree, at least two; the first is the reference} */
    protected abstract List<JsonCodec> codecs();

    @BeforeEach
    final void createCodecs() {
        codecs = List.copyOf(codecs());
        assertTrue(codecs.size() >= 2, "codecs() must return at least two codecs to compare");
    }

    @TestFactory
    Stream<DynamicTest> everyCodecDecidesEveryCorpusFileAlikeWithEqualValues() {
        return JsonTestSuite.files().stream().map(file -> dynamicTest(file.name(), () -> {
            agree(file.bytes(), JsonLimits.DEFAULT);
            agree(file.bytes(), TIGHT);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyCodecDecidesEdgeCasesAlikeWithEqualValues() {
        return edgeCases().entrySet().stream().map(c -> dynamicTest(c.getKey(), () -> {
            agree(utf8(c.getValue()), JsonLimits.DEFAULT);
            agree(utf8(c.getValue()), TIGHT);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyCodecReadsRealisticDocumentsToEqualValues() {
        return realisticDocuments().entrySet().stream().map(d -> dynamicTest(d.getKey(), () -> {
            Object value = agree(utf8(d.getValue()), JsonLimits.DEFAULT);
            assertTrue(value instanceof Map, "a realistic document is an object");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyCodecWritesTheSameBytesAndReadsTheOthersOutput() {
        Map<String, Object> values = new LinkedHashMap<>();
        JsonCodec reference = codecs.get(0);
        realisticDocuments().forEach((name, json) -> values.put(name, parse(reference, utf8(json), JsonLimits.DEFAULT)));
        values.put("tricky strings and numbers", trickyValue());
        for (CorpusFile file : JsonTestSuite.files()) {
            if (file.mustAccept()) {
                values.put(file.name(), parse(reference, file.bytes(), JsonLimits.DEFAULT));
            }
        }
        return values.entrySet().stream().map(v -> dynamicTest(v.getKey(), () -> {
            for (boolean indent : new boolean[] {false, true}) {
                byte[] expected = reference.write(v.getValue(), indent);
                for (JsonCodec writer : codecs) {
                    byte[] written = writer.write(v.getValue(), indent);
                    assertArrayEquals(expected, written, () -> writer.name() + " writes other bytes than "
                            + reference.name() + " (indent " + indent + "): " + text(written) + " vs " + text(expected));
                    for (JsonCodec reader : codecs) {
                        assertEquals(v.getValue(), parse(reader, written, JsonLimits.DEFAULT),
                                reader.name() + " reading " + writer.name() + "'s output");
                    }
                }
            }
        }));
    }

    @Test
    void reportsHowManyInputsTheCodecsAgreeOn() {
        int accepted = 0;
        int rejected = 0;
        List<byte[]> inputs = new ArrayList<>();
        JsonTestSuite.files().forEach(file -> inputs.add(file.bytes()));
        edgeCases().values().forEach(json -> inputs.add(utf8(json)));
        realisticDocuments().values().forEach(json -> inputs.add(utf8(json)));
        for (byte[] input : inputs) {
            for (JsonLimits limits : List.of(JsonLimits.DEFAULT, TIGHT)) {
                if (agree(input, limits) != REJECTED_BY_ALL) {
                    accepted++;
                } else {
                    rejected++;
                }
            }
        }
        List<String> names = new ArrayList<>();
        codecs.forEach(c -> names.add(c.name()));
        System.out.printf("JsonCodecAgreement%s: %d inputs x 2 limit sets: %d accepted alike with equal values,"
                + " %d rejected alike%n", names, inputs.size(), accepted, rejected);
    }

    /** Stands for "every codec rejected the input" in {@link #agree}'s result. */
    private static final Object REJECTED_BY_ALL = new Object();

    /**
     * Parses with every codec and asserts the same decision and equal values.
     *
     * @return the reference codec's value, or {@link #REJECTED_BY_ALL}
     */
    private Object agree(byte[] input, JsonLimits limits) {
        JsonCodec reference = codecs.get(0);
        Object expected = outcome(reference, input, limits);
        for (JsonCodec other : codecs.subList(1, codecs.size())) {
            Object actual = outcome(other, input, limits);
            if (expected == REJECTED_BY_ALL || actual == REJECTED_BY_ALL) {
                assertEquals(expected == REJECTED_BY_ALL, actual == REJECTED_BY_ALL, () -> reference.name()
                        + (expected == REJECTED_BY_ALL ? " rejects" : " accepts") + " what " + other.name()
                        + (actual == REJECTED_BY_ALL ? " rejects" : " accepts") + ", under " + limits);
            } else {
                assertEquals(expected, actual, () -> other.name() + " parses to another value than " + reference.name());
                assertSameTypes(expected, actual);
            }
        }
        return expected;
    }

    /** Equal maps and lists may still hold different number types (1 and 1L are not equal, but be sure). */
    private static void assertSameTypes(Object expected, Object actual) {
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            assertEquals(new ArrayList<>(e.keySet()), new ArrayList<>(a.keySet()), "member order");
            for (Map.Entry<?, ?> member : e.entrySet()) {
                assertSameTypes(member.getValue(), a.get(member.getKey()));
            }
        } else if (expected instanceof List<?> e && actual instanceof List<?> a) {
            for (int i = 0; i < e.size(); i++) {
                assertSameTypes(e.get(i), a.get(i));
            }
        } else if (expected != null) {
            assertEquals(expected.getClass(), actual.getClass());
            if (expected instanceof BigDecimal e) {
                assertEquals(e.scale(), ((BigDecimal) actual).scale());
            }
        }
    }

    private static Object outcome(JsonCodec codec, byte[] input, JsonLimits limits) {
        try {
            return codec.parse(input, limits);
        } catch (JsonParseException e) {
            return REJECTED_BY_ALL;
        }
    }

    private static Object parse(JsonCodec codec, byte[] input, JsonLimits limits) {
        try {
            return codec.parse(input, limits);
        } catch (JsonParseException e) {
            throw new AssertionError(codec.name() + " rejected: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> edgeCases() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("long edges", "[9223372036854775807,-9223372036854775808,9223372036854775808,-9223372036854775809,-0]");
        cases.put("eighteen and nineteen digits", "[999999999999999999,1000000000000000000,-1000000000000000000]");
        cases.put("decimals keep their scale", "[0.1,1.10,1.0e400,-0.0,0e0,1E2,1e-2,1E+2]");
        cases.put("largest exponents", "[1E2147483647,1E-2147483647,0.5E2147483647]");
        cases.put("exponent just too large", "[1E2147483648]");
        cases.put("scale just too large", "[1.5E-2147483647]");
        cases.put("exponent of twenty digits", "[1E99999999999999999999]");
        cases.put("number of 1000 characters", "[" + "9".repeat(1000) + "]");
        cases.put("number of 1001 characters", "[" + "9".repeat(1001) + "]");
        cases.put("twelve-character number", "[123456789012]");
        cases.put("thirteen-character number", "[1234567890123]");
        cases.put("escapes", "[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u20AC \\uD834\\uDD1E\"]");
        cases.put("lone high surrogate escape", "[\"\\uD800\"]");
        cases.put("inverted surrogate escapes", "[\"\\uDD1E\\uD834\"]");
        cases.put("escaped duplicate name", "{\"a\":1,\"\\u0061\":2}");
        cases.put("duplicate name in a nested object", "{\"o\":{\"x\":1,\"x\":2}}");
        cases.put("twelve chars", "[\"abcdefghijkl\"]");
        cases.put("thirteen chars", "[\"abcdefghijklm\"]");
        cases.put("twelve escaped chars", "[\"" + "\\u0061".repeat(12) + "\"]");
        cases.put("twelve euro signs", "[\"" + "\u20ac".repeat(12) + "\"]");
        cases.put("thirteen-char name", "{\"abcdefghijklm\":1}");
        cases.put("depth three", "[[[]]]");
        cases.put("depth four", "[[[[]]]]");
        cases.put("objects at depth three", "{\"a\":{\"b\":{\"c\":null}}}");
        cases.put("objects at depth four", "{\"a\":{\"b\":{\"c\":{}}}}");
        cases.put("top-level scalars", "\"s\"");
        cases.put("trailing content", "{} {}");
        cases.put("separators", "[\"\u2028\u2029\"]");
        cases.put("control character escapes", "[\"\\u0000\\u001f\\u007f\"]");
        return cases;
    }

    /** Shapes seen from Auth0, Okta, Entra ID, Keycloak and Google (values made up, structure real). */
    static Map<String, String> realisticDocuments() {
        String n = "sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yj"
                + "U1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7"
                + "-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VT"
                + "dL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw";
        Map<String, String> docs = new LinkedHashMap<>();
        docs.put("RS256 header", "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"NjVBRjY5MDlCMUIwNzU4RTA2QzZFMDQ4QzQ2MDAyQjVDNjk1RTM2Qg\"}");
        docs.put("at+jwt header with crit", "{\"typ\":\"at+jwt\",\"alg\":\"ES256\",\"kid\":\"k-2024-01\",\"crit\":[\"exp\"]}");
        docs.put("Auth0 access token claims", "{\"iss\":\"https://example.eu.auth0.com/\",\"sub\":\"auth0|5f7c8ec7c33c6c004bbafe82\","
                + "\"aud\":[\"https://api.example.com\",\"https://example.eu.auth0.com/userinfo\"],\"iat\":1700000000,"
                + "\"exp\":1700086400,\"azp\":\"aBcDeFgHiJkLmNoPqRsTuVwXyZ012345\",\"scope\":\"openid profile email read:orders\","
                + "\"permissions\":[\"read:orders\",\"write:orders\"],\"https://example.com/roles\":[\"admin\"]}");
        docs.put("Entra ID claims", "{\"aud\":\"api://6e74172b-be56-4843-9ff4-e66a39bb12e3\",\"iss\":"
                + "\"https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0\",\"iat\":1700000000,"
                + "\"nbf\":1700000000,\"exp\":1700003599,\"aio\":\"AXQAi/8UAAAA\",\"name\":\"Zo\u00eb \u00c5str\u00f6m\","
                + "\"oid\":\"00000000-0000-0000-66f3-3332eca7ea81\",\"roles\":[\"Orders.Read\"],\"tid\":"
                + "\"72f988bf-86f1-41af-91ab-2d7cd011db47\",\"uti\":\"fqiBqXLPj0eQa82S-IYFAA\",\"ver\":\"2.0\",\"wids\":[]}");
        docs.put("Keycloak claims with nested access", "{\"exp\":1700000300,\"iat\":1700000000,\"jti\":\"8c2c4f0e\","
                + "\"iss\":\"http://127.0.0.1:8080/realms/demo\",\"typ\":\"Bearer\",\"realm_access\":{\"roles\":"
                + "[\"offline_access\",\"uma_authorization\"]},\"resource_access\":{\"account\":{\"roles\":"
                + "[\"manage-account\"]}},\"email_verified\":false,\"preferred_username\":\"\\u00e9lodie\","
                + "\"auth_time\":null,\"acr\":\"1\",\"session_state\":\"\"}");
        docs.put("claims with fractional and big numbers", "{\"iat\":1.7e9,\"exp\":1700000000.5,\"n\":12345678901234567890,"
                + "\"ratio\":0.25,\"neg\":-1E-7,\"emoji\":\"\uD83D\uDD11 key\",\"ctl\":\"tab\\tnl\\n\"}");
        docs.put("Google JWKS", "{\"keys\":[{\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"sig\",\"kid\":"
                + "\"a50f6e70ef4b548a5fd9142eecd1fb8f54dce9ee\",\"n\":\"" + n + "\",\"e\":\"AQAB\"},{\"e\":\"AQAB\","
                + "\"kty\":\"RSA\",\"n\":\"" + n.substring(1) + "Q\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"b2\"}]}");
        docs.put("Auth0 JWKS with x5c", "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"n\":\"" + n + "\",\"e\":\"AQAB\","
                + "\"kid\":\"NjVBRjY5MDlCMUIwNzU4RTA2QzZFMDQ4QzQ2MDAyQjVDNjk1RTM2Qg\",\"x5t\":\"NjVBRjY5MDlCMUIwNzU4RTA2\","
                + "\"x5c\":[\"MIIDBTCCAe2gAwIBAgIJdeyDfUXHLwX+MA0GCSqGSIb3DQEBCwUAMCAxHjAcBgNVBAMTFWRldi1leGFtcGxlLmF1dGgw"
                + "LmNvbTAeFw0yMDA5MDgxNjQ3NThaFw0zNDA1MTgxNjQ3NThaMCAxHjAcBgNVBAMTFWRldi1leGFtcGxlLmF1dGgwLmNvbQ==\"],"
                + "\"alg\":\"RS256\"}]}");
        docs.put("EC and OKP JWKS", "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
                + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\",\"kid\":\"ec-1\",\"use\":\"sig\",\"key_ops\":[\"verify\"]},"
                + "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\",\"kid\":\"ed-1\"}]}");
        docs.put("OpenID discovery document", "{\"issuer\":\"https://example.okta.com\",\"authorization_endpoint\":"
                + "\"https://example.okta.com/oauth2/v1/authorize\",\"jwks_uri\":\"https://example.okta.com/oauth2/v1/keys\","
                + "\"response_types_supported\":[\"code\",\"id_token\",\"code id_token\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"request_parameter_supported\":true,"
                + "\"claims_supported\":[\"iss\",\"ver\",\"sub\",\"aud\",\"iat\",\"exp\",\"jti\",\"auth_time\",\"amr\",\"idp\","
                + "\"nonce\",\"name\",\"nickname\"],\"code_challenge_methods_supported\":[\"S256\"]}");
        docs.put("pretty-printed document", "{\n  \"keys\" : [ {\n    \"kty\" : \"EC\",\n    \"crv\" : \"P-384\",\r\n"
                + "\t\"kid\" : \"\\/slash\"\n  } ]\n}\n");
        return docs;
    }

    private static Object trickyValue() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("controls", "\u0000\u0001\b\t\n\u000b\f\r\u001f\u007f");
        doc.put("quotes", "\"'\\/");
        doc.put("separators", "\u2028\u2029");
        doc.put("unicode", "\u00e9\u0800\uffff\uD800\uDC00\uDBFF\uDFFF\uD83D\uDE00");
        doc.put("\u00e9\t", "name with escapes");
        doc.put("numbers", Arrays.asList(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, new BigInteger("-18446744073709551616"),
                new BigDecimal("15"), new BigDecimal("1.50"), new BigDecimal("1E+3"), new BigDecimal("-1.5E-300"),
                new BigDecimal("0.000"), new BigDecimal("1E+2147483647")));
        doc.put("nested", List.of(Map.of(), List.of(), List.of(List.of(Map.of("a", List.of())))));
        doc.put("nulls", Arrays.asList(null, Boolean.TRUE, null));
        return doc;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
