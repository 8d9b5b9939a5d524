package dev.sigil.spring.security;

import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.TokenVerifier;
import dev.sigil.jwt.VerifiedJwt;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;

/**
 * Spring Security's {@link JwtDecoder} over a Sigil {@link TokenVerifier} (a {@code JwtVerifier}
 * for one issuer, a {@code MultiIssuerVerifier} for several), for servlet resource servers.
 *
 * <pre>{@code
 * @Bean
 * JwtDecoder jwtDecoder(TokenVerifier verifier) {
 *     return new SigilJwtDecoder(verifier);
 * }
 * }</pre>
 *
 * <h2>What is checked, and in which order</h2>
 * Sigil verifies the token (signature, algorithm, header, and every claim check the verifier was
 * built with); the verified header and claims become a {@link Jwt} shaped as Spring's
 * {@code NimbusJwtDecoder} shapes it (see {@link #setClaimSetConverter(Converter)}); then the
 * validator given to {@link #setJwtValidator(OAuth2TokenValidator)} runs. By default no Spring
 * validator runs: Sigil has made the checks of Spring's defaults ({@code typ}, {@code exp},
 * {@code nbf}) itself, as configured on the verifier. Spring's default chain also holds the RFC 8705
 * certificate-binding check ({@code cnf} / {@code x5t#S256}); an application that accepts
 * certificate-bound tokens passes Spring's validators here.
 *
 * <h2>Failures</h2>
 * As Spring's own decoder: a token that fails is a {@link BadJwtException} (401,
 * {@code invalid_token}), a claim that fails a {@link JwtValidationException} (a
 * {@code BadJwtException} with the {@code OAuth2Error}s, the same 401), and keys that cannot be had
 * or a verifier that is overloaded a plain {@link JwtException}, which Spring answers with a server
 * error. Messages are short fixed texts per reason, safe in a {@code WWW-Authenticate} header;
 * Sigil's {@link JwtVerificationException}, with its detail, is the cause.
 *
 * <h2>Threads</h2>
 * Thread-safe; one decoder serves every request. {@link #decode(String)} blocks while the verifier
 * fetches keys it does not have (the first token, a new {@code kid}), within the verifier's own
 * bound. Configure it before it serves. It does not own the verifier: close that at shutdown.
 */
public final class SigilJwtDecoder implements JwtDecoder {

    private final TokenVerifier verifier;
    private final SpringJwts jwts = new SpringJwts();

    /**
     * A decoder over {@code verifier}, with no Spring validator and Spring's default claim-set converter.
     *
     * @param verifier verifies each token before Spring sees it
     */
    public SigilJwtDecoder(TokenVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /**
     * Validators that run after Sigil's checks, on the {@link Jwt} this decoder built; a refusal is
     * a {@link JwtValidationException} carrying their errors, as with Spring's own decoder. Default:
     * none.
     *
     * @param jwtValidator the validators, run on every verified token
     */
    public void setJwtValidator(OAuth2TokenValidator<Jwt> jwtValidator) {
        jwts.setJwtValidator(jwtValidator);
    }

    /**
     * The converter applied to the verified claims, as Spring's decoders apply theirs. Default:
     * {@link MappedJwtClaimSetConverter#withDefaults(Map)} with no extra converters.
     *
     * @param claimSetConverter applied to the verified claims before the {@link Jwt} is built
     */
    public void setClaimSetConverter(Converter<Map<String, Object>, Map<String, Object>> claimSetConverter) {
        jwts.setClaimSetConverter(claimSetConverter);
    }

    /**
     * Verifies the token with Sigil and returns it as Spring's {@link Jwt}.
     *
     * @throws BadJwtException if the token is refused (a {@link JwtValidationException} for a claim)
     * @throws JwtException if no verdict could be had: keys unavailable, or the verifier overloaded
     */
    @Override
    public Jwt decode(String token) throws JwtException {
        VerifiedJwt verified;
        try {
            verified = verifier.verify(token);
        } catch (JwtVerificationException refusal) {
            throw Refusals.toSpring(refusal);
        }
        return jwts.toJwt(token, verified);
    }

    @Override
    public String toString() {
        return "SigilJwtDecoder[" + verifier + "]";
    }
}
