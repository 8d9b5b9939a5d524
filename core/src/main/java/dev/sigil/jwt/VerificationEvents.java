package dev.sigil.jwt;

import dev.sigil.internal.log.SigilLoggers;
import java.lang.System.Logger.Level;

/**
 * Reports a verifier's outcomes to its {@link VerificationListener}, under one fixed issuer label.
 * {@link #NONE} stands for "no listener": every method is then a branch and nothing more, so a
 * verifier without a listener neither reads the clock nor calls anything. Immutable; holds no
 * state that verifications share.
 */
final class VerificationEvents {

    /** No listener. */
    static final VerificationEvents NONE = new VerificationEvents(null, VerificationListener.ANY_ISSUER);

    private final VerificationListener listener;
    private final String issuer;

    private VerificationEvents(VerificationListener listener, String issuer) {
        this.listener = listener;
        this.issuer = issuer;
    }

    /**
     * Events for {@code listener} (or {@link #NONE} without one), labelled {@code label} when a
     * multi-issuer verifier gave one, else with the configured {@code issuer}, else
     * {@link VerificationListener#ANY_ISSUER}.
     */
    static VerificationEvents of(VerificationListener listener, String label, String issuer) {
        if (listener == null) {
            return NONE;
        }
        return new VerificationEvents(listener, label != null ? label : issuer != null ? issuer : VerificationListener.ANY_ISSUER);
    }

    /** Whether there is no listener: the caller may then skip the timing altogether. */
    boolean off() {
        return listener == null;
    }

    /** The start of a verification, or 0 without a listener (no clock read). */
    long start() {
        return listener == null ? 0L : System.nanoTime();
    }

    /** {@code path.verify(token)} with its outcome reported; waits for keys as {@code verify} does. */
    VerifiedJwt verify(JwtVerifier path, String token) throws JwtVerificationException {
        long start = start();
        VerifiedJwt jwt;
        try {
            jwt = path.verify(token, null);
        } catch (JwtVerificationException e) {
            throw refused(e, start);
        }
        verified(jwt, start);
        return jwt;
    }

    /** Reports {@code jwt}, verified since {@code start}. */
    void verified(VerifiedJwt jwt, long start) {
        if (listener == null) {
            return;
        }
        long nanos = System.nanoTime() - start;
        try {
            listener.verified(jwt.header().algorithm(), issuer, nanos);
        } catch (RuntimeException e) {
            ignored(e);
        }
    }

    /** Reports {@code refusal}, under this verifier's label; returns it, to be thrown. */
    JwtVerificationException refused(JwtVerificationException refusal, long start) {
        return refused(refusal, issuer, start);
    }

    /**
     * Reports {@code refusal} under {@code label}, a configured issuer or template (for a multi-issuer
     * verifier that routed the token but could not make its issuer's verifier); returns it, to be thrown.
     */
    JwtVerificationException refused(JwtVerificationException refusal, String label, long start) {
        if (listener == null) {
            return refusal;
        }
        long nanos = System.nanoTime() - start;
        try {
            listener.refused(refusal.reason(), refusal.algorithmOrNull(), label, nanos);
        } catch (RuntimeException e) {
            ignored(e);
        }
        return refusal;
    }

    // A listener's bug must not change a verification's outcome; logged as JwksListener failures are.
    private static void ignored(RuntimeException e) {
        SigilLoggers.jwt().log(Level.WARNING, "a VerificationListener threw; ignored", e);
    }
}
