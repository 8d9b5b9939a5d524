package dev.sigil.jwt;

import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.JwsAlgorithm;

/**
 * Hears the outcome of every verification, for metrics: whether the token was verified or refused,
 * why, with which algorithm, for which configured issuer, and how long it took. Given to
 * {@link JwtVerifier.Builder#verificationListener(VerificationListener)} or
 * {@link MultiIssuerVerifier.Builder#verificationListener(VerificationListener)}; the
 * {@code sigil-micrometer} module has one that feeds Micrometer meters.
 *
 * <h2>When it is called</h2>
 * Exactly once for each {@link TokenVerifier#verify(String)} that returns or throws a
 * {@link JwtVerificationException}, and once for each {@link TokenVerifier#verifyAsync(String)}
 * stage when it completes: a token served by the verified-token cache and a token refused before its
 * algorithm is known (too large, malformed, an untrusted {@code iss}) are reported too. An unchecked
 * exception (a bug) is not an outcome and is not reported. {@code verifyAsync} reports on the thread
 * that completes the stage: the caller's when the keys were at hand, else the executor's.
 *
 * <h2>Labels are bounded</h2>
 * Nothing passed here is read from a token unless it was checked against the configuration first:
 * {@code issuer} is always a string the application configured, or one of this interface's
 * constants, and the algorithm is one of the {@link JwsAlgorithm} constants. So a metric tagged with
 * them has a number of series that tokens cannot raise. The {@code kid}, the subject and every other
 * claim are never passed.
 *
 * <h2>Threads and cost</h2>
 * Called on the verifying thread, on the hot path: a listener must be fast, thread-safe and must not
 * block. The verifier allocates nothing to call it for a verified token (no boxing, no varargs, no
 * event object), and without a listener it does not even read the clock. An exception a listener
 * throws is logged and otherwise ignored: it never changes the outcome of a verification. Both
 * methods have empty defaults, so a listener overrides what it needs.
 */
public interface VerificationListener {

    /**
     * The {@code issuer} of a {@link JwtVerifier} built with {@link JwtVerifier.Builder#ignoreIssuer()},
     * which has no configured issuer to report.
     */
    String ANY_ISSUER = "any";

    /**
     * The {@code issuer} of a token a {@link MultiIssuerVerifier} refused before it could route it to
     * a configured issuer or template: too large, malformed, without {@code iss}, or with an
     * {@code iss} that no configured issuer or template trusts. Never the token's own {@code iss}.
     */
    String UNTRUSTED_ISSUER = "untrusted";

    /**
     * A token was verified.
     *
     * @param algorithm the token's {@code alg}
     * @param issuer the configured issuer (for a {@link MultiIssuerVerifier}, the configured issuer or
     *     the template, as written in its builder), or {@link #ANY_ISSUER}
     * @param nanos how long the verification took, in nanoseconds of {@link System#nanoTime()}
     */
    default void verified(JwsAlgorithm algorithm, String issuer, long nanos) {
    }

    /**
     * A token was refused, or could not be verified ({@link Reason#KEYS_UNAVAILABLE},
     * {@link Reason#OVERLOADED}).
     *
     * @param reason the {@link JwtVerificationException#reason()}
     * @param algorithm the token's {@code alg} when its header was read and its algorithm allowed, or
     *     found to be a known algorithm outside the allow-list; {@code null} when the token was
     *     refused before that, or its {@code alg} is unknown
     * @param issuer as for {@link #verified}, or {@link #UNTRUSTED_ISSUER}
     * @param nanos how long it took to refuse the token, in nanoseconds of {@link System#nanoTime()}
     */
    default void refused(Reason reason, JwsAlgorithm algorithm, String issuer, long nanos) {
    }
}
