package dev.sigil.jwk;

import dev.sigil.internal.json.JsonReader;
import dev.sigil.internal.json.JsonWriter;
import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;

/**
 * Core's own JDK-only JSON codec, named {@code "builtin"}: an ordinary {@link JsonCodec} provider
 * (core registers it in {@code META-INF/services} and with {@code provides} in its
 * {@code module-info}) that is also the fallback.
 *
 * <h2>When it is used</h2>
 *
 * <p>A verifier or key cache that is given no codec uses this one only when no other codec is
 * found: any other provider, whatever its {@link #priority()}, replaces it, and it never takes part
 * in a tie. It is used even when no {@code META-INF/services} file is found at all, as in a shaded
 * jar built without merging them, so JSON never needs configuring. To use it although another
 * codec is present, pass an instance ({@code JwtVerifier.builder().jsonCodec(new BuiltinJsonCodec())})
 * or set the system property {@code -Dsigil.json=builtin}.
 *
 * <h2>What it accepts</h2>
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
 * <h2>Threads</h2>
 *
 * <p>Instances are stateless, immutable and thread-safe; any number may be created.
 */
public final class BuiltinJsonCodec implements JsonCodec {

    /**
     * Creates the codec; it holds no state. Public because {@link java.util.ServiceLoader} needs a
     * public no-argument constructor on the class path, and for applications that pin this codec.
     */
    public BuiltinJsonCodec() {
    }

    /** Returns {@code "builtin"}, the value of {@code -Dsigil.json} that pins this codec. */
    @Override
    public String name() {
        return "builtin";
    }

    /**
     * Returns {@link Integer#MIN_VALUE}, the lowest priority: every other codec ranks above this
     * one. Selection does not compare it at all: this codec is chosen only when no other is found.
     */
    @Override
    public int priority() {
        return Integer.MIN_VALUE;
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
