package dev.sigil.internal.json;

import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;

/**
 * The JDK-only JSON codec core falls back on when no other {@link JsonCodec} is installed.
 *
 * <p>Parsing is strict RFC 8259 over UTF-8 bytes, built for hostile input: invalid UTF-8, a byte
 * order mark, lone surrogates (encoded or escaped), duplicate member names, numbers outside the
 * grammar and anything beyond the {@link JsonLimits} are rejected with a {@link JsonParseException}
 * whose message gives the problem and byte offset but never the input. Integers become
 * {@link Long} when they fit and {@link java.math.BigInteger} otherwise; numbers with a fraction or
 * exponent become exact {@link java.math.BigDecimal}s. Numbers longer than 1,000 characters (or
 * than {@link JsonLimits#maxStringLength()}, if smaller) are rejected, as are numbers whose exponent
 * or {@code BigDecimal} scale does not fit an {@code int}. Nesting is parsed without recursion.
 *
 * <p>A range outside the given array is a caller bug and gives {@link IndexOutOfBoundsException}.
 *
 * <p>Writing escapes quotes, backslashes, control characters and U+2028/U+2029, rejects lone
 * surrogates, NaN and infinities, and produces either compact output or two-space indentation. A
 * {@code BigDecimal} of scale 0 is written with an {@code E0} suffix so that it reads back as a
 * {@code BigDecimal}: parsing what was written gives back an equal value.
 *
 * <p>Instances are stateless and thread-safe.
 */
public final class BuiltinJsonCodec implements JsonCodec {

    /** Creates the codec; it holds no state. */
    public BuiltinJsonCodec() {
    }

    @Override
    public String name() {
        return "builtin";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Object parse(byte[] utf8, int off, int len, JsonLimits limits) throws JsonParseException {
        return JsonReader.read(utf8, off, len, limits);
    }

    @Override
    public byte[] write(Object value, boolean indent) {
        return JsonWriter.write(value, indent);
    }
}
