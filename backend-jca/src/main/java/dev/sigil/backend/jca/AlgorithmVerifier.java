package dev.sigil.backend.jca;

import java.security.GeneralSecurityException;

/**
 * Verifies one JWS algorithm with a provider resolved when the backend was built.
 *
 * <p>JCA engines are stateful and not thread-safe, and {@code getInstance} is slow (a provider
 * service lookup plus reflection), so each verifier keeps a few engines in an {@link EnginePool}
 * shared by all threads, held by the verifier, itself held by one backend instance: nothing is
 * static, a discarded backend takes its engines with it, and a virtual thread per request finds
 * engines already made. An engine is initialised with a call's key only when it was not already left
 * initialised with that very key object by a previous call that returned normally
 * ({@link KeyedSignature}); an engine whose call threw is not returned to the pool, so whatever
 * state the failure left goes with it.
 */
abstract class AlgorithmVerifier {

    /**
     * Whether {@code signature} is valid for {@code data[off, off+len)} under {@code key}; false if
     * the key does not fit the algorithm or the signature is of the wrong length. May throw; the
     * backend turns every exception into {@code false}.
     */
    abstract boolean verify(JcaKey key, byte[] data, int off, int len, byte[] signature) throws GeneralSecurityException;

    /** The pool a call with {@code key} takes its engine from, or {@code null} if none; for tests. */
    abstract EnginePool<?> enginesFor(JcaKey key);
}
