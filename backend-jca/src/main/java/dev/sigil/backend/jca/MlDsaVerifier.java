package dev.sigil.backend.jca;

import java.security.GeneralSecurityException;

/**
 * Pure ML-DSA (FIPS 204) with an empty context, as RFC 9964 requires, for one parameter set. The
 * JCA's {@code "ML-DSA"} signature is exactly that when no context is set, and this backend never
 * sets one.
 */
final class MlDsaVerifier extends AlgorithmVerifier<KeyedSignature> {

    private final MlDsaParameters set;
    private final EnginePool<KeyedSignature> engines;

    MlDsaVerifier(MlDsaParameters set, EnginePool<KeyedSignature> engines) {
        this.set = set;
        this.engines = engines;
    }

    /** A key of another parameter set never fits, whatever the provider would make of it. */
    @Override
    int signatureLength(JcaKey key) {
        return key instanceof MlDsaKey && ((MlDsaKey) key).set() == set ? set.signatureBytes() : -1;
    }

    @Override
    EnginePool<KeyedSignature> enginesFor(JcaKey key) {
        return engines;
    }

    @Override
    boolean verify(KeyedSignature engine, JcaKey key, byte[] data, int off, int len, byte[] signature)
            throws GeneralSecurityException {
        return engine.verify(((MlDsaKey) key).publicKey(), data, off, len, signature);
    }
}
