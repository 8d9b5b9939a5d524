package dev.sigil.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuiltinJsonCodecReaderTest {

    private final BuiltinJsonCodec codec = new BuiltinJsonCodec();

    private Object parse(String json) throws JsonParseException {
        return parse(json, JsonLimits.DEFAULT);
    }

    private Object parse(String json, JsonLimits limits) throws JsonParseException {
        return codec.parse(json.getBytes(StandardCharsets.UTF_8), limits);
    }

    private JsonParseException rejects(byte[] json, JsonLimits limits) {
        JsonParseException e = assertThrows(JsonParseException.class, () -> codec.parse(json, limits));
        // A cause means the safety net caught some other exception: a parser bug.
        assertNull(e.getCause(), () -> "unexpected internal failure: " + e.getCause());
        return e;
    }

    private JsonParseException rejects(String json, JsonLimits limits) {
        return rejects(json.getBytes(StandardCharsets.UTF_8), limits);
    }

    private JsonParseException rejects(String json) {
        return rejects(json, JsonLimits.DEFAULT);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** {@code ["<raw bytes>"]} */
    private static byte[] inString(int... raw) {
        byte[] out = new byte[raw.length + 4];
        out[0] = '[';
        out[1] = '"';
        for (int i = 0; i < raw.length; i++) {
            out[i + 2] = (byte) raw[i];
        }
        out[raw.length + 2] = '"';
        out[raw.length + 3] = ']';
        return out;
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    @Test
    void parsesEveryKindOfValue() throws JsonParseException {
        Map<?, ?> map = assertInstanceOf(Map.class, parse(
                " {\"s\":\"x\",\"i\":-12,\"d\":1.50,\"t\":true,\"f\":false,\"z\":null,\"a\":[1,null,\"y\"],\"o\":{}}\r\n\t"));
        assertEquals(List.of("s", "i", "d", "t", "f", "z", "a", "o"), new ArrayList<>(map.keySet()));
        assertEquals("x", map.get("s"));
        assertEquals(-12L, map.get("i"));
        assertEquals(new BigDecimal("1.50"), map.get("d"));
        assertEquals(Boolean.TRUE, map.get("t"));
        assertEquals(Boolean.FALSE, map.get("f"));
        assertTrue(map.containsKey("z"));
        assertNull(map.get("z"));
        assertEquals(Arrays.asList(1L, null, "y"), map.get("a"));
        assertEquals(Map.of(), map.get("o"));
    }

    @Test
    void parsesTopLevelScalars() throws JsonParseException {
        assertEquals("a", parse("\"a\""));
        assertEquals(0L, parse(" 0 "));
        assertNull(parse("null"));
        assertEquals(Boolean.TRUE, parse("true"));
    }

    @Test
    void parsesOnlyTheGivenRangeAndCountsOffsetsFromItsStart() throws JsonParseException {
        byte[] buffer = "xx[1,2]yy".getBytes(StandardCharsets.US_ASCII);
        assertEquals(List.of(1L, 2L), codec.parse(buffer, 2, 5, JsonLimits.DEFAULT));
        byte[] bad = "xx[1,}yy".getBytes(StandardCharsets.US_ASCII);
        JsonParseException e = assertThrows(JsonParseException.class,
                () -> codec.parse(bad, 2, 4, JsonLimits.DEFAULT));
        assertTrue(e.getMessage().endsWith("at byte offset 3"), e.getMessage());
    }

    @Test
    void treatsARangeOutsideTheArrayAsACallerBug() {
        assertThrows(IndexOutOfBoundsException.class, () -> codec.parse(new byte[4], 2, 3, JsonLimits.DEFAULT));
    }

    @Test
    void rejectsDuplicateMemberNames() {
        JsonParseException e = rejects("{\"a\":1,\"b\":2,\"a\":3}");
        assertTrue(e.getMessage().contains("duplicate member name at byte offset 13"), e.getMessage());
        rejects("{\"a\":{\"x\":1},\"a\":{\"y\":2}}");
        rejects("[{\"k\":null,\"k\":null}]");
    }

    @Test
    void rejectsDuplicateMemberNamesThatDifferOnlyInEscaping() {
        rejects("{\"a\":1,\"\\u0061\":2}");
        rejects("{\"\\u00e9\":1,\"\u00e9\":2}");
        rejects("{\"/\":1,\"\\/\":2}");
        rejects("{\"\\ud83d\\ude00\":1,\"\uD83D\uDE00\":2}");
        // The reader's constant names (iss, aud, kid...), plain and escaped, in either order and
        // after other constants, so that the identity-only check for constants never misses one.
        rejects("{\"iss\":1,\"\\u0069ss\":2}");
        rejects("{\"\\u0069ss\":1,\"iss\":2}");
        rejects("{\"sub\":0,\"aud\":0,\"iss\":1,\"exp\":0,\"is\\u0073\":2}");
        rejects("{\"sub\":0,\"i\\u0073s\":1,\"aud\":0,\"iss\":2}");
        rejects("{\"iss\":1,\"sub\":0,\"iss\":2}");
        rejects("{\"x\":0,\"iss\":1,\"sub\":0,\"iss\":2}");
    }

    @Test
    void acceptsTheSameNameInDifferentObjects() throws JsonParseException {
        assertEquals(Map.of("a", Map.of("a", 1L)), parse("{\"a\":{\"a\":1}}"));
        assertEquals(List.of(Map.of("a", 1L), Map.of("a", 2L)), parse("[{\"a\":1},{\"a\":2}]"));
    }

    @Test
    void keepsMemberOrder() throws JsonParseException {
        Map<?, ?> map = assertInstanceOf(Map.class, parse("{\"z\":1,\"a\":2,\"m\":3}"));
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(map.keySet()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 5, 8, 9, 100})
    void arraysOfAnySizeAreImmutableRandomAccessListsEqualToTheirElements(int elements) throws JsonParseException {
        List<Object> expected = new ArrayList<>();
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < elements; i++) {
            json.append(i == 0 ? "" : ",").append(i % 2 == 0 ? Integer.toString(i) : "\"s" + i + "\"");
            expected.add(i % 2 == 0 ? (Object) (long) i : "s" + i);
        }
        List<?> list = assertInstanceOf(List.class, parse(json.append(']').toString()));
        assertEquals(expected, list);
        assertEquals(list, expected);
        assertEquals(expected.hashCode(), list.hashCode());
        assertInstanceOf(RandomAccess.class, list);
        assertEquals(expected.get(elements - 1), list.get(elements - 1));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(elements));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(-1));
        @SuppressWarnings("unchecked")
        List<Object> writable = (List<Object>) list;
        assertThrows(UnsupportedOperationException.class, () -> writable.add(1L));
        assertThrows(UnsupportedOperationException.class, () -> writable.set(0, 1L));
        assertThrows(UnsupportedOperationException.class, () -> writable.remove(0));
        assertThrows(UnsupportedOperationException.class, writable::clear);
        Iterator<Object> iterator = writable.iterator();
        iterator.next();
        assertThrows(UnsupportedOperationException.class, iterator::remove);
    }

    /**
     * Small objects are kept in one array and move to a hashed map past 16 members; on both sides of
     * that step order, lookups, equality, immutability and duplicate detection are the same.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 15, 16, 17, 18, 33, 200})
    void objectsOfAnySizeKeepOrderFindEveryMemberAndRefuseDuplicates(int members) throws JsonParseException {
        StringBuilder json = new StringBuilder("{");
        LinkedHashMap<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < members; i++) {
            String name = i % 3 == 0 ? List.of("iss", "sub", "aud", "exp", "nbf", "iat").get(i / 3 % 6) + i : "m" + (members - i);
            json.append(i == 0 ? "" : ",").append('"').append(name).append("\":").append(i);
            expected.put(name, (long) i);
        }
        String text = json.append('}').toString();
        Map<?, ?> map = assertInstanceOf(Map.class, parse(text));
        assertEquals(expected, map);
        assertEquals(map, expected);
        assertEquals(expected.hashCode(), map.hashCode());
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(map.keySet()));
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            assertEquals(e.getValue(), map.get(e.getKey()));
            assertTrue(map.containsKey(new String(e.getKey().toCharArray())));
        }
        assertNull(map.get("absent"));
        assertFalse(map.containsKey(null));
        @SuppressWarnings("unchecked")
        Map<String, Object> writable = (Map<String, Object>) map;
        assertThrows(UnsupportedOperationException.class, () -> writable.put("x", 1L));
        if (members > 0) {
            assertThrows(UnsupportedOperationException.class, () -> writable.clear());
            assertThrows(UnsupportedOperationException.class, () -> writable.remove(expected.keySet().iterator().next()));
            assertThrows(UnsupportedOperationException.class, () -> writable.entrySet().iterator().next().setValue(1L));
            // The first name again, last: a duplicate whichever form the object has reached by then.
            String first = expected.keySet().iterator().next();
            rejects(text.substring(0, text.length() - 1) + ",\"" + first + "\":0}", JsonLimits.DEFAULT);
            // And spelled with an escape.
            rejects(text.substring(0, text.length() - 1) + ",\"\\u00" + Integer.toHexString(first.charAt(0))
                    + first.substring(1) + "\":0}", JsonLimits.DEFAULT);
        }
    }

    @Test
    void rejectsInputLargerThanMaxBytesBeforeParsing() throws JsonParseException {
        JsonLimits limits = new JsonLimits(10, 32, 100);
        assertEquals(List.of(1L, 2L, 3L, 4L), parse("[1,2,3, 4]", limits));
        JsonParseException e = rejects("[1,2,3,4,5]", limits);
        assertTrue(e.getMessage().contains("11 bytes"), e.getMessage());
        // Garbage of the same size is refused for its size, proving no parsing happened first.
        assertTrue(rejects("\u0000".repeat(11), limits).getMessage().contains("11 bytes"));
    }

    @Test
    void acceptsNestingAtExactlyMaxDepth() throws JsonParseException {
        JsonLimits limits = new JsonLimits(1 << 20, 3, 100);
        parse(nested(3), limits);
        parse("{\"a\":{\"b\":{\"c\":1}}}", limits);
        parse("{\"a\":[{}]}", limits);
    }

    @Test
    void rejectsNestingOneBeyondMaxDepth() {
        JsonLimits limits = new JsonLimits(1 << 20, 3, 100);
        rejects(nested(4), limits);
        rejects("{\"a\":{\"b\":{\"c\":{}}}}", limits);
        rejects("[{\"a\":[[]]}]", limits);
    }

    @Test
    void countsATopLevelContainerAsDepthOne() throws JsonParseException {
        JsonLimits limits = new JsonLimits(100, 1, 100);
        assertEquals(7L, parse("7", limits));
        assertEquals(List.of(1L), parse("[1]", limits));
        assertEquals(Map.of("a", "b"), parse("{\"a\":\"b\"}", limits));
        rejects("[[]]", limits);
        rejects("{\"a\":[]}", limits);
    }

    @Test
    void rejectsOneHundredThousandNestedArraysQuickly() {
        byte[] input = "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            JsonParseException e = rejects(input, JsonLimits.DEFAULT);
            assertTrue(e.getMessage().contains("nesting deeper than 32 at byte offset 32"), e.getMessage());
        });
    }

    @Test
    void parsesDeepNestingWithoutRecursionWhenTheLimitAllowsIt() throws JsonParseException {
        // An iterative parser survives a depth that would overflow the stack of a recursive one.
        Object value = parse(nested(200_000), new JsonLimits(1 << 20, Integer.MAX_VALUE, 100));
        int depth = 0;
        while (value instanceof List<?> list && !list.isEmpty()) {
            value = list.get(0);
            depth++;
        }
        assertEquals(199_999, depth);
    }

    @Test
    void acceptsStringsOfExactlyMaxStringLength() throws JsonParseException {
        JsonLimits limits = new JsonLimits(1 << 20, 32, 4);
        assertEquals("abcd", parse("\"abcd\"", limits));
        assertEquals("a\nc\u00e9", parse("\"a\\nc\u00e9\"", limits));
        // A supplementary character is two UTF-16 chars.
        assertEquals("ab\uD83D\uDE00", parse("\"ab\uD83D\uDE00\"", limits));
        assertEquals("ab\uD83D\uDE00", parse("\"ab\\ud83d\\ude00\"", limits));
        assertEquals(Map.of("wxyz", 1L), parse("{\"wxyz\":1}", limits));
    }

    @Test
    void rejectsStringsOneCharBeyondMaxStringLength() {
        JsonLimits limits = new JsonLimits(1 << 20, 32, 4);
        rejects("\"abcde\"", limits);
        rejects("\"a\\nc\u00e9e\"", limits);
        rejects("\"abc\uD83D\uDE00\"", limits);
        rejects("\"abc\\ud83d\\ude00\"", limits);
        rejects("\"\u00e9\u00e9\u00e9\u00e9\u00e9\"", limits);
        rejects("{\"vwxyz\":1}", limits);
        rejects("{\"vwx\\u0079z\":1}", limits);
    }

    @Test
    void returnsIntegersThatFitAsLong() throws JsonParseException {
        assertEquals(Long.MAX_VALUE, parse(Long.toString(Long.MAX_VALUE)));
        assertEquals(Long.MIN_VALUE, parse(Long.toString(Long.MIN_VALUE)));
        assertEquals(999_999_999_999_999_999L, parse("999999999999999999"));
        assertEquals(-42L, parse("-42"));
        assertEquals(0L, parse("0"));
    }

    @Test
    void returnsMinusZeroAsLongZero() throws JsonParseException {
        assertEquals(0L, parse("-0"));
    }

    @Test
    void returnsIntegersBeyondLongAsBigInteger() throws JsonParseException {
        BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
        BigInteger min = BigInteger.valueOf(Long.MIN_VALUE);
        assertEquals(max.add(BigInteger.ONE), parse(max.add(BigInteger.ONE).toString()));
        assertEquals(min.subtract(BigInteger.ONE), parse(min.subtract(BigInteger.ONE).toString()));
        assertEquals(new BigInteger("1" + "0".repeat(40)), parse("1" + "0".repeat(40)));
    }

    @Test
    void returnsNumbersWithFractionOrExponentAsExactBigDecimal() throws JsonParseException {
        assertEquals(new BigDecimal("1.0"), parse("1.0"));
        assertEquals(new BigDecimal("1e3"), parse("1e3"));
        assertEquals(new BigDecimal("1E+3"), parse("1E+3"));
        assertEquals(new BigDecimal("-2.5e-3"), parse("-2.5e-3"));
        assertEquals(new BigDecimal("0.1"), parse("0.1"));
        assertEquals(new BigDecimal("123.456e-789"), parse("123.456e-789"));
        assertEquals(new BigDecimal("1.5e+9999"), parse("1.5e+9999"));
        assertEquals(new BigDecimal("0.0"), parse("-0.0"));
        assertEquals(new BigDecimal("1e00003"), parse("1e00003"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "-01", "+1", "1.", ".5", "1e", "1e+", "1E-", "-", "--1", "1.e3", "0x10", "NaN",
        "Infinity", "-Infinity", "1.5.2", "1e3e3", "1ee3", "\u0661", "[1 2]", "1_000", "0.e1", "- 1"})
    void rejectsNumbersOutsideTheGrammar(String json) {
        rejects(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e99999999999", "1e-99999999999", "1e2147483648", "0.5e-2147483647",
        "1e-2147483648", "0.5e2147483648", "1e" + "9999999999999999999999999999999"})
    void rejectsExponentsBeyondTheBigDecimalScaleAsParseErrors(String json) {
        assertTrue(rejects(json).getMessage().contains("exponent out of range"));
    }

    @Test
    void acceptsExponentsAtTheEdgeOfTheBigDecimalScale() throws JsonParseException {
        assertEquals(new BigDecimal("1e-2147483647"), parse("1e-2147483647"));
        assertEquals(new BigDecimal("1e2147483647"), parse("1e2147483647"));
    }

    @Test
    void boundsNumbersToOneThousandCharacters() throws JsonParseException {
        assertInstanceOf(BigInteger.class, parse("9".repeat(1000)));
        assertInstanceOf(BigDecimal.class, parse("0." + "1".repeat(998)));
        rejects("9".repeat(1001));
        rejects("-" + "9".repeat(1000));
        rejects("0." + "1".repeat(999));
    }

    @Test
    void rejectsAMillionDigitNumberQuickly() {
        byte[] input = ("[" + "7".repeat(1_000_000) + "]").getBytes(StandardCharsets.US_ASCII);
        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertTrue(rejects(input, new JsonLimits(2 << 20, 32, 2 << 20)).getMessage()
                        .contains("number longer than 1000 characters")));
    }

    @Test
    void boundsNumbersByMaxStringLengthWhenThatIsSmaller() throws JsonParseException {
        JsonLimits limits = new JsonLimits(100, 8, 5);
        assertEquals(new BigDecimal("-1.25"), parse("-1.25", limits));
        rejects("-1.255", limits);
        rejects("123456", limits);
    }

    @Test
    void decodesEverySimpleEscape() throws JsonParseException {
        assertEquals("\"\\/\b\f\n\r\t\u0000\u001f\u00e9\uffff",
                parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\u001F\\u00E9\\uFFFF\""));
    }

    @Test
    void rejectsUnknownOrTruncatedEscapes() {
        for (String body : List.of("\\a", "\\x41", "\\U0041", "\\u00", "\\u00g0", "\\'", "\\0", "\\u 041")) {
            rejects("\"" + body + "\"");
        }
        rejects("\"\\");
        rejects("\"\\u00");
    }

    @Test
    void decodesSurrogatePairEscapesToOneCodePoint() throws JsonParseException {
        String s = assertInstanceOf(String.class, parse("\"\\uD834\\uDD1E\\ud83d\\ude00\""));
        assertEquals(4, s.length());
        assertEquals(0x1D11E, s.codePointAt(0));
        assertEquals(0x1F600, s.codePointAt(2));
        assertEquals(0x10FFFF, ((String) parse("\"\\uDBFF\\uDFFF\"")).codePointAt(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\uD800", "\\uD800x", "\\uD800\\n", "\\uD800\\u0041", "\\uD800\\uD800",
        "\\uDC00", "\\uDFFF\\uD800", "x\\uDE00", "\\uD834\\uDD1E\\uDD1E", "\\uDBFF"})
    void rejectsLoneOrUnpairedSurrogateEscapes(String body) {
        rejects("\"" + body + "\"");
        rejects("{\"" + body + "\":0}");
    }

    @Test
    void decodesValidUtf8AtEverySequenceLengthBoundary() throws JsonParseException {
        int[] codePoints = {0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
        for (int cp : codePoints) {
            String s = new String(Character.toChars(cp)) + "a";
            assertEquals(s, parse("\"" + s + "\""), () -> "U+" + Integer.toHexString(cp));
            assertEquals(Map.of(s, 1L), parse("{\"" + s + "\":1}"));
        }
    }

    @Test
    void rejectsOverlongUtf8() {
        rejects(inString(0xC0, 0x80), JsonLimits.DEFAULT);
        rejects(inString(0xC1, 0xBF), JsonLimits.DEFAULT);
        rejects(inString(0xE0, 0x80, 0x80), JsonLimits.DEFAULT);
        rejects(inString(0xE0, 0x9F, 0xBF), JsonLimits.DEFAULT);
        rejects(inString(0xF0, 0x80, 0x80, 0x80), JsonLimits.DEFAULT);
        rejects(inString(0xF0, 0x8F, 0xBF, 0xBF), JsonLimits.DEFAULT);
        rejects(inString(0xFC, 0x80, 0x80, 0x80, 0x80, 0x80), JsonLimits.DEFAULT);
    }

    @Test
    void rejectsSurrogatesEncodedInUtf8() {
        rejects(inString(0xED, 0xA0, 0x80), JsonLimits.DEFAULT);
        rejects(inString(0xED, 0xBF, 0xBF), JsonLimits.DEFAULT);
        rejects(inString(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80), JsonLimits.DEFAULT);
    }

    @Test
    void rejectsUtf8BeyondU10FFFF() {
        rejects(inString(0xF4, 0x90, 0x80, 0x80), JsonLimits.DEFAULT);
        rejects(inString(0xF5, 0x80, 0x80, 0x80), JsonLimits.DEFAULT);
        rejects(inString(0xF7, 0xBF, 0xBF, 0xBF), JsonLimits.DEFAULT);
        rejects(inString(0xFF), JsonLimits.DEFAULT);
        rejects(inString(0xFE), JsonLimits.DEFAULT);
    }

    @Test
    void rejectsTruncatedOrBrokenUtf8() {
        rejects(inString(0xC3), JsonLimits.DEFAULT);
        rejects(inString(0xE2, 0x82), JsonLimits.DEFAULT);
        rejects(inString(0xF0, 0x9F, 0x98), JsonLimits.DEFAULT);
        rejects(inString(0x80), JsonLimits.DEFAULT);
        rejects(inString(0xBF, 0x41), JsonLimits.DEFAULT);
        rejects(inString(0xC3, 0x41), JsonLimits.DEFAULT);
        rejects(inString(0xE2, 0x82, 0xC3, 0xA9), JsonLimits.DEFAULT);
        rejects(bytes('"', 0xC3), JsonLimits.DEFAULT);
        rejects(bytes('"', 0xF0, 0x9F, 0x98), JsonLimits.DEFAULT);
        rejects(bytes('"', 'a', 0xE2), JsonLimits.DEFAULT);
    }

    @Test
    void rejectsNonAsciiOutsideStringsIncludingAByteOrderMark() {
        rejects(bytes(0xEF, 0xBB, 0xBF, '{', '}'), JsonLimits.DEFAULT);
        rejects(bytes('[', 0xC2, 0xA0, '1', ']'), JsonLimits.DEFAULT);
        rejects(bytes('[', '1', ']', 0xC3, 0xA9), JsonLimits.DEFAULT);
    }

    @Test
    void rejectsUnescapedControlCharactersInStrings() throws JsonParseException {
        for (int c = 0; c < 0x20; c++) {
            rejects(inString('a', c, 'b'), JsonLimits.DEFAULT);
            rejects(inString(0xC3, 0xA9, c), JsonLimits.DEFAULT);
        }
        assertEquals("\u007f", parse("\"\u007f\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n", "[1] [2]", "[1],", "{}x", "nul", "nulll", "True", "[1,]", "[,1]", "[1,,2]",
        "{\"a\":1,}", "{,}", "{\"a\" 1}", "{\"a\":}", "{a:1}", "{'a':1}", "{1:2}", "[", "]", "{", "}", "[1",
        "{\"a\":1", "{\"a\"", "\"abc", "[\"a\" \"b\"]", "/**/[]", "[]//", "\f[]", "[\u000b1]"})
    void rejectsMalformedStructure(String json) {
        rejects(json);
    }

    @Test
    void returnsUnmodifiableCollections() throws JsonParseException {
        Map<?, ?> map = assertInstanceOf(Map.class, parse("{\"a\":[1,{\"b\":[]}],\"e\":{},\"l\":[]}"));
        assertThrows(UnsupportedOperationException.class, () -> map.remove("a"));
        assertThrows(UnsupportedOperationException.class, map::clear);
        List<?> list = assertInstanceOf(List.class, map.get("a"));
        assertThrows(UnsupportedOperationException.class, () -> list.remove(0));
        Map<?, ?> inner = assertInstanceOf(Map.class, list.get(1));
        assertThrows(UnsupportedOperationException.class, inner::clear);
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) inner.get("b")).add(null));
        assertThrows(UnsupportedOperationException.class, () -> writable(map.get("e")).put("x", 1L));
        assertThrows(UnsupportedOperationException.class, () -> writable(map).put("x", 1L));
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) map.get("l")).add(null));
        // Unlike Map.of and List.of, null lookups are answered rather than thrown.
        assertFalse(map.containsKey(null));
        assertFalse(((Map<?, ?>) map.get("e")).containsKey(null));
        assertFalse(list.contains(null));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> writable(Object map) {
        return (Map<String, Object>) map;
    }

    @Test
    void namesTheProblemAndOffsetButNeverEchoesTheInput() {
        String message = rejects("{\"password\":\"hunter2\",\"password\":1}").getMessage();
        assertEquals("invalid JSON: duplicate member name at byte offset 22", message);
        message = rejects("{\"token\":\"hunter2\" hunter2}").getMessage();
        assertFalse(message.contains("hunter2"), message);
        assertTrue(message.contains("byte offset 19"), message);
    }
}
