package dev.sigil.spi;

/**
 * Input that a {@link JsonCodec} refuses: not one valid JSON text, not valid UTF-8, a duplicate
 * member name, or beyond the {@link JsonLimits}. The message names the problem and its byte offset,
 * never the input itself.
 */
public final class JsonParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public JsonParseException(String message) {
        super(message);
    }

    public JsonParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
