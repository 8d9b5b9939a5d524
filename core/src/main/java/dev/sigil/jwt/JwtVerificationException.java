package dev.sigil.jwt;

import dev.sigil.spi.JwsAlgorithm;
import java.util.Objects;

/**
 * A token that was refused. {@link #reason()} says why in a stable, machine-readable form (for
 * metrics and for the RFC 6750 {@code WWW-Authenticate} response); the message says it for a human.
 * Messages never contain the token, key material, or unverified claim values other than
 * {@code kid}, {@code alg}, {@code typ} and {@code iss}, and those are made printable by
 * {@link dev.sigil.spi.UntrustedText}: a message can be logged or shown as it is.
 */
public final class JwtVerificationException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Why a token was refused. The constants are stable: new ones may be added, none will be renamed.
     * {@link #KEYS_UNAVAILABLE} and {@link #OVERLOADED} say nothing about the token: they are
     * server-side conditions, answered with a 503-class error (with {@code Retry-After} for
     * {@code OVERLOADED}); every other reason is RFC 6750's {@code 401} with
     * {@code error="invalid_token"}.
     */
    public enum Reason {
        /** Not a JWS compact serialization, bad base64url, bad JSON, or a header member of the wrong type. */
        MALFORMED,
        /** Longer than {@link JwtVerifier.Builder#maxTokenLength(int)}. */
        TOKEN_TOO_LARGE,
        /** An {@code alg} that Sigil or the configured backend does not implement. */
        UNSUPPORTED_ALGORITHM,
        /** An {@code alg} outside the allow-list, {@code none} in any case, or not the key's own {@code alg}. */
        ALGORITHM_NOT_ALLOWED,
        /** A {@code crit} header parameter that is not understood, or {@code b64: false} (RFC 7797). */
        UNSUPPORTED_CRITICAL_HEADER,
        /** A {@code typ} header that is not the expected one (RFC 7515 section 4.1.9, RFC 9068). */
        TYPE_MISMATCH,
        /** No key with the token's {@code kid}, or none that fits its algorithm. */
        KEY_NOT_FOUND,
        /** The key set could not be obtained (the issuer is down and no usable cached set remains). */
        KEYS_UNAVAILABLE,
        /** The signature does not verify with any candidate key. */
        INVALID_SIGNATURE,
        /** {@code exp} is in the past, beyond the clock skew. */
        EXPIRED,
        /** {@code nbf} is in the future, beyond the clock skew. */
        NOT_YET_VALID,
        /** {@code iat} is in the future, beyond the clock skew. */
        ISSUED_IN_FUTURE,
        /** {@code iss} is not the expected issuer. */
        ISSUER_MISMATCH,
        /** {@code aud} names none of the expected audiences. */
        AUDIENCE_MISMATCH,
        /** A required claim is absent. */
        MISSING_CLAIM,
        /** A claim has the wrong type or a value a {@link ClaimsValidator} refused. */
        INVALID_CLAIM,
        /**
         * Not a verdict on the token, which was not verified: {@link JwtVerifier#verifyAsync(String)}
         * would have had to wait for keys, and this verifier already holds
         * {@link JwtVerifier.Builder#maxPendingAsync(int)} such verifications, or the executor refused
         * the work. Retry later (a 503 with {@code Retry-After}); the same token may well verify then.
         */
        OVERLOADED
    }

    /** Why the token was refused; never {@code null}. */
    private final Reason reason;
    /**
     * The token's algorithm, for a {@link VerificationListener}, once the verifier knows it, else
     * {@code null}. Set once, by the verifier that refused the token and before anyone else sees the
     * exception.
     */
    private JwsAlgorithm algorithm;

    /**
     * A refusal for {@code reason}.
     *
     * @param reason why the token was refused
     * @param message a lower-case, concrete explanation that contains no token and no key material
     */
    public JwtVerificationException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * As {@link #JwtVerificationException(Reason, String)}, keeping the underlying cause.
     *
     * @param reason why the token was refused
     * @param message a lower-case, concrete explanation that contains no token and no key material
     * @param cause the failure that led to the refusal, such as a {@link dev.sigil.jwk.KeysUnavailableException}
     */
    public JwtVerificationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** {@return why the token was refused} */
    public Reason reason() {
        return reason;
    }

    /** Records the token's algorithm, unless already recorded; returns this exception, to be thrown. */
    JwtVerificationException algorithm(JwsAlgorithm alg) {
        if (algorithm == null) {
            algorithm = alg;
        }
        return this;
    }

    /** The token's algorithm, if the verifier knew it when it refused the token; else {@code null}. */
    JwsAlgorithm algorithmOrNull() {
        return algorithm;
    }

    @Override
    public String toString() {
        return "JwtVerificationException[" + reason + "]: " + getMessage();
    }
}
