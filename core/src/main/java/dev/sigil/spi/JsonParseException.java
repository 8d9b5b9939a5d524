package dev.sigil.spi;

/**
 * Input that a {@link JsonCodec} refuses: not one valid JSON text, not valid UTF-8, a duplicate
 * member name, or beyond the {@link JsonLimits}. The message names the problem and its byte offset,
 * never the input itself.
 */
public final class JsonParseException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with the message that says what was refused and why.
     *
     * @param message why, without the refused input
     */
    public JsonParseException(String message) {
        super(message);
    }

    /**
     * An exception with the message that says what was refused and why, and the failure that showed it.
     *
     * @param message why, without the refused input
     * @param cause the underlying failure
     */
    public JsonParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
