package dev.sigil.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes values of the types {@link JsonReader} produces as UTF-8 JSON. One instance writes one
 * document; it is not thread-safe and is never shared.
 *
 * <p>Recursion is capped at {@link #MAX_DEPTH} so that a self-containing (cyclic) collection gives
 * an {@link IllegalArgumentException} instead of a {@link StackOverflowError}.
 *
 * <p>Public only so that {@code dev.sigil.jwk.BuiltinJsonCodec} can call it; this package is not
 * exported.
 */
public final class JsonWriter {

    /** Deeper nesting is refused; far beyond anything the reader accepts with sane limits. */
    static final int MAX_DEPTH = 1000;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final boolean indent;
    private byte[] buf = new byte[256];
    private int len;

    private JsonWriter(boolean indent) {
        this.indent = indent;
    }

    /**
     * Writes {@code value}; see {@link dev.sigil.spi.JsonCodec#write}.
     *
     * @throws IllegalArgumentException if the value holds a type the reader never produces
     */
    public static byte[] write(Object value, boolean indent) {
        JsonWriter writer = new JsonWriter(indent);
        writer.value(value, 0);
        return Arrays.copyOf(writer.buf, writer.len);
    }

    private void value(Object v, int depth) {
        if (v == null) {
            ascii("null");
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Boolean b) {
            ascii(b ? "true" : "false");
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            ascii(v.toString());
        } else if (v instanceof BigDecimal d) {
            // toString may use exponent notation such as 1E+3, which is valid JSON and keeps the scale.
            ascii(d.toString());
            if (d.scale() == 0) {
                // Plain digits would read back as an integer (Long); 15E0 reads back as this BigDecimal.
                ascii("E0");
            }
        } else if (v instanceof Double d) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON has no representation for NaN or infinity");
            }
            ascii(d.toString());
        } else if (v instanceof Float f) {
            if (!Float.isFinite(f)) {
                throw new IllegalArgumentException("JSON has no representation for NaN or infinity");
            }
            ascii(f.toString());
        } else if (v instanceof Map<?, ?> map) {
            object(map, depth + 1);
        } else if (v instanceof List<?> list) {
            array(list, depth + 1);
        } else {
            throw new IllegalArgumentException("cannot write a value of type " + v.getClass().getName() + " as JSON");
        }
    }

    private void object(Map<?, ?> map, int depth) {
        checkDepth(depth);
        if (map.isEmpty()) {
            ascii("{}");
            return;
        }
        put('{');
        boolean first = true;
        for (Map.Entry<?, ?> member : map.entrySet()) {
            if (!(member.getKey() instanceof String name)) {
                throw new IllegalArgumentException("JSON member names must be strings");
            }
            if (!first) {
                put(',');
            }
            first = false;
            newline(depth);
            string(name);
            put(':');
            if (indent) {
                put(' ');
            }
            value(member.getValue(), depth);
        }
        newline(depth - 1);
        put('}');
    }

    private void array(List<?> list, int depth) {
        checkDepth(depth);
        if (list.isEmpty()) {
            ascii("[]");
            return;
        }
        put('[');
        boolean first = true;
        for (Object element : list) {
            if (!first) {
                put(',');
            }
            first = false;
            newline(depth);
            value(element, depth);
        }
        newline(depth - 1);
        put(']');
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("JSON nesting deeper than " + MAX_DEPTH + " (or a cyclic collection)");
        }
    }

    private void newline(int depth) {
        if (indent) {
            ensure(1 + 2 * depth);
            buf[len++] = '\n';
            for (int k = 0; k < 2 * depth; k++) {
                buf[len++] = ' ';
            }
        }
    }

    private void string(String s) {
        put('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            // Six bytes covers the longest output of one char, a six-byte unicode escape.
            ensure(6);
            if (c >= 0x20 && c < 0x80) {
                if (c == '"' || c == '\\') {
                    buf[len++] = '\\';
                }
                buf[len++] = (byte) c;
            } else if (c < 0x20) {
                escapeControl(c);
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xC0 | c >> 6);
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new IllegalArgumentException("string holds a lone surrogate at index " + i);
                }
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[len++] = (byte) (0xF0 | cp >> 18);
                buf[len++] = (byte) (0x80 | (cp >> 12 & 0x3F));
                buf[len++] = (byte) (0x80 | (cp >> 6 & 0x3F));
                buf[len++] = (byte) (0x80 | (cp & 0x3F));
            } else if (c == 0x2028 || c == 0x2029) {
                // Valid JSON, but line terminators in JavaScript before ES2019; escaping costs nothing.
                unicodeEscape(c);
            } else {
                buf[len++] = (byte) (0xE0 | c >> 12);
                buf[len++] = (byte) (0x80 | (c >> 6 & 0x3F));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        put('"');
    }

    private void escapeControl(char c) {
        char letter;
        switch (c) {
            case '\b': letter = 'b'; break;
            case '\f': letter = 'f'; break;
            case '\n': letter = 'n'; break;
            case '\r': letter = 'r'; break;
            case '\t': letter = 't'; break;
            default:
                unicodeEscape(c);
                return;
        }
        buf[len++] = '\\';
        buf[len++] = (byte) letter;
    }

    private void unicodeEscape(char c) {
        buf[len++] = '\\';
        buf[len++] = 'u';
        buf[len++] = HEX[c >> 12];
        buf[len++] = HEX[c >> 8 & 0xF];
        buf[len++] = HEX[c >> 4 & 0xF];
        buf[len++] = HEX[c & 0xF];
    }

    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void put(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    private void ensure(int more) {
        if (buf.length - len < more) {
            long wanted = Math.max(buf.length * 2L, (long) len + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("JSON output too large");
            }
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }
}
