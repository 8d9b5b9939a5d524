package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.JwsAlgorithm;
import org.bouncycastle.crypto.signers.MLDSASigner;

/**
 * ML-DSA-44, -65 and -87 (RFC 9964): pure ML-DSA (FIPS 204 section 5.3) over the JWS signing input,
 * with the empty context RFC 9964 prescribes; a key of the algorithm's own parameter set only, and a
 * signature of exactly its length.
 */
final class MlDsaVerifier extends AlgorithmVerifier {

    private final JwsAlgorithm algorithm;
    private final EnginePool<ReadySigner> engines = new EnginePool<>(() -> new ReadySigner(new MLDSASigner()));

    MlDsaVerifier(JwsAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    @Override
    boolean verify(BcKey key, byte[] data, int off, int len, byte[] signature) {
        if (!(key instanceof MlDsaKey mlDsa)) {
            return false;
        }
        if (mlDsa.algorithm() != algorithm || signature.length != algorithm.mlDsaSignatureLength()) {
            return false;
        }
        // Without ParametersWithContext the signer uses the empty context (FIPS 204 section 5.2).
        return ReadySigner.verify(engines, mlDsa.parameters(), data, off, len, signature);
    }

    @Override
    EnginePool<?> enginesFor(BcKey key) {
        return engines;
    }
}
