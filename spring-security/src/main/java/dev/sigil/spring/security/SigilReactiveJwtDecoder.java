package dev.sigil.spring.security;

import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.TokenVerifier;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Spring Security's {@link ReactiveJwtDecoder} over a Sigil {@link TokenVerifier}, for WebFlux
 * resource servers. What it checks, the {@link Jwt} it returns and the exceptions it signals are
 * those of {@link SigilJwtDecoder}.
 *
 * <h2>Threads</h2>
 * It never blocks: it uses {@link TokenVerifier#verifyAsync(String)} only. With the keys at hand
 * the token is verified on the subscribing thread, at once; when keys must be fetched, no thread
 * waits, and the {@link Mono} completes on the verifier's executor once they arrive. What may wait
 * is bounded by the verifier ({@code maxPendingAsync}, {@code maxKeyWait}); past that bound the
 * {@code Mono} fails with a plain {@code JwtException} ({@code OVERLOADED}), which Spring answers
 * with a server error. Each subscription verifies the token anew. Thread-safe; configure before it
 * serves. It does not own the verifier: close that at shutdown.
 */
public final class SigilReactiveJwtDecoder implements ReactiveJwtDecoder {

    private final TokenVerifier verifier;
    private final SpringJwts jwts = new SpringJwts();

    /**
     * A decoder over {@code verifier}, with no Spring validator and Spring's default claim-set converter.
     *
     * @param verifier verifies each token before Spring sees it
     */
    public SigilReactiveJwtDecoder(TokenVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /**
     * Validators that run after Sigil's checks, as {@link SigilJwtDecoder#setJwtValidator}; a
     * refusal signals a {@link JwtValidationException}. Default: none.
     *
     * @param jwtValidator the validators, run on every verified token
     */
    public void setJwtValidator(OAuth2TokenValidator<Jwt> jwtValidator) {
        jwts.setJwtValidator(jwtValidator);
    }

    /**
     * The converter applied to the verified claims. Default:
     * {@link MappedJwtClaimSetConverter#withDefaults(Map)} with no extra converters.
     *
     * @param claimSetConverter applied to the verified claims before the {@link Jwt} is built
     */
    public void setClaimSetConverter(Converter<Map<String, Object>, Map<String, Object>> claimSetConverter) {
        jwts.setClaimSetConverter(claimSetConverter);
    }

    @Override
    public Mono<Jwt> decode(String token) {
        // suppressCancel: a subscriber that goes away must not cancel the verifier's stage, which it
        // does not own; the verifier bounds what waits (maxPendingAsync, maxKeyWait) by itself.
        return Mono.fromFuture(() -> verifier.verifyAsync(token).toCompletableFuture(), true)
                .onErrorMap(SigilReactiveJwtDecoder::unwrapped)
                .map(verified -> jwts.toJwt(token, verified));
    }

    /** Sigil's refusal, possibly wrapped by a stage, as Spring's exception; anything else as it is. */
    private static Throwable unwrapped(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof JwtVerificationException refusal ? Refusals.toSpring(refusal) : cause;
    }

    @Override
    public String toString() {
        return "SigilReactiveJwtDecoder[" + verifier + "]";
    }
}
