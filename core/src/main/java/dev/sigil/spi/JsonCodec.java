package dev.sigil.spi;

/**
 * Parses and writes JSON (RFC 8259). Core ships a built-in codec, {@code dev.sigil.jwk.BuiltinJsonCodec}
 * ({@code "builtin"}), registered as a provider like any other; it is the fallback, used only when no
 * other codec is found, so a module such as {@code sigil-json-jackson} replaces it when present.
 *
 * <p>Parsing returns immutable values only: {@link java.util.Map} (insertion-ordered, member names
 * unique), {@link java.util.List}, {@link String}, {@link Long} (integers that fit),
 * {@link java.math.BigInteger} (larger integers), {@link java.math.BigDecimal} (numbers with a
 * fraction or an exponent), {@link Boolean}, and {@code null} for JSON {@code null}. Input must be
 * valid UTF-8; duplicate member names and anything beyond {@link JsonLimits} are rejected with a
 * {@link JsonParseException}, and no other exception escapes, whatever the input.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface JsonCodec {

    /** {@return a stable, lower-case name, as used by the {@code sigil.json} system property} */
    String name();

    /**
     * Chooses between several codecs; the highest wins, and a tie at the top is a configuration
     * error. The built-in codec is outside this contest: its priority is {@link Integer#MIN_VALUE},
     * and it is chosen only when no other codec is found, so any value here replaces it.
     *
     * @return this codec's rank among those found; higher is preferred
     */
    int priority();

    /**
     * Parses one JSON text from {@code utf8[off, off+len)}.
     *
     * @param utf8 the array holding the input
     * @param off where the JSON text starts
     * @param len the input's length in bytes
     * @param limits the bounds the input must stay within
     * @return the parsed value, as one of the immutable types listed in the class comment
     * @throws JsonParseException if the input is not one valid JSON text within {@code limits}
     */
    Object parse(byte[] utf8, int off, int len, JsonLimits limits) throws JsonParseException;

    /**
     * Parses the whole array; see {@link #parse(byte[], int, int, JsonLimits)}.
     *
     * @param utf8 the input, all of it one JSON text
     * @param limits the bounds the input must stay within
     * @return the parsed value, as {@link #parse(byte[], int, int, JsonLimits)} returns it
     * @throws JsonParseException if the input is not one valid JSON text within {@code limits}
     */
    default Object parse(byte[] utf8, JsonLimits limits) throws JsonParseException {
        return parse(utf8, 0, utf8.length, limits);
    }

    /**
     * Writes a value made of the types {@link #parse} returns (any {@link java.util.Map} with
     * {@link String} keys, any {@link java.util.List}, any {@link Number} of those kinds) as
     * UTF-8 JSON.
     *
     * @param indent {@code true} for two-space indented output, {@code false} for compact output
     * @param value the value to write
     * @return the JSON text, UTF-8 encoded
     * @throws IllegalArgumentException if the value holds anything else
     */
    byte[] write(Object value, boolean indent);
}
