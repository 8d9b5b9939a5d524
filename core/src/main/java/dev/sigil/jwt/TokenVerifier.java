package dev.sigil.jwt;

import java.util.concurrent.CompletionStage;

/**
 * What verifies tokens, whichever way its keys and issuers are configured: a {@link JwtVerifier}
 * (one issuer) or a {@link MultiIssuerVerifier} (several issuers, or issuers from templates). An
 * adapter (a Spring {@code JwtDecoder}, the CLI) takes this interface, so that an application can
 * move from one issuer to several without changing anything else.
 *
 * <p>Implementations are immutable in their configuration and thread-safe; build one at start-up and
 * share it.
 */
public interface TokenVerifier extends AutoCloseable {

    /**
     * Verifies a token and returns its header and claims.
     *
     * @param token a JWS in compact serialization, without a {@code Bearer } prefix
     * @return the token's header and claims
     * @throws JwtVerificationException if the token is refused, with the reason
     */
    VerifiedJwt verify(String token) throws JwtVerificationException;

    /**
     * Verifies a token without ever blocking the caller's thread on a key fetch, for reactive
     * servers: a stage completed with the verified token, or exceptionally with the
     * {@link JwtVerificationException} that {@link #verify(String)} would throw. See
     * {@link JwtVerifier#verifyAsync(String)} for the bounds on what waits.
     *
     * @param token a JWS in compact serialization, without a {@code Bearer } prefix
     * @return a stage completed with the token's header and claims, or exceptionally with the refusal
     */
    CompletionStage<VerifiedJwt> verifyAsync(String token);

    /**
     * Fetches the keys now (of every issuer known by name, for a multi-issuer verifier), so that the
     * first request does not wait and a misconfiguration shows at start-up.
     *
     * @throws JwtVerificationException with {@code KEYS_UNAVAILABLE} if keys cannot be had
     */
    void prefetch() throws JwtVerificationException;

    /** Stops background work; keys already held stay usable. */
    @Override
    void close();
}
