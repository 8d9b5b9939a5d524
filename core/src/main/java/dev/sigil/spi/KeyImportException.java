package dev.sigil.spi;

/**
 * A key or certificate that a {@link CryptoBackend} refuses to import. The message says why, in
 * lower case, and never contains key material.
 */
public final class KeyImportException extends Exception {
    private static final long serialVersionUID = 1L;

    public KeyImportException(String message) {
        super(message);
    }

    public KeyImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
