package dev.sigil.spi;

/**
 * A configuration that would verify nothing or verify insecurely, or a provider problem (none
 * found, several tied, one broken). Thrown by {@code build()} of {@link dev.sigil.jwt.JwtVerifier.Builder}
 * and {@link dev.sigil.jwk.JwksCache.Builder}, never on a token; the message names the builder
 * methods, artifacts or system properties that fix it. In {@code spi}, beside the providers whose
 * selection it reports, so that every package can throw it without depending on another.
 */
public final class JwtConfigurationException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception whose message names what is wrong and what fixes it.
     *
     * @param message the problem and the builder method, artifact or system property that fixes it
     */
    public JwtConfigurationException(String message) {
        super(message);
    }

    /**
     * An exception whose message names what is wrong and what fixes it, with the failure that showed it.
     *
     * @param message the problem and the builder method, artifact or system property that fixes it
     * @param cause the underlying failure, such as a provider that could not be loaded
     */
    public JwtConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
