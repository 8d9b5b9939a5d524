package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.TokenBuffers;

/**
 * Verifies one JWS algorithm.
 *
 * <p>BouncyCastle's signers and digests are stateful and not thread-safe. Each verifier keeps a few
 * engines in an {@link EnginePool} shared by all threads, held by the verifier, itself held by one
 * backend instance (for HMAC, by the key): nothing is static, a discarded backend takes its engines
 * with it, and a virtual thread per request finds engines already made. An RSA or ECDSA engine is
 * initialised (and its digest reset) with a call's key only when the previous call on it came with
 * other key parameters (compared by identity) or did not return normally; an HMAC engine, keyed for
 * life, is reset only after a call that did not return normally. An engine whose call threw is not
 * even returned to its pool. So the cached-key path does what a signer initialised once would, and a
 * failed call's leftovers never reach the next call. EdDSA's engines are buffers alone.
 *
 * <p>Both ways in, from arrays and from a token's chars, make the same checks in the same order and
 * end in the same {@link #verify(PooledEngine, BcKey, byte[], int, int, byte[])}; from chars, the
 * token is read into the buffers of the engine taken ({@link PooledEngine}). backend-jca has the same
 * two methods, for the reason {@link EnginePool} gives.
 *
 * @param <E> the pooled engine
 */
abstract class AlgorithmVerifier<E extends PooledEngine> {

    /** The length of a signature by {@code key} under this algorithm, or -1 if the key does not fit it. */
    abstract int signatureLength(BcKey key);

    /** The pool a call with {@code key} takes its engine from, or {@code null} if none. */
    abstract EnginePool<E> enginesFor(BcKey key);

    /**
     * Whether {@code signature}, of {@link #signatureLength} bytes, is valid for
     * {@code data[off, off+len)} under {@code key}, which fits. May throw; the engine is then not
     * returned, and the backend turns the exception into {@code false}.
     */
    abstract boolean verify(E engine, BcKey key, byte[] data, int off, int len, byte[] signature);

    /** Whether {@code signature} is valid for {@code data[off, off+len)}; false if the key or the length does not fit. */
    final boolean verify(BcKey key, byte[] data, int off, int len, byte[] signature) {
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
    final boolean verify(BcKey key, String token, int dot2) {
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
