package dev.sigil.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the JSONTestSuite parsing corpus (see {@code jsontestsuite/PROVENANCE.md}) with the default
 * limits, which is how Sigil parses tokens.
 */
class BuiltinJsonCodecCorpusTest {

    /** Marks an {@code i_} file the codec rejects. */
    private static final Class<?> REJECTED = JsonParseException.class;

    /**
     * The decision for every implementation-defined file. Accepted files hold a one-element array;
     * the class is that element's type. Changing a decision must be deliberate, so it fails here.
     */
    private static final Map<String, Class<?>> IMPLEMENTATION_DEFINED = Map.ofEntries(
            // Exponents are kept, never expanded, as long as the BigDecimal scale fits an int.
            Map.entry("i_number_double_huge_neg_exp.json", BigDecimal.class),
            Map.entry("i_number_neg_int_huge_exp.json", BigDecimal.class),
            Map.entry("i_number_pos_double_huge_exp.json", BigDecimal.class),
            Map.entry("i_number_real_neg_overflow.json", BigDecimal.class),
            Map.entry("i_number_real_pos_overflow.json", BigDecimal.class),
            Map.entry("i_number_real_underflow.json", BigDecimal.class),
            // An exponent of hundreds of digits cannot be a BigDecimal scale.
            Map.entry("i_number_huge_exp.json", REJECTED),
            // Integers that overflow a long are exact BigIntegers.
            Map.entry("i_number_too_big_neg_int.json", BigInteger.class),
            Map.entry("i_number_too_big_pos_int.json", BigInteger.class),
            Map.entry("i_number_very_big_negative_int.json", BigInteger.class),
            // Every parsed string is well-formed Unicode: lone or misordered surrogate escapes fail.
            Map.entry("i_object_key_lone_2nd_surrogate.json", REJECTED),
            Map.entry("i_string_1st_surrogate_but_2nd_missing.json", REJECTED),
            Map.entry("i_string_1st_valid_surrogate_2nd_invalid.json", REJECTED),
            Map.entry("i_string_incomplete_surrogate_and_escape_valid.json", REJECTED),
            Map.entry("i_string_incomplete_surrogate_pair.json", REJECTED),
            Map.entry("i_string_incomplete_surrogates_escape_valid.json", REJECTED),
            Map.entry("i_string_invalid_lonely_surrogate.json", REJECTED),
            Map.entry("i_string_invalid_surrogate.json", REJECTED),
            Map.entry("i_string_inverted_surrogates_U+1D11E.json", REJECTED),
            Map.entry("i_string_lone_second_surrogate.json", REJECTED),
            // Input must be strict UTF-8: no other encoding, no BOM, no invalid sequences.
            Map.entry("i_string_UTF-16LE_with_BOM.json", REJECTED),
            Map.entry("i_string_utf16BE_no_BOM.json", REJECTED),
            Map.entry("i_string_utf16LE_no_BOM.json", REJECTED),
            Map.entry("i_structure_UTF-8_BOM_empty_object.json", REJECTED),
            Map.entry("i_string_iso_latin_1.json", REJECTED),
            Map.entry("i_string_UTF-8_invalid_sequence.json", REJECTED),
            Map.entry("i_string_UTF8_surrogate_U+D800.json", REJECTED),
            Map.entry("i_string_invalid_utf-8.json", REJECTED),
            Map.entry("i_string_lone_utf8_continuation_byte.json", REJECTED),
            Map.entry("i_string_not_in_unicode_range.json", REJECTED),
            Map.entry("i_string_overlong_sequence_2_bytes.json", REJECTED),
            Map.entry("i_string_overlong_sequence_6_bytes.json", REJECTED),
            Map.entry("i_string_overlong_sequence_6_bytes_null.json", REJECTED),
            Map.entry("i_string_truncated-utf-8.json", REJECTED),
            // Deeper than JsonLimits.DEFAULT allows (32).
            Map.entry("i_structure_500_nested_arrays.json", REJECTED));

    /**
     * {@code y_} files that are rejected on purpose. RFC 8259 only says names SHOULD be unique, but a
     * token whose claims have two spellings is an attack on whoever reads the other one (RFC 7519
     * section 4 lets JWT parsers reject them), so Sigil does.
     */
    private static final Map<String, String> DELIBERATELY_REJECTED = Map.of(
            "y_object_duplicated_key.json", "duplicate member name",
            "y_object_duplicated_key_and_value.json", "duplicate member name");

    private final BuiltinJsonCodec codec = new BuiltinJsonCodec();

    @TestFactory
    Stream<DynamicTest> parsesTheJsonTestSuiteCorpusAsDecided() throws IOException {
        return corpusFiles().stream().map(file -> {
            String name = file.getFileName().toString();
            return DynamicTest.dynamicTest(name, () -> check(name, Files.readAllBytes(file)));
        });
    }

    @Test
    void hasADecisionForExactlyTheImplementationDefinedFilesOfTheCorpus() throws IOException {
        TreeSet<String> inCorpus = new TreeSet<>();
        int accepted = 0;
        int rejected = 0;
        for (Path file : corpusFiles()) {
            String name = file.getFileName().toString();
            if (name.startsWith("i_")) {
                inCorpus.add(name);
            } else if (name.startsWith("y_")) {
                accepted++;
            } else if (name.startsWith("n_")) {
                rejected++;
            } else {
                fail("corpus file without a y_, n_ or i_ prefix: " + name);
            }
        }
        assertEquals(new TreeSet<>(IMPLEMENTATION_DEFINED.keySet()), inCorpus);
        // Guards against a corpus that silently went missing or was truncated.
        assertEquals(95, accepted);
        assertEquals(188, rejected);
    }

    private void check(String name, byte[] input) {
        if (DELIBERATELY_REJECTED.containsKey(name)) {
            JsonParseException e = assertThrows(JsonParseException.class, () -> codec.parse(input, JsonLimits.DEFAULT));
            assertTrue(e.getMessage().contains(DELIBERATELY_REJECTED.get(name)), e.getMessage());
        } else if (name.startsWith("y_")) {
            try {
                codec.parse(input, JsonLimits.DEFAULT);
            } catch (JsonParseException e) {
                fail("must accept " + name + " but: " + e.getMessage());
            }
        } else if (name.startsWith("n_")) {
            assertRejected(input);
        } else {
            Class<?> expected = IMPLEMENTATION_DEFINED.get(name);
            assertNotNull(expected, "no decision recorded for " + name);
            if (expected == REJECTED) {
                assertRejected(input);
            } else {
                Object value;
                try {
                    value = codec.parse(input, JsonLimits.DEFAULT);
                } catch (JsonParseException e) {
                    throw new AssertionError("decided to accept " + name + " but: " + e.getMessage(), e);
                }
                List<?> array = assertInstanceOf(List.class, value);
                assertEquals(1, array.size());
                assertInstanceOf(expected, array.get(0));
            }
        }
    }

    private void assertRejected(byte[] input) {
        JsonParseException e = assertThrows(JsonParseException.class, () -> codec.parse(input, JsonLimits.DEFAULT));
        // A cause would mean an unexpected runtime exception was caught by the safety net.
        assertNull(e.getCause());
    }

    private static List<Path> corpusFiles() throws IOException {
        URL dir = BuiltinJsonCodecCorpusTest.class.getResource("/jsontestsuite/test_parsing");
        assertNotNull(dir, "corpus missing from the test resources");
        Path root;
        try {
            root = Path.of(dir.toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(root)) {
            listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
        }
        return files;
    }
}
