package dev.sigil.spi;

/**
 * A key or certificate that a {@link CryptoBackend} refuses to import. The message says why, in
 * lower case, and never contains key material.
 */
public final class KeyImportException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with the message that says what was refused and why.
     *
     * @param message why, without the refused input
     */
    public KeyImportException(String message) {
        super(message);
    }

    /**
     * An exception with the message that says what was refused and why, and the failure that showed it.
     *
     * @param message why, without the refused input
     * @param cause the underlying failure
     */
    public KeyImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
