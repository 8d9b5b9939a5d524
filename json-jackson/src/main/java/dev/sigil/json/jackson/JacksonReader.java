package dev.sigil.json.jackson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns Jackson's token stream into the values {@link dev.sigil.spi.JsonCodec} promises, with the
 * built-in codec's checks on top of Jackson's grammar. One instance reads one document; it is not
 * thread-safe and is never shared.
 *
 * <p>Nesting is handled with an explicit stack rather than recursion, so the Java stack depth does
 * not depend on the input or on {@link JsonLimits#maxDepth()}.
 */
final class JacksonReader {

    /** The longest number accepted, in characters including sign, point and exponent (as the built-in). */
    static final int MAX_NUMBER_LENGTH = 1000;

    private final JsonParser parser;
    private final int maxDepth;
    private final int maxStringLength;
    private final int maxNumberLength;

    private JacksonReader(JsonParser parser, JsonLimits limits) {
        this.parser = parser;
        this.maxDepth = limits.maxDepth();
        this.maxStringLength = limits.maxStringLength();
        this.maxNumberLength = maxNumberLength(limits);
    }

    static int maxNumberLength(JsonLimits limits) {
        return Math.min(MAX_NUMBER_LENGTH, limits.maxStringLength());
    }

    /**
     * Parses {@code in[off, off+len)}.
     *
     * @throws IndexOutOfBoundsException if the range lies outside {@code in} (a caller bug, not bad input)
     */
    static Object read(ParserFactories factories, byte[] in, int off, int len, JsonLimits limits)
            throws JsonParseException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(limits, "limits");
        Objects.checkFromIndexSize(off, len, in.length);
        if (len > limits.maxBytes()) {
            throw new JsonParseException("JSON input of " + len + " bytes exceeds the limit of "
                    + limits.maxBytes() + " bytes");
        }
        StrictUtf8.check(in, off, len);
        JsonParser parser = null;
        try {
            parser = factories.forLimits(limits).createParser(in, off, len);
            return new JacksonReader(parser, limits).readDocument();
        } catch (StreamConstraintsException e) {
            throw new JsonParseException("invalid JSON: beyond the limits (depth " + limits.maxDepth()
                    + ", string length " + limits.maxStringLength() + ")" + at(e.getLocation()));
        } catch (JsonEOFException e) {
            throw new JsonParseException("invalid JSON: unexpected end of input" + at(e.getLocation()));
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input (the unexpected token, the offending name), so
            // neither the message nor the exception travels on: only where it happened.
            throw new JsonParseException("invalid JSON" + at(e.getLocation()));
        } catch (IOException e) {
            // Reading from a byte array does no I/O: this is Jackson reporting bad input in a
            // form not covered above, such as a character conversion error.
            throw new JsonParseException("invalid JSON" + at(parser == null ? null : parser.currentLocation()));
        } catch (RuntimeException e) {
            // Defence in depth: the contract promises JsonParseException and nothing else, whatever
            // the input. A RuntimeException here is a bug in Jackson or in this reader, not bad
            // input, so it is kept as the cause.
            throw new JsonParseException("JSON parser failed"
                    + at(parser == null ? null : parser.currentLocation()), e);
        } finally {
            if (parser != null) {
                closeQuietly(parser);
            }
        }
    }

    private static void closeQuietly(JsonParser parser) {
        try {
            parser.close();
        } catch (IOException | RuntimeException e) {
            // Closing a parser over a byte array releases buffers only; nothing can be lost.
        }
    }

    private Object readDocument() throws IOException, JsonParseException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw error("unexpected end of input, expected a value");
        }
        Object value = readValue(first);
        if (parser.nextToken() != null) {
            throw error("unexpected data after the JSON value");
        }
        return value;
    }

    private Object readValue(JsonToken first) throws IOException, JsonParseException {
        Object[] containers = new Object[8];
        String[] names = new String[8];
        int depth = 0;
        JsonToken token = first;
        for (;; token = parser.nextToken()) {
            if (token == null) {
                throw error("unexpected end of input");
            }
            Object value;
            switch (token) {
                case START_OBJECT:
                case START_ARRAY:
                    // Jackson enforces the same bound; checked again so that the reader does not
                    // depend on a constraint set elsewhere.
                    if (depth >= maxDepth) {
                        throw error("nesting deeper than " + maxDepth);
                    }
                    if (depth == containers.length) {
                        containers = Arrays.copyOf(containers, depth * 2);
                        names = Arrays.copyOf(names, depth * 2);
                    }
                    containers[depth++] = token == JsonToken.START_OBJECT
                            ? new LinkedHashMap<String, Object>() : new ArrayList<Object>();
                    continue;
                case FIELD_NAME: {
                    String name = checkedString(parser.currentName());
                    // Checked after unescaping, so a name and its escaped spelling collide as they should.
                    if (asMap(containers[depth - 1]).containsKey(name)) {
                        throw error("duplicate member name");
                    }
                    names[depth - 1] = name;
                    continue;
                }
                case END_OBJECT: {
                    Map<String, Object> map = asMap(containers[--depth]);
                    value = map.isEmpty() ? Collections.emptyMap() : Collections.unmodifiableMap(map);
                    containers[depth] = null;
                    names[depth] = null;
                    break;
                }
                case END_ARRAY: {
                    List<Object> list = asList(containers[--depth]);
                    value = list.isEmpty() ? Collections.emptyList() : Collections.unmodifiableList(list);
                    containers[depth] = null;
                    break;
                }
                case VALUE_STRING:
                    value = checkedString(parser.getText());
                    break;
                case VALUE_NUMBER_INT:
                    value = integer(parser.getText());
                    break;
                case VALUE_NUMBER_FLOAT:
                    value = decimal(parser.getText());
                    break;
                case VALUE_TRUE:
                    value = Boolean.TRUE;
                    break;
                case VALUE_FALSE:
                    value = Boolean.FALSE;
                    break;
                case VALUE_NULL:
                    value = null;
                    break;
                default:
                    // VALUE_EMBEDDED_OBJECT and NOT_AVAILABLE never come from a blocking text parser.
                    throw error("unexpected token " + token);
            }
            if (depth == 0) {
                return value;
            }
            Object container = containers[depth - 1];
            if (container instanceof LinkedHashMap) {
                asMap(container).put(names[depth - 1], value);
            } else {
                asList(container).add(value);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object container) {
        return (Map<String, Object>) container;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object container) {
        return (List<Object>) container;
    }

    /**
     * Applies the checks Jackson does not make: the exact length limit, and well-formed UTF-16.
     * Input is valid UTF-8, so a surrogate here came from a {@code \u005Cu} escape, and Jackson
     * accepts lone ones; every parsed string must be well-formed Unicode, as the built-in ensures.
     */
    private String checkedString(String s) throws JsonParseException {
        int n = s.length();
        if (n > maxStringLength) {
            throw error("string longer than " + maxStringLength + " characters");
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isLowSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw error("unpaired surrogate escape");
                }
                i++;
            }
        }
        return s;
    }

    /** An integer as the built-in reads it: a {@link Long} when it fits, else a {@link BigInteger}. */
    private Object integer(String text) throws JsonParseException {
        checkNumberLength(text);
        int digits = text.charAt(0) == '-' ? text.length() - 1 : text.length();
        if (digits <= 18) {
            // Eighteen decimal digits always fit a long.
            return Long.parseLong(text);
        }
        BigInteger big = new BigInteger(text);
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    /**
     * A number with a fraction or exponent as the built-in reads it: an exact {@link BigDecimal},
     * the exponent kept rather than expanded, rejected when the exponent or the resulting scale
     * does not fit an {@code int}. Never through {@code double}, and not through Jackson's
     * {@code getDecimalValue()}, whose parser has its own range rules.
     */
    private Object decimal(String text) throws JsonParseException {
        checkNumberLength(text);
        int n = text.length();
        int point = text.indexOf('.');
        int e = indexOfExponent(text);
        int fractionDigits = point < 0 ? 0 : (e < 0 ? n : e) - point - 1;
        long exponent = 0;
        if (e >= 0) {
            int i = e + 1;
            boolean negative = false;
            if (text.charAt(i) == '+' || text.charAt(i) == '-') {
                negative = text.charAt(i) == '-';
                i++;
            }
            for (; i < n; i++) {
                // Saturates instead of overflowing; anything this large is rejected below anyway.
                if (exponent < 10_000_000_000L) {
                    exponent = exponent * 10 + (text.charAt(i) - '0');
                }
            }
            if (negative) {
                exponent = -exponent;
            }
        }
        long scale = fractionDigits - exponent;
        if (Math.abs(exponent) > Integer.MAX_VALUE || scale < Integer.MIN_VALUE || scale > Integer.MAX_VALUE) {
            throw error("number exponent out of range");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException ex) {
            throw error("number out of range");
        }
    }

    private static int indexOfExponent(String text) {
        int e = text.indexOf('e');
        return e >= 0 ? e : text.indexOf('E');
    }

    private void checkNumberLength(String text) throws JsonParseException {
        if (text.length() > maxNumberLength) {
            throw error("number longer than " + maxNumberLength + " characters");
        }
    }

    private JsonParseException error(String what) {
        return new JsonParseException("invalid JSON: " + what + at(parser.currentTokenLocation()));
    }

    static JsonParseException errorAt(long offset, String what) {
        return new JsonParseException("invalid JSON: " + what + " at byte offset " + offset);
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getByteOffset() < 0) {
            return "";
        }
        return " at byte offset " + location.getByteOffset();
    }
}
