package dev.sigil.jwt;

/**
 * A verifier configuration that would verify nothing or verify insecurely, or a provider problem
 * (none found, several tied, one broken). Thrown by {@link JwtVerifier.Builder#build()}, never on a
 * token; the message names the builder methods, artifacts or system properties that fix it.
 */
public final class JwtConfigurationException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public JwtConfigurationException(String message) {
        super(message);
    }

    public JwtConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
