package dev.sigil.json.jackson;

import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;

/**
 * A {@link JsonCodec} over jackson-core's streaming API ({@code JsonParser} and {@code JsonGenerator};
 * no databind), named {@code "jackson"} with priority 100. Core's built-in codec is only the fallback,
 * so this one replaces it whenever both are present. Pin either one with {@code -Dsigil.json=jackson}
 * or {@code -Dsigil.json=builtin}.
 *
 * <h2>Same decisions as the built-in codec</h2>
 *
 * Parsing accepts and rejects exactly what core's {@code dev.sigil.jwk.BuiltinJsonCodec} does, and
 * returns equal values.
 * Where Jackson's defaults differ, this codec aligns them:
 * <ul>
 *   <li>input must be strict UTF-8 (RFC 3629: no overlong forms, no encoded surrogates, nothing
 *       above U+10FFFF, no truncated sequence) and is checked before Jackson sees it, whatever
 *       jackson-core version the application runs; a byte order mark is rejected and Jackson's
 *       charset detection is switched off, so UTF-16 and UTF-32 input is rejected too;</li>
 *   <li>{@code \u005Cu} escapes must form well-formed UTF-16: Jackson accepts lone surrogates, this
 *       codec rejects them;</li>
 *   <li>duplicate member names are rejected (after unescaping), with a message that does not name
 *       the member;</li>
 *   <li>content after the first value is rejected;</li>
 *   <li>the {@link JsonLimits} are enforced exactly: input length before parsing, nesting depth,
 *       string and member-name length in UTF-16 chars (Jackson's own constraints are also set, as
 *       an early guard, but count some lengths differently);</li>
 *   <li>numbers: integers become {@link Long} when they fit, else {@link java.math.BigInteger};
 *       anything with a fraction or exponent becomes an exact {@link java.math.BigDecimal}, never a
 *       {@code double}; numbers longer than 1,000 characters (or than the string limit, if smaller)
 *       and exponents whose {@code BigDecimal} scale would not fit an {@code int} are rejected.</li>
 * </ul>
 * Results are immutable: insertion-ordered maps and lists (which may hold {@code null}).
 *
 * <h2>Failures</h2>
 *
 * Bad input gives a {@link JsonParseException} whose message names the problem and its byte offset,
 * never the input: Jackson's own exception messages quote the input (an unexpected token, a
 * duplicate name), so they are neither copied nor attached as the cause. Only an unexpected
 * {@link RuntimeException} from Jackson, a bug rather than bad input, is kept as the cause.
 *
 * <h2>Writing</h2>
 *
 * The output is byte for byte that of the built-in codec, compact or indented by two spaces:
 * {@code \u005Cb \u005Ct \u005Cn \u005Cf \u005Cr} and lower-case {@code \u005Cu00xx} escapes,
 * U+2028 and U+2029 escaped, other characters as raw UTF-8, a {@code BigDecimal} of scale 0 written
 * with an {@code E0} suffix so that it reads back as a {@code BigDecimal}. Lone surrogates, NaN,
 * infinities, non-string member names, other types and nesting deeper than 1,000 give an
 * {@link IllegalArgumentException}.
 *
 * <h2>Why Jackson cannot be configured here</h2>
 *
 * There is no constructor or factory taking a {@code JsonFactory}: every guarantee above rests on
 * how this codec configures its own factories (charset detection off, strict read features, its
 * constraints for each {@link JsonLimits}, its escapes), and an application's factory could carry
 * lenient features, an input decorator or different escapes that would silently weaken them.
 *
 * <p>Instances are immutable and thread-safe; share one.
 */
public final class JacksonJsonCodec implements JsonCodec {

    private final ParserFactories parsers = new ParserFactories();
    private final JacksonWriter writer = new JacksonWriter();

    /** Creates the codec. {@link java.util.ServiceLoader} calls this; applications rarely need to. */
    public JacksonJsonCodec() {
    }

    /** {@code "jackson"}. */
    @Override
    public String name() {
        return "jackson";
    }

    /** 100: above the built-in codec's 0, so that having this module on the path is enough. */
    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Object parse(byte[] utf8, int off, int len, JsonLimits limits) throws JsonParseException {
        return JacksonReader.read(parsers, utf8, off, len, limits);
    }

    @Override
    public byte[] write(Object value, boolean indent) {
        return writer.write(value, indent);
    }

    @Override
    public String toString() {
        return "JacksonJsonCodec[jackson-core " + ParserFactories.jacksonVersion() + "]";
    }
}
