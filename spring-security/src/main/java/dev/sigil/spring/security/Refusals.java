package dev.sigil.spring.security;

import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * What Spring Security is told when Sigil refuses a token: the exception Spring's own
 * {@code NimbusJwtDecoder} throws for the same failure, so that Spring answers as it always does.
 *
 * <ul>
 *   <li>The token itself fails (its form, algorithm, header, key or signature):
 *       {@link BadJwtException}, which Spring's {@code JwtAuthenticationProvider} turns into
 *       {@code InvalidBearerTokenException}: 401 with {@code error="invalid_token"}.
 *   <li>A check that Spring makes with an {@code OAuth2TokenValidator} ({@code JwtTypeValidator},
 *       {@code JwtTimestampValidator}, {@code JwtIssuerValidator}, {@code JwtAudienceValidator},
 *       {@code JwtClaimValidator}): {@link JwtValidationException}, a {@code BadJwtException} that
 *       carries one {@link OAuth2Error} {@code invalid_token}. Same 401.
 *   <li>No verdict on the token ({@code KEYS_UNAVAILABLE}, {@code OVERLOADED}): a plain
 *       {@link JwtException}, which Spring turns into {@code AuthenticationServiceException}, a
 *       server error, as it does when Nimbus cannot fetch the key set.
 * </ul>
 *
 * <p>The message becomes the {@code error_description} a client reads in {@code WWW-Authenticate},
 * so it is a fixed text per reason: RFC 6750's character set (printable ASCII without {@code "} and
 * {@code \}), and nothing from the token, not even the {@code kid} or {@code iss} that Sigil's own
 * message may quote. Sigil's exception stays the cause, for the logs.
 */
final class Refusals {

    static final String RFC_6750_INVALID_TOKEN = "https://tools.ietf.org/html/rfc6750#section-3.1";
    static final String RFC_7515_TYP = "https://datatracker.ietf.org/doc/html/rfc7515#section-4.1.9";

    /** Whether a reason is judged as a validator would judge it in Spring. */
    private enum Kind { BAD_TOKEN, INVALID_CLAIMS, NO_VERDICT }

    private record Answer(Kind kind, String description) {
    }

    private static final Map<Reason, Answer> ANSWERS = answers();

    private Refusals() {
    }

    private static Map<Reason, Answer> answers() {
        Map<Reason, Answer> answers = new EnumMap<>(Reason.class);
        answers.put(Reason.MALFORMED, new Answer(Kind.BAD_TOKEN, "malformed token"));
        answers.put(Reason.TOKEN_TOO_LARGE, new Answer(Kind.BAD_TOKEN, "token too large"));
        answers.put(Reason.UNSUPPORTED_ALGORITHM, new Answer(Kind.BAD_TOKEN, "unsupported algorithm"));
        answers.put(Reason.ALGORITHM_NOT_ALLOWED, new Answer(Kind.BAD_TOKEN, "algorithm not allowed"));
        answers.put(Reason.UNSUPPORTED_CRITICAL_HEADER, new Answer(Kind.BAD_TOKEN, "unsupported critical header"));
        answers.put(Reason.KEY_NOT_FOUND, new Answer(Kind.BAD_TOKEN, "no key for the token"));
        answers.put(Reason.INVALID_SIGNATURE, new Answer(Kind.BAD_TOKEN, "invalid signature"));
        // Spring 7 checks typ with JwtTypeValidator, a validator: so here too.
        answers.put(Reason.TYPE_MISMATCH, new Answer(Kind.INVALID_CLAIMS, "unexpected token type"));
        answers.put(Reason.EXPIRED, new Answer(Kind.INVALID_CLAIMS, "token expired"));
        answers.put(Reason.NOT_YET_VALID, new Answer(Kind.INVALID_CLAIMS, "token not yet valid"));
        answers.put(Reason.ISSUED_IN_FUTURE, new Answer(Kind.INVALID_CLAIMS, "token issued in the future"));
        // JwtIssuerValidator's failure; a multi-issuer verifier's untrusted issuer is the same reason.
        answers.put(Reason.ISSUER_MISMATCH, new Answer(Kind.INVALID_CLAIMS, "untrusted issuer"));
        answers.put(Reason.AUDIENCE_MISMATCH, new Answer(Kind.INVALID_CLAIMS, "audience not accepted"));
        answers.put(Reason.MISSING_CLAIM, new Answer(Kind.INVALID_CLAIMS, "required claim missing"));
        answers.put(Reason.INVALID_CLAIM, new Answer(Kind.INVALID_CLAIMS, "invalid claim"));
        answers.put(Reason.KEYS_UNAVAILABLE, new Answer(Kind.NO_VERDICT, "signing keys unavailable"));
        answers.put(Reason.OVERLOADED, new Answer(Kind.NO_VERDICT, "verifier overloaded, retry later"));
        return Collections.unmodifiableMap(answers);
    }

    /**
     * Spring's exception for a refusal, with Sigil's as its cause. A reason added to Sigil after
     * this module was built is answered as a bad token, the safe side: a 401, never an acceptance.
     */
    static JwtException toSpring(JwtVerificationException refusal) {
        Answer answer = ANSWERS.getOrDefault(refusal.reason(), new Answer(Kind.BAD_TOKEN, "invalid token"));
        switch (answer.kind()) {
            case NO_VERDICT:
                return new JwtException(answer.description(), refusal);
            case INVALID_CLAIMS:
                String uri = refusal.reason() == Reason.TYPE_MISMATCH ? RFC_7515_TYP : RFC_6750_INVALID_TOKEN;
                JwtValidationException invalid = new JwtValidationException(answer.description(),
                        List.of(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, answer.description(), uri)));
                // JwtValidationException has no constructor that takes a cause.
                invalid.initCause(refusal);
                return invalid;
            default:
                return new BadJwtException(answer.description(), refusal);
        }
    }
}
