package dev.sigil.backend.jca;

import dev.sigil.spi.TokenBuffers;
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
 *
 * <p>Both ways in, from arrays and from a token's chars, make the same checks in the same order and
 * end in the same {@link #verify(PooledEngine, JcaKey, byte[], int, int, byte[])}; from chars, the
 * token is read into the buffers of the engine taken ({@link PooledEngine}).
 *
 * @param <E> the pooled engine
 */
abstract class AlgorithmVerifier<E extends PooledEngine> {

    /** The length of a signature by {@code key} under this algorithm, or -1 if the key does not fit it. */
    abstract int signatureLength(JcaKey key);

    /** The pool a call with {@code key} takes its engine from, or {@code null} if none. */
    abstract EnginePool<E> enginesFor(JcaKey key);

    /**
     * Whether {@code signature}, of {@link #signatureLength} bytes, is valid for
     * {@code data[off, off+len)} under {@code key}, which fits. May throw; the engine is then not
     * returned, and the backend turns the exception into {@code false}.
     */
    abstract boolean verify(E engine, JcaKey key, byte[] data, int off, int len, byte[] signature)
            throws GeneralSecurityException;

    /** Whether {@code signature} is valid for {@code data[off, off+len)}; false if the key or the length does not fit. */
    final boolean verify(JcaKey key, byte[] data, int off, int len, byte[] signature) throws GeneralSecurityException {
        int expected = signatureLength(key);
        EnginePool<E> engines = expected < 0 || signature.length != expected ? null : enginesFor(key);
        if (engines == null) {
            return false;
        }
        E engine = engines.take();
        boolean valid = verify(engine, key, data, off, len, signature);
        // Not reached if verify threw: that engine is left to the collector.
        engines.give(engine);
        return valid;
    }

    /** The same for {@code token}, read into the buffers of the engine taken; false if its signature is not base64url. */
    final boolean verify(JcaKey key, String token, int dot2) throws GeneralSecurityException {
        int expected = signatureLength(key);
        EnginePool<E> engines = expected < 0 || TokenBuffers.signatureLength(token, dot2) != expected
                ? null : enginesFor(key);
        if (engines == null) {
            return false;
        }
        E engine = engines.take();
        TokenBuffers buffers = engine.buffers;
        boolean valid = buffers.read(token, dot2) && verify(engine, key, buffers.input(), 0, dot2, buffers.signature());
        buffers.forgetSignature();
        engines.give(engine);
        return valid;
    }
}
