package dev.sigil.backend.jca;

import java.security.GeneralSecurityException;

/**
 * Verifies one JWS algorithm with a provider resolved when the backend was built.
 *
 * <p>JCA engines are stateful and not thread-safe, and {@code getInstance} is slow (a provider
 * service lookup plus reflection), so each verifier keeps one engine per thread in a
 * {@link ThreadLocal} held by the verifier, itself held by one backend instance: nothing is
 * static, and a discarded backend takes its engines with it once the threads' maps drop the
 * stale entries. An engine is initialised with a call's key only when it was not already left
 * initialised with that very key object by a previous call that returned normally
 * ({@link KeyedSignature}); a call that threw leaves it to be initialised afresh, which discards
 * whatever state the failure left.
 */
abstract class AlgorithmVerifier {

    /**
     * Whether {@code signature} is valid for {@code data[off, off+len)} under {@code key}; false if
     * the key does not fit the algorithm or the signature is of the wrong length. May throw; the
     * backend turns every exception into {@code false}.
     */
    abstract boolean verify(JcaKey key, byte[] data, int off, int len, byte[] signature) throws GeneralSecurityException;
}
