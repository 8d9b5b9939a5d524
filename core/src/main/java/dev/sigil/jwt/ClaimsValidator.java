package dev.sigil.jwt;

/**
 * A custom check run after the signature and the built-in claim checks have passed, such as a
 * required scope or a tenant id. Validators must be thread-safe and fast: they run on every token.
 *
 * <p>Throw a {@link JwtVerificationException}, usually with
 * {@link JwtVerificationException.Reason#INVALID_CLAIM}, to refuse the token. Any other exception a
 * validator throws also refuses it, as {@code INVALID_CLAIM}.
 */
@FunctionalInterface
public interface ClaimsValidator {

    /**
     * Checks a token that passed every built-in check; returning normally accepts it.
     *
     * @param header the token's verified header
     * @param claims the token's verified claims
     * @throws JwtVerificationException to refuse the token
     */
    void validate(JoseHeader header, JwtClaims claims) throws JwtVerificationException;
}
