package dev.sigil.testkit;

import dev.sigil.spi.JsonParseException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The JSONTestSuite parsing corpus (see {@code jsontestsuite/PROVENANCE.md} beside this class's
 * resources) and Sigil's decision for each file, read from the class path so that it works from
 * testkit's jar as well as from its classes folder.
 *
 * <p>File names state the expected outcome: {@code y_} must be accepted, {@code n_} must be rejected,
 * {@code i_} is implementation-defined and decided by {@link #IMPLEMENTATION_DEFINED}. Two {@code y_}
 * files are rejected on purpose ({@link #DELIBERATELY_REJECTED}).
 */
final class JsonTestSuite {

    /** Marks an {@code i_} file that every codec rejects. */
    static final Class<?> REJECTED = JsonParseException.class;

    /**
     * The decision for every implementation-defined file, under {@code JsonLimits.DEFAULT}. Accepted
     * files hold a one-element array; the class is that element's type. Changing a decision must be
     * deliberate, so it fails the conformance suite.
     */
    static final Map<String, Class<?>> IMPLEMENTATION_DEFINED = Map.ofEntries(
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
     * {@code y_} files that are rejected on purpose, with the words the message must contain. RFC
     * 8259 only says names SHOULD be unique, but a token whose claims have two spellings is an attack
     * on whoever reads the other one (RFC 7519 section 4 lets JWT parsers reject them), so Sigil does.
     */
    static final Map<String, String> DELIBERATELY_REJECTED = Map.of(
            "y_object_duplicated_key.json", "duplicate member name",
            "y_object_duplicated_key_and_value.json", "duplicate member name");

    /** How many {@code y_} and {@code n_} files the corpus holds: a truncated copy must not pass quietly. */
    static final int ACCEPT_FILES = 95;
    static final int REJECT_FILES = 188;

    private static final String ROOT = "jsontestsuite/";

    private JsonTestSuite() {
    }

    /** One corpus file. */
    record CorpusFile(String name, byte[] bytes) {

        /** Whether every codec must accept the file (a {@code y_} file not rejected by design, or an accepted {@code i_}). */
        boolean mustAccept() {
            return name.startsWith("y_") && !DELIBERATELY_REJECTED.containsKey(name)
                    || name.startsWith("i_") && IMPLEMENTATION_DEFINED.get(name) != REJECTED;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Every file of the corpus, in name order. */
    static List<CorpusFile> files() {
        List<CorpusFile> files = new ArrayList<>();
        for (String name : index()) {
            files.add(new CorpusFile(name, resource(ROOT + "test_parsing/" + name)));
        }
        return Collections.unmodifiableList(files);
    }

    private static List<String> index() {
        String text = new String(resource(ROOT + "index.txt"), StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static byte[] resource(String path) {
        try (InputStream in = JsonTestSuite.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("testkit resource missing: dev/sigil/testkit/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read testkit resource dev/sigil/testkit/" + path, e);
        }
    }
}
