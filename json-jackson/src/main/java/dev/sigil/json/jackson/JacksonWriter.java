package dev.sigil.json.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes values with a {@link JsonGenerator} so that the bytes equal the built-in codec's: the
 * factory is set up for its escapes, and numbers are written from the same text.
 */
final class JacksonWriter {

    /** Deeper nesting is refused (as the built-in does); it also stops a cyclic collection. */
    static final int MAX_DEPTH = 1000;

    private final JsonFactory factory = new JsonFactoryBuilder()
            // The built-in writes \u001f, not \u001F.
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            // Characters beyond the BMP as one four-byte UTF-8 sequence, not two \\u escapes.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .disable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .characterEscapes(new LineSeparatorEscapes())
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    byte[] write(Object value, boolean indent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = factory.createGenerator(out)) {
            if (indent) {
                // A fresh printer per document: pretty printers count the nesting as they go.
                generator.setPrettyPrinter(new TwoSpaceIndent());
            }
            value(generator, value, 0);
        } catch (IOException e) {
            // Writing to memory does no I/O; this is the generator refusing a call sequence, a bug.
            throw new UncheckedIOException("jackson failed to write JSON", e);
        }
        return out.toByteArray();
    }

    private void value(JsonGenerator g, Object v, int depth) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(wellFormed(s));
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            g.writeNumber(v.toString());
        } else if (v instanceof BigDecimal d) {
            // toString may use exponent notation such as 1E+3, which is valid JSON and keeps the
            // scale; plain digits would read back as an integer, so scale 0 gets E0.
            g.writeNumber(d.scale() == 0 ? d + "E0" : d.toString());
        } else if (v instanceof Double d) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON has no representation for NaN or infinity");
            }
            g.writeNumber(d.toString());
        } else if (v instanceof Float f) {
            if (!Float.isFinite(f)) {
                throw new IllegalArgumentException("JSON has no representation for NaN or infinity");
            }
            g.writeNumber(f.toString());
        } else if (v instanceof Map<?, ?> map) {
            checkDepth(depth + 1);
            g.writeStartObject();
            for (Map.Entry<?, ?> member : map.entrySet()) {
                if (!(member.getKey() instanceof String name)) {
                    throw new IllegalArgumentException("JSON member names must be strings");
                }
                g.writeFieldName(wellFormed(name));
                value(g, member.getValue(), depth + 1);
            }
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            checkDepth(depth + 1);
            g.writeStartArray();
            for (Object element : list) {
                value(g, element, depth + 1);
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("cannot write a value of type " + v.getClass().getName() + " as JSON");
        }
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("JSON nesting deeper than " + MAX_DEPTH + " (or a cyclic collection)");
        }
    }

    /** Jackson writes a lone surrogate as a {@code \u005Cu} escape; the built-in refuses it, and so does this. */
    private static String wellFormed(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new IllegalArgumentException("string holds a lone surrogate at index " + i);
                }
                i++;
            }
        }
        return s;
    }
}
