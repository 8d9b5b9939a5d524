package dev.sigil.backend.jca;

import java.security.GeneralSecurityException;

/**
 * Pure ML-DSA (FIPS 204) with an empty context, as RFC 9964 requires, for one parameter set. The
 * JCA's {@code "ML-DSA"} signature is exactly that when no context is set, and this backend never
 * sets one.
 */
final class MlDsaVerifier extends AlgorithmVerifier {

    private final MlDsaParameters set;
    private final EnginePool<KeyedSignature> engines;

    MlDsaVerifier(MlDsaParameters set, EnginePool<KeyedSignature> engines) {
        this.set = set;
        this.engines = engines;
    }

    @Override
    boolean verify(JcaKey key, byte[] data, int off, int len, byte[] signature) throws GeneralSecurityException {
        // A key of another parameter set never fits, whatever the provider would make of it.
        if (!(key instanceof MlDsaKey) || ((MlDsaKey) key).set() != set || signature.length != set.signatureBytes()) {
            return false;
        }
        return KeyedSignature.verify(engines, ((MlDsaKey) key).publicKey(), data, off, len, signature);
    }

    @Override
    EnginePool<?> enginesFor(JcaKey key) {
        return engines;
    }
}
