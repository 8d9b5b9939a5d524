package dev.sigil.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BuiltinJsonCodecWriterTest {

    private final BuiltinJsonCodec codec = new BuiltinJsonCodec();

    private String compact(Object value) {
        return new String(codec.write(value, false), StandardCharsets.UTF_8);
    }

    private String indented(Object value) {
        return new String(codec.write(value, true), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("alg", "RS256");
        doc.put("n", 1L);
        doc.put("keys", Arrays.asList(Map.of("k", true), null, List.of()));
        doc.put("empty", Map.of());
        doc.put("d", new BigDecimal("1.50"));
        return doc;
    }

    @Test
    void writesCompactOutput() {
        assertEquals("{\"alg\":\"RS256\",\"n\":1,\"keys\":[{\"k\":true},null,[]],\"empty\":{},\"d\":1.50}",
                compact(document()));
    }

    @Test
    void writesTwoSpaceIndentedOutputWithCompactEmptyContainers() {
        assertEquals("{\n"
                + "  \"alg\": \"RS256\",\n"
                + "  \"n\": 1,\n"
                + "  \"keys\": [\n"
                + "    {\n"
                + "      \"k\": true\n"
                + "    },\n"
                + "    null,\n"
                + "    []\n"
                + "  ],\n"
                + "  \"empty\": {},\n"
                + "  \"d\": 1.50\n"
                + "}", indented(document()));
        assertEquals("[]", indented(List.of()));
        assertEquals("{}", indented(Map.of()));
        assertEquals("\"x\"", indented("x"));
    }

    @Test
    void writesScalars() {
        assertEquals("null", compact(null));
        assertEquals("false", compact(false));
        assertEquals("[1,2,3,4,-9223372036854775808]",
                compact(List.of(1, (short) 2, (byte) 3, 4L, Long.MIN_VALUE)));
        assertEquals("123456789012345678901234567890", compact(new BigInteger("123456789012345678901234567890")));
        assertEquals("[1E+3,0.001,-2.5]", compact(List.of(new BigDecimal("1e3"), new BigDecimal("1e-3"),
                new BigDecimal("-2.5"))));
        assertEquals("[1.5,1.0E10,-0.0,0.25]", compact(List.of(1.5d, 1e10d, -0.0d, 0.25f)));
    }

    @Test
    void writesBigDecimalsOfScaleZeroSoTheyReadBackAsBigDecimal() throws JsonParseException {
        assertEquals("[15E0,-7E0,0E0,1.5E+2]", compact(List.of(new BigDecimal("1.5e1"), BigDecimal.valueOf(-7),
                BigDecimal.ZERO, new BigDecimal("1.5e2"))));
        Object parsed = codec.parse(codec.write(new BigDecimal("1.5e1"), false), JsonLimits.DEFAULT);
        assertEquals(new BigDecimal("15"), parsed);
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertEquals("\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f\u007f\"",
                compact("\"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f"));
    }

    @Test
    void escapesLineAndParagraphSeparators() {
        assertEquals("\"a\\u2028b\\u2029c\"", compact("a\u2028b\u2029c"));
    }

    @Test
    void encodesNonAsciiAsUtf8() {
        String s = "\u00e9\u20ac\uD83D\uDE00\uFFFF";
        assertEquals(Arrays.toString(("\"" + s + "\"").getBytes(StandardCharsets.UTF_8)),
                Arrays.toString(codec.write(s, false)));
    }

    @Test
    void rejectsLoneSurrogates() {
        for (String s : List.of("\uD800", "a\uD800", "\uD800a", "\uDC00", "\uDE00\uD83D", "\uD83D\uD83D")) {
            assertThrows(IllegalArgumentException.class, () -> codec.write(s, false));
            assertThrows(IllegalArgumentException.class, () -> codec.write(Map.of(s, 1), false));
        }
    }

    @Test
    void rejectsNonFiniteNumbers() {
        for (Object n : List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN,
                Float.NEGATIVE_INFINITY)) {
            assertThrows(IllegalArgumentException.class, () -> codec.write(List.of(n), false));
        }
    }

    @Test
    void rejectsTypesOutsideTheJsonModel() {
        for (Object v : List.of(new Object(), 'c', new AtomicLong(1), Set.of(1), new int[0], Map.of(1, 2),
                List.of(Map.of("a", Map.of("b", Set.of()))))) {
            assertThrows(IllegalArgumentException.class, () -> codec.write(v, false));
        }
        Map<String, Object> nullName = new HashMap<>();
        nullName.put(null, 1);
        assertThrows(IllegalArgumentException.class, () -> codec.write(nullName, true));
    }

    @Test
    void rejectsCyclicCollectionsInsteadOfOverflowingTheStack() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertThrows(IllegalArgumentException.class, () -> codec.write(cycle, false));
        Map<String, Object> self = new HashMap<>();
        self.put("self", self);
        assertThrows(IllegalArgumentException.class, () -> codec.write(self, true));
    }

    @Test
    void writesAnyMapImplementationInItsIterationOrder() {
        assertEquals("{\"a\":1,\"b\":2}", compact(new TreeMap<>(Map.of("b", 2, "a", 1))));
        assertEquals("{\"k\":[]}", compact(Collections.singletonMap("k", Collections.emptyList())));
    }

    @Test
    void roundTripsWhatItWrites() throws JsonParseException {
        Map<String, Object> doc = new LinkedHashMap<>(document());
        doc.put("text", "quote\" back\\ nl\n nul\u0000 sep\u2028 \u00e9\u20ac\uD83D\uDE00");
        doc.put("big", new BigInteger("-99999999999999999999999"));
        doc.put("exp", new BigDecimal("-1.5E-300"));
        doc.put("long", Long.MAX_VALUE);
        for (boolean indent : new boolean[] {false, true}) {
            assertEquals(doc, codec.parse(codec.write(doc, indent), JsonLimits.DEFAULT));
        }
    }
}
