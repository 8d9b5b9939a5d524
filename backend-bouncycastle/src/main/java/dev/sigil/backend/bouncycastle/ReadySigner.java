package dev.sigil.backend.bouncycastle;

import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.Signer;

/**
 * A signer and the key it stands initialised with, for the verifiers whose {@code init} costs more
 * than a verification should repeat (RSA's key checks and block buffer, ML-DSA's hash of the public
 * key into tr). Not thread-safe: one call at a time has it, taken from its verifier's
 * {@link EnginePool} and given back only after a normal return.
 */
final class ReadySigner extends PooledEngine {

    private final Signer signer;
    /**
     * The key parameters the signer is initialised with and clean for, compared by identity (those
     * of one imported key); {@code null} before the first call, while a call runs and after one that
     * threw.
     */
    private CipherParameters readyFor;

    ReadySigner(Signer signer) {
        this.signer = signer;
    }

    /** Verifies {@code signature} over {@code data[off, off+len)} with {@code key}, initialising only for a new key. */
    boolean verify(CipherParameters key, byte[] data, int off, int len, byte[] signature) {
        boolean ready = readyFor == key;
        // Marked dirty before anything can throw: a call that does not return normally leaves the
        // next one to initialise afresh.
        readyFor = null;
        if (!ready) {
            // init resets the signer's digest or message state, so nothing an earlier call left survives.
            signer.init(false, key);
        }
        signer.update(data, off, len);
        // The signers used this way (RSADigestSigner, PSSSigner, MLDSASigner) finish their message
        // state in verifySignature, whatever the outcome, and keep nothing else but what init set up.
        boolean valid = signer.verifySignature(signature);
        readyFor = key;
        return valid;
    }
}
