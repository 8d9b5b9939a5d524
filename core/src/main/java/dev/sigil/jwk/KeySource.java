package dev.sigil.jwk;

import dev.sigil.jwt.JwtVerificationException;

/**
 * Where a verifier gets its keys. The verifier imports and indexes each {@link JwkSet} it is given
 * once, and reuses that index for as long as the source keeps returning the same instance, so
 * {@link #keys()} must be cheap: return a cached, immutable set, never fetch on every call.
 *
 * <p>Implementations are thread-safe. {@link JwksCache} is the remote implementation.
 */
public interface KeySource {

    /**
     * The current key set. May wait for a fetch when no usable set is held.
     *
     * @throws JwtVerificationException with {@code KEYS_UNAVAILABLE} if no usable set can be had
     */
    JwkSet keys() throws JwtVerificationException;

    /**
     * Called when a token names a key that {@code current} lacks, or its signature fails with every
     * candidate key: the source may fetch a newer set (at most once per cooldown, so forged tokens
     * cannot hammer the issuer) and return it. The verifier then tries exactly once more.
     *
     * @param current the set the verifier used
     * @return a newer set, or {@code current} itself when nothing newer can be had; a static source
     *     always returns {@code current}
     * @throws JwtVerificationException with {@code KEYS_UNAVAILABLE} if the source failed
     */
    default JwkSet refresh(JwkSet current) throws JwtVerificationException {
        return current;
    }

    /**
     * Like {@link #keys()}, but never waits for I/O: returns {@code null} when the set cannot be
     * had without waiting. {@code JwtVerifier.verifyAsync} uses it to stay off the caller's thread
     * only when it must. The default, for sources that never wait, is {@link #keys()}.
     */
    default JwkSet keysWithoutWaiting() throws JwtVerificationException {
        return keys();
    }

    /**
     * Whether {@link #refresh(JwkSet)} with this set would wait for I/O. The default, for sources that
     * never wait, is {@code false}.
     */
    default boolean refreshWouldWait(JwkSet current) {
        return false;
    }
}
