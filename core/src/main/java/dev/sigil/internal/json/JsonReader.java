package dev.sigil.internal.json;

import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A strict RFC 8259 parser working directly on UTF-8 bytes. One instance parses one document; it is
 * not thread-safe and is never shared.
 *
 * <p>Longer than core's 400-line aim on purpose: it is one state machine over one buffer and one
 * position, on the verification hot path (every token's header and claims). Its parts (strings with
 * their ASCII fast path and UTF-8 validation, numbers, the nesting stack, the small-object builder)
 * share that state, so splitting them into classes would pass the buffer and position back and forth
 * on every value, which the benchmarks measure, for no gain in what each part can be tested for.
 *
 * <p>Nesting is handled with an explicit stack rather than recursion, so the Java stack depth does
 * not depend on the input or on {@link JsonLimits#maxDepth()}, however large a caller sets it.
 *
 * <p>Numbers longer than {@link #MAX_NUMBER_LENGTH} characters (or longer than
 * {@link JsonLimits#maxStringLength()}, if that is smaller) are rejected: converting an n-digit
 * number costs O(n^2) in {@link BigInteger}, and no JWT or JWK carries such numbers. Exponents are
 * never expanded; a number whose exponent or {@link BigDecimal} scale would not fit an {@code int}
 * is rejected.
 *
 * <p>Offsets in error messages count bytes from the start of the parsed range.
 *
 * <p>Public only so that {@code dev.sigil.jwk.BuiltinJsonCodec}, the exported face of this parser,
 * can call it; nothing outside core can, since this package is not exported.
 */
public final class JsonReader {

    /** The longest number accepted, in characters including sign, point and exponent. */
    static final int MAX_NUMBER_LENGTH = 1000;

    private final byte[] in;
    private final int start;
    private final int end;
    private final int maxDepth;
    private final int maxStringLength;
    private int pos;
    /** Scratch space for strings that need decoding; reused so escaped strings cost no garbage. */
    private char[] chars;

    private JsonReader(byte[] in, int off, int len, JsonLimits limits) {
        this.in = in;
        this.start = off;
        this.end = off + len;
        this.pos = off;
        this.maxDepth = limits.maxDepth();
        this.maxStringLength = limits.maxStringLength();
    }

    /**
     * Parses {@code in[off, off+len)}.
     *
     * @throws IndexOutOfBoundsException if the range lies outside {@code in} (a caller bug, not bad input)
     */
    public static Object read(byte[] in, int off, int len, JsonLimits limits) throws JsonParseException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(limits, "limits");
        Objects.checkFromIndexSize(off, len, in.length);
        if (len > limits.maxBytes()) {
            throw new JsonParseException("JSON input of " + len + " bytes exceeds the limit of "
                    + limits.maxBytes() + " bytes");
        }
        JsonReader reader = new JsonReader(in, off, len, limits);
        try {
            return reader.readDocument();
        } catch (RuntimeException e) {
            // Defence in depth: the parser is written so that nothing else escapes, but the contract
            // promises callers that hostile input yields JsonParseException and nothing else.
            throw new JsonParseException("JSON parser failed at byte offset " + reader.offset(), e);
        }
    }

    private Object readDocument() throws JsonParseException {
        Object value = readValue();
        skipWhitespace();
        if (pos != end) {
            throw error("unexpected data after the JSON value");
        }
        // Text is kept unmade only inside the containers, which make it a String on every way out.
        return value instanceof AsciiText text ? text.toString() : value;
    }

    private Object readValue() throws JsonParseException {
        // The open containers, innermost last: at 2d the container at depth d, at 2d + 1 the name
        // of the member being read when it is an object. One array, as small as a token needs.
        Object[] stack = new Object[4];
        int depth = 0;
        expectValue:
        for (;;) {
            skipWhitespace();
            if (pos >= end) {
                throw error("unexpected end of input, expected a value");
            }
            Object value;
            byte b = in[pos];
            switch (b) {
                case '{':
                case '[':
                    if (depth >= maxDepth) {
                        throw error("nesting deeper than " + maxDepth);
                    }
                    pos++;
                    skipWhitespace();
                    if (b == '{') {
                        if (pos < end && in[pos] == '}') {
                            pos++;
                            value = Collections.emptyMap();
                            break;
                        }
                        SmallObject map = new SmallObject();
                        if (2 * depth == stack.length) {
                            stack = Arrays.copyOf(stack, 4 * depth);
                        }
                        stack[2 * depth] = map;
                        stack[2 * depth + 1] = readMemberName(map);
                        depth++;
                    } else {
                        if (pos < end && in[pos] == ']') {
                            pos++;
                            value = Collections.emptyList();
                            break;
                        }
                        if (2 * depth == stack.length) {
                            stack = Arrays.copyOf(stack, 4 * depth);
                        }
                        stack[2 * depth] = new ArrayValue();
                        depth++;
                    }
                    continue expectValue;
                case '"':
                    value = readString(true);
                    break;
                case 't':
                    expectLiteral("true");
                    value = Boolean.TRUE;
                    break;
                case 'f':
                    expectLiteral("false");
                    value = Boolean.FALSE;
                    break;
                case 'n':
                    expectLiteral("null");
                    value = null;
                    break;
                default:
                    if (b == '-' || (b >= '0' && b <= '9')) {
                        value = readNumber();
                        break;
                    }
                    throw error("unexpected byte, expected a value");
            }
            // A value is complete: add it to its container and close every container that ends here.
            for (;;) {
                if (depth == 0) {
                    return value;
                }
                int top = 2 * (depth - 1);
                Object container = stack[top];
                skipWhitespace();
                int c = pos < end ? in[pos] : -1;
                if (container instanceof ArrayValue array) {
                    array.append(value);
                    if (c == ',') {
                        pos++;
                        continue expectValue;
                    }
                    if (c != ']') {
                        throw error(c < 0 ? "unexpected end of input in an array" : "expected ',' or ']'");
                    }
                    pos++;
                    value = array;
                } else {
                    Map<String, Object> map = add(stack, top, (String) stack[top + 1], value);
                    if (c == ',') {
                        pos++;
                        skipWhitespace();
                        stack[top + 1] = readMemberName(map);
                        continue expectValue;
                    }
                    if (c != '}') {
                        throw error(c < 0 ? "unexpected end of input in an object" : "expected ',' or '}'");
                    }
                    pos++;
                    value = map instanceof SmallObject ? map : Collections.unmodifiableMap(map);
                }
                depth--;
                stack[top] = null;
                stack[top + 1] = null;
            }
        }
    }

    /**
     * Adds a member to the object at {@code stack[at]}, moving it from a {@link SmallObject} to a
     * {@link LinkedHashMap} when it outgrows one, and returns the object.
     */
    private static Map<String, Object> add(Object[] stack, int at, String name, Object value) {
        Object container = stack[at];
        if (container instanceof SmallObject small) {
            if (small.size() < SmallObject.MAX_MEMBERS) {
                small.add(name, value);
                return small;
            }
            LinkedHashMap<String, Object> big = new LinkedHashMap<>(small);
            stack[at] = big;
            big.put(name, value);
            return big;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) container;
        map.put(name, value);
        return map;
    }


    /** Reads {@code "name"} and the colon after it; whitespace before the name is already skipped. */
    private String readMemberName(Map<String, Object> members) throws JsonParseException {
        if (pos >= end || in[pos] != '"') {
            throw error(pos >= end ? "unexpected end of input, expected a member name" : "expected a member name");
        }
        int at = pos;
        String name = CommonNames.at(in, pos + 1, end, maxStringLength);
        boolean constant = name != null;
        if (constant) {
            pos += name.length() + 2;
        } else {
            name = (String) readString(false);
        }
        // Checked after unescaping, so a name and its escaped spelling collide as they should.
        if (members instanceof SmallObject small ? small.holdsBeforeAdding(name, constant) : members.containsKey(name)) {
            throw errorAt(at, "duplicate member name");
        }
        skipWhitespace();
        if (pos >= end || in[pos] != ':') {
            throw error("expected ':' after a member name");
        }
        pos++;
        return name;
    }

    private void skipWhitespace() {
        int i = pos;
        while (i < end) {
            byte b = in[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                break;
            }
            i++;
        }
        pos = i;
    }

    private void expectLiteral(String literal) throws JsonParseException {
        int n = literal.length();
        if (end - pos < n) {
            throw error("invalid literal");
        }
        for (int k = 0; k < n; k++) {
            if (in[pos + k] != literal.charAt(k)) {
                throw error("invalid literal");
            }
        }
        pos += n;
    }

    /**
     * Reads a string; {@code pos} is at the opening quote. A value ({@code unmade}) that is printable
     * ASCII without escapes, nearly every string in a token, is kept as an {@link AsciiText} over the
     * input, checked as completely as a String would be; anything else becomes a String at once.
     */
    private Object readString(boolean unmade) throws JsonParseException {
        int begin = pos + 1;
        int i = plainRun(begin);
        // Fast path: printable ASCII without escapes. Bytes are signed, so "b < 0x20" also sends
        // every non-ASCII byte to the slow path.
        while (i < end) {
            byte b = in[i];
            if (b == '"') {
                int n = i - begin;
                if (n > maxStringLength) {
                    throw errorAt(pos, "string longer than " + maxStringLength + " chars");
                }
                pos = i + 1;
                return unmade ? new AsciiText(in, begin, n) : new String(in, begin, n, StandardCharsets.ISO_8859_1);
            }
            if (b < 0x20 || b == '\\') {
                break;
            }
            i++;
        }
        return readStringSlow(begin, i);
    }

    /**
     * The index of the first byte from {@code i} that is not plain string text (a quote, a backslash,
     * a control byte or a non-ASCII byte), found a word at a time; or, if there is none before the
     * last word, where the fewer than eight bytes left begin, which the caller reads one at a time.
     * Strings are most of a token's payload, and read a byte at a time they were most of its parse.
     */
    private int plainRun(int i) {
        byte[] bytes = in;
        int last = end - PlainWords.BYTES;
        while (i <= last) {
            long stops = PlainWords.stops(PlainWords.word(bytes, i));
            if (stops != 0) {
                return i + PlainWords.first(stops);
            }
            i += PlainWords.BYTES;
        }
        return i;
    }

    private String readStringSlow(int begin, int from) throws JsonParseException {
        int stringStart = begin - 1;
        int len = from - begin;
        if (len > maxStringLength) {
            throw errorAt(stringStart, "string longer than " + maxStringLength + " chars");
        }
        char[] buf = chars;
        if (buf == null || buf.length < len + 16) {
            buf = new char[Math.max(64, len + 16)];
        }
        for (int k = 0; k < len; k++) {
            buf[k] = (char) in[begin + k];
        }
        int i = from;
        for (;;) {
            if (i >= end) {
                chars = buf;
                throw errorAt(stringStart, "unterminated string");
            }
            if (len > maxStringLength) {
                chars = buf;
                throw errorAt(stringStart, "string longer than " + maxStringLength + " chars");
            }
            if (buf.length - len < 2) {
                // len <= maxStringLength here, so the buffer never grows far beyond the limit.
                buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 8, buf.length * 2L));
            }
            int b = in[i] & 0xff;
            if (b == '"') {
                chars = buf;
                pos = i + 1;
                return new String(buf, 0, len);
            }
            if (b == '\\') {
                int consumed = readEscape(i, buf, len);
                i += consumed;
                // Only a surrogate pair (two six-byte escapes) yields two chars.
                len += consumed == 12 ? 2 : 1;
            } else if (b < 0x20) {
                chars = buf;
                throw errorAt(i, "unescaped control character in a string");
            } else if (b < 0x80) {
                buf[len++] = (char) b;
                i++;
            } else {
                int cp = decodeUtf8(i);
                i += utf8Length(cp);
                if (cp >= 0x10000) {
                    buf[len++] = Character.highSurrogate(cp);
                    buf[len++] = Character.lowSurrogate(cp);
                } else {
                    buf[len++] = (char) cp;
                }
            }
        }
    }

    /**
     * Decodes the escape at {@code in[i]} (a backslash) into {@code buf[len]} and, for a surrogate
     * pair, {@code buf[len + 1]}; returns the number of input bytes consumed (2, 6 or 12).
     */
    private int readEscape(int i, char[] buf, int len) throws JsonParseException {
        if (i + 1 >= end) {
            throw errorAt(i, "unterminated escape");
        }
        byte e = in[i + 1];
        char c;
        switch (e) {
            case '"': c = '"'; break;
            case '\\': c = '\\'; break;
            case '/': c = '/'; break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            case 'u': {
                char unit = (char) hex4(i + 2);
                if (Character.isLowSurrogate(unit)) {
                    throw errorAt(i, "unpaired low surrogate escape");
                }
                if (!Character.isHighSurrogate(unit)) {
                    buf[len] = unit;
                    return 6;
                }
                // Only a complete pair makes a valid string; lone halves are rejected so that every
                // parsed String is well-formed Unicode.
                int next = i + 6;
                if (next + 1 >= end || in[next] != '\\' || in[next + 1] != 'u') {
                    throw errorAt(i, "unpaired high surrogate escape");
                }
                char low = (char) hex4(next + 2);
                if (!Character.isLowSurrogate(low)) {
                    throw errorAt(i, "unpaired high surrogate escape");
                }
                buf[len] = unit;
                buf[len + 1] = low;
                return 12;
            }
            default:
                throw errorAt(i, "invalid escape");
        }
        buf[len] = c;
        return 2;
    }

    private int hex4(int at) throws JsonParseException {
        if (end - at < 4) {
            throw errorAt(at - 2, "truncated \\u escape");
        }
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = hexValue(in[at + k]);
            if (d < 0) {
                throw errorAt(at - 2, "invalid \\u escape");
            }
            v = v << 4 | d;
        }
        return v;
    }

    private static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    private static int utf8Length(int cp) {
        return cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    /**
     * Decodes the multi-byte sequence starting at {@code in[i]} (a byte of 0x80 or more). The ranges
     * are those of RFC 3629 table 3.7, which excludes overlong forms, encoded surrogates and code
     * points above U+10FFFF by construction.
     */
    private int decodeUtf8(int i) throws JsonParseException {
        int b0 = in[i] & 0xff;
        if (b0 < 0xC2) {
            throw errorAt(i, b0 < 0xC0 ? "unexpected UTF-8 continuation byte" : "overlong UTF-8 sequence");
        }
        if (b0 < 0xE0) {
            int b1 = continuation(i, 1, 0x80, 0xBF);
            return (b0 & 0x1F) << 6 | (b1 & 0x3F);
        }
        if (b0 < 0xF0) {
            int b1 = continuation(i, 1, b0 == 0xE0 ? 0xA0 : 0x80, b0 == 0xED ? 0x9F : 0xBF);
            int b2 = continuation(i, 2, 0x80, 0xBF);
            return (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F);
        }
        if (b0 < 0xF5) {
            int b1 = continuation(i, 1, b0 == 0xF0 ? 0x90 : 0x80, b0 == 0xF4 ? 0x8F : 0xBF);
            int b2 = continuation(i, 2, 0x80, 0xBF);
            int b3 = continuation(i, 3, 0x80, 0xBF);
            return (b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F);
        }
        throw errorAt(i, "invalid UTF-8 lead byte");
    }

    private int continuation(int lead, int k, int lo, int hi) throws JsonParseException {
        int at = lead + k;
        if (at >= end) {
            throw errorAt(lead, "truncated UTF-8 sequence");
        }
        int b = in[at] & 0xff;
        if (b < lo || b > hi) {
            throw errorAt(lead, "invalid UTF-8 sequence");
        }
        return b;
    }

    /** Reads a number; {@code pos} is at '-' or a digit. */
    private Object readNumber() throws JsonParseException {
        int begin = pos;
        int i = pos;
        boolean negative = in[i] == '-';
        if (negative) {
            i++;
        }
        int intStart = i;
        if (i < end && in[i] == '0') {
            i++;
        } else if (i < end && in[i] >= '1' && in[i] <= '9') {
            i = skipDigits(i + 1);
        } else {
            throw errorAt(i, "invalid number: expected a digit");
        }
        int intDigits = i - intStart;
        boolean integral = true;
        int fractionDigits = 0;
        if (i < end && in[i] == '.') {
            integral = false;
            int fractionStart = i + 1;
            i = skipDigits(fractionStart);
            fractionDigits = i - fractionStart;
            if (fractionDigits == 0) {
                throw errorAt(i, "invalid number: expected a digit after the decimal point");
            }
        }
        long exponent = 0;
        if (i < end && (in[i] == 'e' || in[i] == 'E')) {
            integral = false;
            i++;
            boolean negativeExponent = false;
            if (i < end && (in[i] == '+' || in[i] == '-')) {
                negativeExponent = in[i] == '-';
                i++;
            }
            int exponentStart = i;
            while (i < end && in[i] >= '0' && in[i] <= '9') {
                // Saturates instead of overflowing; anything this large is rejected below anyway.
                if (exponent < 10_000_000_000L) {
                    exponent = exponent * 10 + (in[i] - '0');
                }
                i++;
            }
            if (i == exponentStart) {
                throw errorAt(i, "invalid number: expected a digit in the exponent");
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        int length = i - begin;
        int maxNumberLength = Math.min(MAX_NUMBER_LENGTH, maxStringLength);
        if (length > maxNumberLength) {
            throw errorAt(begin, "number longer than " + maxNumberLength + " characters");
        }
        pos = i;
        if (integral) {
            if (intDigits <= 18) {
                // Eighteen decimal digits always fit a long, so no overflow check is needed.
                long v = 0;
                for (int k = intStart; k < i; k++) {
                    v = v * 10 + (in[k] - '0');
                }
                return negative ? -v : v;
            }
            BigInteger big = new BigInteger(new String(in, begin, length, StandardCharsets.ISO_8859_1));
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        // BigDecimal needs both the exponent and the resulting scale to fit an int: reject here
        // rather than let its constructor throw.
        long scale = fractionDigits - exponent;
        if (Math.abs(exponent) > Integer.MAX_VALUE || scale < Integer.MIN_VALUE || scale > Integer.MAX_VALUE) {
            throw errorAt(begin, "number exponent out of range");
        }
        try {
            return new BigDecimal(new String(in, begin, length, StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException | ArithmeticException e) {
            throw errorAt(begin, "number out of range");
        }
    }

    private int skipDigits(int i) {
        while (i < end && in[i] >= '0' && in[i] <= '9') {
            i++;
        }
        return i;
    }

    private int offset() {
        return pos - start;
    }

    private JsonParseException error(String what) {
        return errorAt(pos, what);
    }

    private JsonParseException errorAt(int at, String what) {
        return new JsonParseException("invalid JSON: " + what + " at byte offset " + (at - start));
    }
}
