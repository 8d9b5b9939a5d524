package dev.sigil.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;
import dev.sigil.testkit.JsonTestSuite.CorpusFile;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The behaviour every {@link JsonCodec} must show, as a JUnit Jupiter test class to extend.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * class JacksonJsonCodecConformanceTest extends JsonCodecConformance {
 *     @Override
 *     protected JsonCodec newCodec() {
 *         return new JacksonJsonCodec();
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #newCodec()} is called before each test (once per {@code @TestFactory}).
 *
 * <h2>What is checked</h2>
 *
 * The contract of {@link JsonCodec}, and the decisions core's built-in codec makes where RFC 8259
 * leaves a choice:
 * <ul>
 *   <li>the JSONTestSuite parsing corpus, one dynamic test per file: every {@code y_} file accepted
 *       (except the two with duplicate member names, rejected by design), every {@code n_} file
 *       rejected, every {@code i_} file decided as {@code JsonTestSuite} records; the class prints
 *       one counts line per codec;</li>
 *   <li>duplicate member names, also when spelled with escapes;</li>
 *   <li>each {@link JsonLimits} bound at its value and one past it;</li>
 *   <li>numbers: {@code Long} edges, {@code BigInteger}, exact {@code BigDecimal}, huge exponents,
 *       the number length bound, the grammar;</li>
 *   <li>escapes and surrogate pairs, lone surrogates rejected;</li>
 *   <li>strict UTF-8: overlong forms, encoded surrogates, code points above U+10FFFF, truncated
 *       sequences, byte order marks and other encodings rejected;</li>
 *   <li>unmodifiable, insertion-ordered results; messages that never quote the input;</li>
 *   <li>writing: the compact and indented layouts, refusals, and parse(write(v)) equal to v.</li>
 * </ul>
 *
 * <p>That two codecs give <em>equal</em> values and bytes is {@link JsonCodecAgreement}'s job.
 */
public abstract class JsonCodecConformance {

    /** A marker that error messages must never repeat. */
    private static final String SECRET = "SIGIL-SECRET";

    private JsonCodec codec;

    /**
     * Creates the codec under test, configured as an application would use it.
     *
     * @return a new codec
     */
    protected abstract JsonCodec newCodec();

    @BeforeEach
    final void createCodec() {
        codec = newCodec();
        assertNotNull(codec, "newCodec() returned null");
    }

    // ---- the JSONTestSuite corpus --------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> parsesEveryCorpusFileAsDecided() {
        return JsonTestSuite.files().stream()
                .map(file -> dynamicTest(file.name(), () -> checkCorpusFile(file)));
    }

    @Test
    void decidesExactlyTheImplementationDefinedFilesAndReportsTheCounts() {
        TreeSet<String> implementationDefined = new TreeSet<>();
        int y = 0;
        int n = 0;
        int acceptedByDesign = 0;
        int rejectedByDesign = 0;
        int iAccepted = 0;
        int iRejected = 0;
        for (CorpusFile file : JsonTestSuite.files()) {
            boolean accepted = accepts(file.bytes(), JsonLimits.DEFAULT);
            String name = file.name();
            if (name.startsWith("y_")) {
                y++;
                if (accepted) {
                    acceptedByDesign++;
                } else {
                    rejectedByDesign++;
                }
            } else if (name.startsWith("n_")) {
                n++;
            } else if (name.startsWith("i_")) {
                implementationDefined.add(name);
                if (accepted) {
                    iAccepted++;
                } else {
                    iRejected++;
                }
            } else {
                fail("corpus file without a y_, n_ or i_ prefix: " + name);
            }
        }
        assertEquals(new TreeSet<>(JsonTestSuite.IMPLEMENTATION_DEFINED.keySet()), implementationDefined);
        // Guards against a corpus that silently went missing or was truncated.
        assertEquals(JsonTestSuite.ACCEPT_FILES, y);
        assertEquals(JsonTestSuite.REJECT_FILES, n);
        System.out.printf("JsonCodecConformance[%s]: JSONTestSuite %d files: y_ %d accepted + %d rejected by design,"
                + " n_ %d rejected, i_ %d accepted + %d rejected%n", codec.name(), y + n + implementationDefined.size(),
                acceptedByDesign, rejectedByDesign, n, iAccepted, iRejected);
    }

    private void checkCorpusFile(CorpusFile file) {
        String name = file.name();
        byte[] input = file.bytes();
        if (JsonTestSuite.DELIBERATELY_REJECTED.containsKey(name)) {
            JsonParseException e = assertRejected(input, JsonLimits.DEFAULT);
            String expected = JsonTestSuite.DELIBERATELY_REJECTED.get(name);
            assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        } else if (name.startsWith("y_")) {
            assertAccepted(input, JsonLimits.DEFAULT);
        } else if (name.startsWith("n_")) {
            assertRejected(input, JsonLimits.DEFAULT);
        } else {
            Class<?> expected = JsonTestSuite.IMPLEMENTATION_DEFINED.get(name);
            assertNotNull(expected, "no decision recorded for " + name);
            if (expected == JsonTestSuite.REJECTED) {
                assertRejected(input, JsonLimits.DEFAULT);
            } else {
                List<?> array = assertInstanceOf(List.class, assertAccepted(input, JsonLimits.DEFAULT));
                assertEquals(1, array.size());
                assertInstanceOf(expected, array.get(0));
            }
        }
    }

    // ---- duplicate member names ----------------------------------------------------------------

    @Test
    void rejectsDuplicateMemberNames() {
        for (String json : List.of("{\"a\":1,\"a\":2}", "{\"a\":1,\"a\":1}", "{\"a\":null,\"a\":null}",
                "{\"a\":1,\"b\":2,\"a\":3}", "{\"o\":{\"x\":1,\"x\":[]}}", "[{\"k\":1,\"k\":1}]",
                "{\"\":1,\"\":2}")) {
            JsonParseException e = assertRejected(json);
            assertTrue(e.getMessage().contains("duplicate member name"), json + ": " + e.getMessage());
        }
    }

    @Test
    void rejectsDuplicatesSpelledWithEscapes() {
        for (String json : List.of("{\"a\":1,\"\\u0061\":2}", "{\"\\u0061\":1,\"\\u0061\":2}",
                "{\"a/b\":1,\"a\\/b\":2}", "{\"\u00e9\":1,\"\\u00E9\":2}", "{\"\uD834\uDD1E\":1,\"\\uD834\\udd1e\":2}",
                "{\"tab\\t\":1,\"tab\\u0009\":2}")) {
            JsonParseException e = assertRejected(json);
            assertTrue(e.getMessage().contains("duplicate member name"), json + ": " + e.getMessage());
        }
    }

    @Test
    void acceptsEqualNamesInDifferentObjectsAndNamesThatDifferOnlyInCase() {
        assertEquals(Map.of("a", Map.of("k", 1L), "b", Map.of("k", 2L)), parse("{\"a\":{\"k\":1},\"b\":{\"k\":2}}"));
        assertEquals(List.of(Map.of("k", 1L), Map.of("k", 1L)), parse("[{\"k\":1},{\"k\":1}]"));
        assertEquals(Map.of("kid", 1L, "KID", 2L, "Kid", 3L), parse("{\"kid\":1,\"KID\":2,\"Kid\":3}"));
    }

    // ---- limits --------------------------------------------------------------------------------

    @Test
    void acceptsNestingAtTheDepthLimitAndRejectsOneLevelDeeper() {
        JsonLimits five = new JsonLimits(1 << 16, 5, 1 << 10);
        assertAccepted(utf8("[".repeat(5) + "]".repeat(5)), five);
        assertRejected(utf8("[".repeat(6) + "]".repeat(6)), five);
        assertAccepted(utf8("{\"a\":".repeat(5) + "1" + "}".repeat(5)), five);
        assertRejected(utf8("{\"a\":".repeat(6) + "1" + "}".repeat(6)), five);
        assertAccepted(utf8("[{\"a\":[{\"b\":[]}]}]"), five);
        assertRejected(utf8("[{\"a\":[{\"b\":[[]]}]}]"), five);
        // Scalars add no depth; a top-level scalar has depth 0.
        assertAccepted(utf8("\"s\""), new JsonLimits(16, 1, 16));
        int max = JsonLimits.DEFAULT.maxDepth();
        assertAccepted(utf8("[".repeat(max) + "]".repeat(max)), JsonLimits.DEFAULT);
        assertRejected(utf8("[".repeat(max + 1) + "]".repeat(max + 1)), JsonLimits.DEFAULT);
        // Far past the limit: rejected, not a StackOverflowError.
        assertRejected(utf8("[".repeat(100_000)), JsonLimits.DEFAULT);
        assertRejected(utf8("{\"a\":".repeat(100_000)), JsonLimits.DEFAULT);
    }

    @Test
    void acceptsInputAtTheByteLimitAndRejectsOneByteMore() {
        JsonLimits sixteen = new JsonLimits(16, 4, 64);
        byte[] exactly = utf8("[\"" + "x".repeat(12) + "\"]");
        assertEquals(16, exactly.length);
        assertAccepted(exactly, sixteen);
        assertRejected(utf8("[\"" + "x".repeat(13) + "\"]"), sixteen);
        // Whitespace counts: the limit is on bytes read, not on the value.
        assertRejected(utf8("[\"" + "x".repeat(12) + "\"] "), sixteen);
        // Only the given range counts, not the array around it.
        byte[] padded = utf8("    [\"" + "x".repeat(12) + "\"]    ");
        assertEquals(List.of("x".repeat(12)), parseRange(padded, 4, 16, sixteen));
    }

    @Test
    void acceptsStringsAtTheLengthLimitAndRejectsOneCharMore() {
        JsonLimits eight = new JsonLimits(1 << 16, 4, 8);
        assertEquals(List.of("abcdefgh"), parse("[\"abcdefgh\"]", eight));
        assertRejected(utf8("[\"abcdefghi\"]"), eight);
        assertEquals(Map.of("abcdefgh", 1L), parse("{\"abcdefgh\":1}", eight));
        assertRejected(utf8("{\"abcdefghi\":1}"), eight);
        // Counted in UTF-16 chars after unescaping, not in bytes.
        assertEquals(List.of("aaaaaaaa"), parse("[\"" + "\\u0061".repeat(8) + "\"]", eight));
        assertRejected(utf8("[\"" + "\\u0061".repeat(9) + "\"]"), eight);
        assertEquals(List.of("\u20ac".repeat(8)), parse("[\"" + "\u20ac".repeat(8) + "\"]", eight));
        assertRejected(utf8("[\"" + "\u20ac".repeat(9) + "\"]"), eight);
        assertEquals(Map.of("\u20ac".repeat(8), 1L), parse("{\"" + "\u20ac".repeat(8) + "\":1}", eight));
        assertRejected(utf8("{\"" + "\u20ac".repeat(9) + "\":1}"), eight);
        // A character beyond the BMP is two chars.
        assertEquals(List.of("\uD834\uDD1E".repeat(4)), parse("[\"" + "\uD834\uDD1E".repeat(4) + "\"]", eight));
        assertRejected(utf8("[\"" + "\uD834\uDD1E".repeat(4) + "a\"]"), eight);
        // Long strings too, where parsers check in chunks.
        JsonLimits big = new JsonLimits(1 << 20, 4, 100_000);
        assertEquals(List.of("y".repeat(100_000)), parse("[\"" + "y".repeat(100_000) + "\"]", big));
        assertRejected(utf8("[\"" + "y".repeat(100_001) + "\"]"), big);
        assertRejected(utf8("{\"" + "y".repeat(100_001) + "\":0}"), big);
    }

    @Test
    void boundsNumbersByTheirWholeTextLikeTheBuiltInCodec() {
        // 1,000 characters, sign, point and exponent included, or the string limit if smaller.
        assertInstanceOf(BigInteger.class, single("[" + "9".repeat(1000) + "]"));
        assertRejected("[" + "9".repeat(1001) + "]");
        assertInstanceOf(BigInteger.class, single("[-" + "9".repeat(999) + "]"));
        assertRejected("[-" + "9".repeat(1000) + "]");
        assertInstanceOf(BigDecimal.class, single("[0." + "1".repeat(998) + "]"));
        assertRejected("[0." + "1".repeat(999) + "]");
        assertInstanceOf(BigDecimal.class, single("[1." + "1".repeat(994) + "E+10]"));
        assertRejected("[1." + "1".repeat(995) + "E+10]");
        JsonLimits ten = new JsonLimits(1 << 10, 4, 10);
        assertEquals(List.of(1234567890L), parse("[1234567890]", ten));
        assertRejected(utf8("[12345678901]"), ten);
        assertEquals(List.of(new BigDecimal("-1.2345E+6")), parse("[-1.2345e+6]", ten));
        assertRejected(utf8("[-1.23456e+6]"), ten);
    }

    // ---- numbers -------------------------------------------------------------------------------

    @Test
    void readsIntegersAsLongWhenTheyFitAndAsBigIntegerOtherwise() {
        assertEquals(List.of(0L, 0L, 7L, -7L), parse("[0,-0,7,-7]"));
        assertEquals(List.of(Long.MAX_VALUE, Long.MIN_VALUE), parse("[9223372036854775807,-9223372036854775808]"));
        assertEquals(List.of(999_999_999_999_999_999L, 1_000_000_000_000_000_000L),
                parse("[999999999999999999,1000000000000000000]"));
        assertEquals(List.of(new BigInteger("9223372036854775808"), new BigInteger("-9223372036854775809")),
                parse("[9223372036854775808,-9223372036854775809]"));
        assertEquals(List.of(new BigInteger("123456789012345678901234567890")),
                parse("[123456789012345678901234567890]"));
    }

    @Test
    void readsFractionsAndExponentsAsExactBigDecimals() {
        // Exact text, never through double: 0.1 is not 0.1000000000000000055511151231257827.
        assertEquals(List.of(new BigDecimal("0.1")), parse("[0.1]"));
        // Scale is kept: 1.10 is not 1.1.
        assertEquals(List.of(new BigDecimal("1.10")), parse("[1.10]"));
        assertEquals(List.of(new BigDecimal("1E+2"), new BigDecimal("1E+2"), new BigDecimal("1E+2"),
                new BigDecimal("-1.5E-3"), new BigDecimal("0"), new BigDecimal("0.0")),
                parse("[1E2,1e+2,1E+2,-1.5e-3,0e0,-0.0]"));
        assertEquals(List.of(new BigDecimal("1.0E+400"), new BigDecimal("1E-400")), parse("[1.0e400,1e-400]"));
        assertEquals(List.of(new BigDecimal("123456789012345678901234567890.123456789")),
                parse("[123456789012345678901234567890.123456789]"));
    }

    @Test
    void keepsHugeExponentsWhoseScaleFitsAnIntAndRejectsTheRest() {
        assertEquals(List.of(new BigDecimal("1E+2147483647")), parse("[1E2147483647]"));
        assertEquals(List.of(new BigDecimal("1E-2147483647")), parse("[1E-2147483647]"));
        assertEquals(List.of(new BigDecimal("0.5E+2147483647")), parse("[0.5E2147483647]"));
        for (String json : List.of("[1E2147483648]", "[1E-2147483648]", "[1.5E-2147483647]",
                "[1E99999999999999999999]", "[1E-99999999999999999999]", "[-1e00009999999999]")) {
            assertRejected(json);
        }
    }

    @Test
    void rejectsNumbersOutsideTheGrammar() {
        for (String json : List.of("[01]", "[-01]", "[+1]", "[.1]", "[1.]", "[1.e1]", "[1e]", "[1e+]", "[0x10]",
                "[NaN]", "[Infinity]", "[-Infinity]", "[1_000]", "[- 1]", "[--1]", "[1.0.0]", "[1e1.5]", "[-]")) {
            assertRejected(json);
        }
    }

    // ---- strings and escapes -------------------------------------------------------------------

    @Test
    void decodesEveryEscapeAndSurrogatePairs() {
        assertEquals(List.of("\" \\ / \b \f \n \r \t \u00e9 \u20ac \uD834\uDD1E \uD834\uDD1E \u0000 \u001f \u007f"),
                parse("[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u20AC \\uD834\\uDD1E \\ud834\\udd1e \\u0000"
                        + " \\u001F \u007f\"]"));
        assertEquals(Map.of("\uD83D\uDE00", "\uD83D\uDE00"), parse("{\"\\uD83D\\uDE00\":\"\uD83D\uDE00\"}"));
        assertEquals(List.of("\u2028\u2029"), parse("[\"\u2028\\u2029\"]"));
    }

    @TestFactory
    Stream<DynamicTest> rejectsLoneAndMisorderedSurrogateEscapes() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("lone high", "[\"\\uD800\"]");
        cases.put("lone low", "[\"\\uDC00\"]");
        cases.put("lone high at the end of a string", "[\"abc\\uDBFF\"]");
        cases.put("inverted pair", "[\"\\uDD1E\\uD834\"]");
        cases.put("two highs", "[\"\\uD834\\uD834\"]");
        cases.put("high then a plain character", "[\"\\uD834x\"]");
        cases.put("high then another escape", "[\"\\uD834\\n\"]");
        cases.put("high then a non-surrogate escape", "[\"\\uD834\\u0041\"]");
        cases.put("high then a raw character beyond the BMP", "[\"\\uD834\uD834\uDD1E\"]");
        cases.put("lone high in a member name", "{\"\\uD800\":1}");
        cases.put("lone low in a member name", "{\"\\uDFFF\":1}");
        return cases.entrySet().stream().map(c -> dynamicTest(c.getKey(), () -> assertRejected(c.getValue())));
    }

    @TestFactory
    Stream<DynamicTest> rejectsInvalidEscapesAndRawControlCharacters() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("unknown escape", "[\"\\x41\"]");
        cases.put("escaped single quote", "[\"\\'\"]");
        cases.put("upper-case U", "[\"\\U0041\"]");
        cases.put("short unicode escape", "[\"\\u12\"]");
        cases.put("non-hex unicode escape", "[\"\\u12G4\"]");
        cases.put("escape at the end of input", "[\"\\");
        cases.put("raw newline", "[\"a\nb\"]");
        cases.put("raw tab", "[\"a\tb\"]");
        cases.put("raw NUL", "[\"a\u0000b\"]");
        cases.put("raw unit separator", "[\"a\u001fb\"]");
        cases.put("raw newline in a name", "{\"a\nb\":1}");
        cases.put("unterminated string", "[\"abc");
        cases.put("single quotes", "['a']");
        return cases.entrySet().stream().map(c -> dynamicTest(c.getKey(), () -> assertRejected(c.getValue())));
    }

    // ---- UTF-8 ---------------------------------------------------------------------------------

    @Test
    void acceptsWellFormedUtf8AtTheEdgesOfEveryRange() {
        assertEquals(List.of("\u0080\u07ff\u0800\ud7ff\ue000\uffff\uD800\uDC00\uDBFF\uDFFF"),
                parse(string(0xC2, 0x80, 0xDF, 0xBF, 0xE0, 0xA0, 0x80, 0xED, 0x9F, 0xBF, 0xEE, 0x80, 0x80,
                        0xEF, 0xBF, 0xBF, 0xF0, 0x90, 0x80, 0x80, 0xF4, 0x8F, 0xBF, 0xBF), JsonLimits.DEFAULT));
    }

    @TestFactory
    Stream<DynamicTest> rejectsInvalidUtf8() {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("overlong two-byte NUL (C0 80)", string(0xC0, 0x80));
        cases.put("overlong two-byte (C1 BF)", string(0xC1, 0xBF));
        cases.put("overlong three-byte (E0 80 AF)", string(0xE0, 0x80, 0xAF));
        cases.put("overlong three-byte (E0 9F BF)", string(0xE0, 0x9F, 0xBF));
        cases.put("overlong four-byte (F0 80 80 AF)", string(0xF0, 0x80, 0x80, 0xAF));
        cases.put("overlong four-byte (F0 8F BF BF)", string(0xF0, 0x8F, 0xBF, 0xBF));
        cases.put("overlong six-byte", string(0xFC, 0x80, 0x80, 0x80, 0x80, 0xAF));
        cases.put("encoded high surrogate U+D800", string(0xED, 0xA0, 0x80));
        cases.put("encoded low surrogate U+DFFF", string(0xED, 0xBF, 0xBF));
        cases.put("encoded surrogate pair (CESU-8)", string(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80));
        cases.put("beyond U+10FFFF (F4 90 80 80)", string(0xF4, 0x90, 0x80, 0x80));
        cases.put("lead byte F5", string(0xF5, 0x80, 0x80, 0x80));
        cases.put("five-byte lead F8", string(0xF8, 0x88, 0x80, 0x80, 0x80));
        cases.put("byte FE", string(0xFE));
        cases.put("byte FF", string(0xFF));
        cases.put("lone continuation byte", string(0x80));
        cases.put("continuation byte after ASCII", string(0x61, 0xBF));
        cases.put("two-byte sequence cut by the quote", string(0xC3));
        cases.put("three-byte sequence cut by the quote", string(0xE2, 0x82));
        cases.put("four-byte sequence cut by the quote", string(0xF0, 0x9F, 0x98));
        cases.put("sequence cut by the end of input", bytes('[', '"', 0xE2, 0x82));
        cases.put("ASCII where a continuation byte belongs", string(0xE2, 0x41, 0xAC));
        cases.put("invalid UTF-8 in a member name", concat(utf8("{\""), bytes(0xC0, 0xAF), utf8("\":1}")));
        cases.put("invalid UTF-8 outside strings", bytes('[', 0xE9, ']'));
        cases.put("ISO-8859-1 text", string(0xE9));
        cases.put("UTF-8 byte order mark", concat(bytes(0xEF, 0xBB, 0xBF), utf8("{}")));
        cases.put("UTF-8 byte order mark before a string", concat(bytes(0xEF, 0xBB, 0xBF), utf8("\"a\"")));
        cases.put("UTF-16BE", "[\"a\"]".getBytes(StandardCharsets.UTF_16BE));
        cases.put("UTF-16LE", "[\"a\"]".getBytes(StandardCharsets.UTF_16LE));
        cases.put("UTF-16 with byte order mark", "[\"a\"]".getBytes(StandardCharsets.UTF_16));
        cases.put("UTF-32BE", concat(bytes(0, 0, 0, '['), bytes(0, 0, 0, ']')));
        return cases.entrySet().stream()
                .map(c -> dynamicTest(c.getKey(), () -> assertRejected(c.getValue(), JsonLimits.DEFAULT)));
    }

    // ---- shapes of the result ------------------------------------------------------------------

    @Test
    void returnsUnmodifiableInsertionOrderedValues() {
        Map<?, ?> map = assertInstanceOf(Map.class,
                parse("{\"z\":1,\"a\":[1,null,{\"m\":true}],\"m\":null,\"e\":{},\"l\":[]}"));
        assertEquals(List.of("z", "a", "m", "e", "l"), new ArrayList<>(map.keySet()));
        assertTrue(map.containsKey("m"));
        assertNull(map.get("m"));
        List<?> list = assertInstanceOf(List.class, map.get("a"));
        assertEquals(Arrays.asList(1L, null, Map.of("m", true)), list);
        assertUnmodifiable(map);
        assertUnmodifiable(list);
        assertUnmodifiable(list.get(2));
        assertUnmodifiable(map.get("e"));
        assertUnmodifiable(map.get("l"));
        assertUnmodifiable(parse("[]"));
        assertUnmodifiable(parse("{}"));
    }

    @Test
    void returnsOnlyTheSpecifiedTypesForEveryKindOfValue() {
        assertEquals(Arrays.asList("s", true, false, null, 1L, new BigInteger("99999999999999999999"),
                new BigDecimal("1.5"), List.of(), Map.of()),
                parse("[\"s\",true,false,null,1,99999999999999999999,1.5,[],{}]"));
        // RFC 8259 allows any value at the top.
        assertEquals("s", parse("\"s\""));
        assertEquals(42L, parse(" 42 "));
        assertEquals(Boolean.TRUE, parse("true"));
        assertNull(parse("null"));
        assertEquals(Map.of("a", 1L), parse(" \t\r\n{ \"a\" \t:\r\n1 } \n"));
    }

    @Test
    void rejectsEmptyInputWhitespaceAndTrailingContent() {
        for (String json : List.of("", " ", "\n\t", "[1] [2]", "{} {}", "[1]]", "1 2", "\"a\" \"b\"", "[1],",
                "nul", "truex", "[1]x", "{\"a\":1}}", "[1]\u0000", "/* c */ []", "[] // c", "# c\n[]")) {
            assertRejected(json);
        }
    }

    @Test
    void parsesOnlyTheGivenRange() {
        byte[] padded = utf8("xx[1,\"two\",{}]yy");
        assertEquals(List.of(1L, "two", Map.of()), parseRange(padded, 2, 12, JsonLimits.DEFAULT));
        assertEquals(2L, parseRange(utf8("[1,2,3]"), 3, 1, JsonLimits.DEFAULT));
    }

    @Test
    void messagesNameTheProblemButNeverTheInput() {
        for (String json : List.of("{\"a\":" + SECRET + "}", "[\"" + SECRET + "\" \"x\"]",
                "{\"" + SECRET + "\":1,\"" + SECRET + "\":2}", "[\"" + SECRET + "\\uD800\"]", "[" + SECRET + "]",
                "[\"" + SECRET + "\\q\"]", "{\"" + SECRET + "\" 1}", "[1]" + SECRET, "[1E" + SECRET + "]",
                "[\"" + SECRET + "\u0001\"]")) {
            JsonParseException e = assertRejected(json);
            assertFalse(e.getMessage().contains(SECRET), "message repeats the input: " + e.getMessage());
            assertFalse(e.getMessage().isBlank());
        }
        JsonParseException e = assertRejected(utf8("[\"" + SECRET + "\"]"), new JsonLimits(8, 4, 8));
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void hasAStableLowerCaseName() {
        assertTrue(codec.name().matches("[a-z][a-z0-9-]*"), codec.name());
        assertEquals(codec.name(), newCodec().name());
        assertEquals(codec.priority(), newCodec().priority());
    }

    // ---- writing -------------------------------------------------------------------------------

    @Test
    void writesTheCompactAndTheIndentedLayout() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("a", 1L);
        doc.put("b", Arrays.asList(true, null, Map.of()));
        doc.put("c", Map.of("d", "e"));
        doc.put("f", List.of());
        assertEquals("{\"a\":1,\"b\":[true,null,{}],\"c\":{\"d\":\"e\"},\"f\":[]}", text(codec.write(doc, false)));
        assertEquals("{\n  \"a\": 1,\n  \"b\": [\n    true,\n    null,\n    {}\n  ],\n  \"c\": {\n    \"d\": \"e\"\n  },"
                + "\n  \"f\": []\n}", text(codec.write(doc, true)));
        assertEquals("[]", text(codec.write(List.of(), true)));
        assertEquals("\"s\"", text(codec.write("s", true)));
        assertEquals("null", text(codec.write(null, false)));
    }

    @Test
    void writesNumbersSoThatTheyReadBackAsTheSameType() {
        assertEquals("[1,-2,3,4,18446744073709551616,1.50,1E+3,15E0,0.5,2.5]", text(codec.write(List.of(1L, -2,
                (short) 3, (byte) 4, new BigInteger("18446744073709551616"), new BigDecimal("1.50"),
                new BigDecimal("1E+3"), new BigDecimal("15"), 0.5d, 2.5f), false)));
        List<Object> numbers = List.of(1L, new BigInteger("18446744073709551616"), new BigDecimal("1.50"),
                new BigDecimal("1E+3"), new BigDecimal("15"), new BigDecimal("-0.000"));
        assertEquals(numbers, parse(codec.write(numbers, false), JsonLimits.DEFAULT));
    }

    @Test
    void refusesToWriteWhatJsonCannotHold() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        Map<String, Object> selfMap = new HashMap<>();
        selfMap.put("self", selfMap);
        Map<Object, Object> numericKey = new HashMap<>();
        numericKey.put(1, "one");
        Map<String, Object> loneInName = new HashMap<>();
        loneInName.put("\uDC00", 1L);
        for (Object bad : List.of(Double.NaN, Float.POSITIVE_INFINITY, List.of(Double.NEGATIVE_INFINITY), "\uD800",
                List.of("a\uDC00b"), "\uDC00\uD800", loneInName, numericKey, new Object(), List.of(new StringBuilder()),
                cycle, selfMap)) {
            for (boolean indent : new boolean[] {false, true}) {
                assertThrows(IllegalArgumentException.class, () -> codec.write(bad, indent), String.valueOf(indent));
            }
        }
    }

    @Test
    void roundTripsWhatItWrites() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("text", "quote\" back\\ slash/ nl\n nul\u0000 us\u001f del\u007f sep\u2028\u2029 \u00e9\u20ac\uD83D\uDE00");
        doc.put("big", new BigInteger("-99999999999999999999999"));
        doc.put("exp", new BigDecimal("-1.5E-300"));
        doc.put("scale0", new BigDecimal("15"));
        doc.put("long", Long.MAX_VALUE);
        doc.put("min", Long.MIN_VALUE);
        doc.put("list", Arrays.asList(null, true, false, List.of(), Map.of(), List.of(List.of(1L))));
        doc.put("", "empty name");
        for (boolean indent : new boolean[] {false, true}) {
            assertEquals(doc, parse(codec.write(doc, indent), JsonLimits.DEFAULT));
        }
    }

    @Test
    void roundTripsEveryAcceptedCorpusDocument() {
        int checked = 0;
        for (CorpusFile file : JsonTestSuite.files()) {
            if (!file.mustAccept()) {
                continue;
            }
            Object value = parse(file.bytes(), JsonLimits.DEFAULT);
            for (boolean indent : new boolean[] {false, true}) {
                assertEquals(value, parse(codec.write(value, indent), JsonLimits.DEFAULT), file.name());
            }
            checked++;
        }
        assertEquals(JsonTestSuite.ACCEPT_FILES - JsonTestSuite.DELIBERATELY_REJECTED.size()
                + (int) JsonTestSuite.IMPLEMENTATION_DEFINED.values().stream().filter(c -> c != JsonTestSuite.REJECTED)
                        .count(), checked);
    }

    @Test
    void writesUtf8ThatItsOwnParserAccepts() {
        byte[] written = codec.write(List.of("\u00e9\u20ac\uD834\uDD1E\u2028"), false);
        assertArrayEquals(written, codec.write(parse(written, JsonLimits.DEFAULT), false));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Object parse(String json) {
        return parse(utf8(json), JsonLimits.DEFAULT);
    }

    private Object parse(String json, JsonLimits limits) {
        return parse(utf8(json), limits);
    }

    private Object parse(byte[] json, JsonLimits limits) {
        return parseRange(json, 0, json.length, limits);
    }

    private Object parseRange(byte[] json, int off, int len, JsonLimits limits) {
        try {
            return codec.parse(json, off, len, limits);
        } catch (JsonParseException e) {
            throw new AssertionError("codec '" + codec.name() + "' rejected valid input: " + e.getMessage(), e);
        }
    }

    private Object single(String json) {
        List<?> list = assertInstanceOf(List.class, parse(json));
        assertEquals(1, list.size());
        return list.get(0);
    }

    private boolean accepts(byte[] input, JsonLimits limits) {
        try {
            codec.parse(input, limits);
            return true;
        } catch (JsonParseException e) {
            return false;
        }
    }

    private Object assertAccepted(byte[] input, JsonLimits limits) {
        return parse(input, limits);
    }

    private JsonParseException assertRejected(String json) {
        return assertRejected(utf8(json), JsonLimits.DEFAULT);
    }

    private JsonParseException assertRejected(byte[] input, JsonLimits limits) {
        JsonParseException e = assertThrows(JsonParseException.class, () -> codec.parse(input, limits),
                () -> "codec '" + codec.name() + "' accepted invalid input");
        // A cause would mean that an unexpected runtime exception was caught by a safety net.
        assertNull(e.getCause(), () -> "rejected through an unexpected exception: " + e.getCause());
        assertNotNull(e.getMessage());
        return e;
    }

    private static void assertUnmodifiable(Object value) {
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<Object, Object> writable = (Map<Object, Object>) map;
            assertThrows(UnsupportedOperationException.class, () -> writable.put("new", 1L));
        } else {
            @SuppressWarnings("unchecked")
            List<Object> writable = (List<Object>) assertInstanceOf(List.class, value);
            assertThrows(UnsupportedOperationException.class, () -> writable.add(1L));
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** {@code ["…"]} around the given raw bytes. */
    private static byte[] string(int... raw) {
        return concat(utf8("[\""), bytes(raw), utf8("\"]"));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
