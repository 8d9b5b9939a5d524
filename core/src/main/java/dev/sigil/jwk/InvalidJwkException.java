package dev.sigil.jwk;

/**
 * A JSON Web Key, or a JSON Web Key Set as a whole, that is malformed: not JSON, not an object, a
 * member of the wrong type, bad base64url. The message never contains key material, and Sigil's
 * own messages are printable as they are: whatever they quote from the key set is escaped by
 * {@link dev.sigil.spi.UntrustedText}.
 */
public class InvalidJwkException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidJwkException(String message) {
        super(message);
    }

    public InvalidJwkException(String message, Throwable cause) {
        super(message, cause);
    }
}
