package dev.sigil.jwk;

/**
 * No usable key set can be had: the issuer is unreachable, its answer was refused, or what was
 * cached has expired beyond the max-stale bound. A {@link KeySource}'s stage fails with it, and
 * {@link JwksCache#prefetch()} throws it; a verifier reports it as {@code KEYS_UNAVAILABLE}, which a
 * retry may pass. The message says why and is printable as it is: whatever it quotes from the
 * issuer is escaped by {@link dev.sigil.spi.UntrustedText}.
 */
public final class KeysUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * An exception whose message says why no keys can be had.
     *
     * @param message why, printable as it is
     */
    public KeysUnavailableException(String message) {
        super(message);
    }

    /**
     * An exception whose message says why no keys can be had, with the failure that showed it.
     *
     * @param message why, printable as it is
     * @param cause the underlying failure, such as the transport's {@link java.io.IOException}
     */
    public KeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
