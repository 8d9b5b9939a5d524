package dev.sigil.jwk;

/**
 * A JSON Web Key, or a JSON Web Key Set as a whole, that is malformed: not JSON, not an object, a
 * member of the wrong type, bad base64url. The message never contains key material, and Sigil's
 * own messages are printable as they are: whatever they quote from the key set is escaped by
 * {@link dev.sigil.spi.UntrustedText}.
 */
public class InvalidJwkException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception whose message says what is malformed.
     *
     * @param message what is malformed, without key material
     */
    public InvalidJwkException(String message) {
        super(message);
    }

    /**
     * An exception whose message says what is malformed, with the failure that showed it.
     *
     * @param message what is malformed, without key material
     * @param cause the underlying failure, such as the JSON parser's
     */
    public InvalidJwkException(String message, Throwable cause) {
        super(message, cause);
    }
}
