package dev.sigil.backend.bouncycastle;

/**
 * Verifies one JWS algorithm.
 *
 * <p>BouncyCastle's signers and digests are stateful and not thread-safe. Where one is worth
 * keeping (RSA, ECDSA, ML-DSA, HMAC), each verifier keeps a few in an {@link EnginePool} shared by
 * all threads, held by the verifier, itself held by one backend instance (for HMAC, by the key):
 * nothing is static, a discarded backend takes its engines with it, and a virtual thread per
 * request finds engines already made.
 * An RSA or ECDSA engine is initialised (and its digest reset) with a call's key only when the
 * previous call on it came with other key parameters (compared by identity) or did not return
 * normally; an HMAC engine, keyed for life, is reset only after a call that did not return
 * normally. An engine whose call threw is not even returned to its pool. So the cached-key path
 * does what a signer initialised once would, and a failed call's leftovers never reach the next call. EdDSA needs no engine at all.
 */
abstract class AlgorithmVerifier {

    /**
     * Whether {@code signature} is valid for {@code data[off, off+len)} under {@code key}; false if
     * the key does not fit the algorithm or the signature is of the wrong length. May throw; the
     * backend turns every exception into {@code false}.
     */
    abstract boolean verify(BcKey key, byte[] data, int off, int len, byte[] signature);

    /** The pool a call with {@code key} takes its engine from, or {@code null} if none (EdDSA); for tests. */
    abstract EnginePool<?> enginesFor(BcKey key);
}
