package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.JwsAlgorithm;
import java.util.function.Supplier;
import org.bouncycastle.crypto.signers.MLDSASigner;

/**
 * ML-DSA-44, -65 and -87 (RFC 9964): pure ML-DSA (FIPS 204 section 5.3) over the JWS signing input,
 * with the empty context RFC 9964 prescribes; a key of the algorithm's own parameter set only, and a
 * signature of exactly its length.
 */
final class MlDsaVerifier extends AlgorithmVerifier<ReadySigner> {

    private final JwsAlgorithm algorithm;
    private final EnginePool<ReadySigner> engines = new EnginePool<>(new Supplier<>() {
        @Override
        public ReadySigner get() {
            return new ReadySigner(new MLDSASigner());
        }
    });

    MlDsaVerifier(JwsAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    @Override
    int signatureLength(BcKey key) {
        return key instanceof MlDsaKey mlDsa && mlDsa.algorithm() == algorithm ? algorithm.mlDsaSignatureLength() : -1;
    }

    @Override
    EnginePool<ReadySigner> enginesFor(BcKey key) {
        return engines;
    }

    /** Without {@code ParametersWithContext} the signer uses the empty context (FIPS 204 section 5.2). */
    @Override
    boolean verify(ReadySigner engine, BcKey key, byte[] data, int off, int len, byte[] signature) {
        return engine.verify(((MlDsaKey) key).parameters(), data, off, len, signature);
    }
}
