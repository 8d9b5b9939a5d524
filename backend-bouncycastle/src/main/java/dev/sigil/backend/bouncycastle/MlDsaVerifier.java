package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.JwsAlgorithm;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.signers.MLDSASigner;

/**
 * ML-DSA-44, -65 and -87 (RFC 9964): pure ML-DSA (FIPS 204 section 5.3) over the JWS signing input,
 * with the empty context RFC 9964 prescribes; a key of the algorithm's own parameter set only, and a
 * signature of exactly its length.
 */
final class MlDsaVerifier extends AlgorithmVerifier {

    private final JwsAlgorithm algorithm;
    private final ThreadLocal<Engine> engines = ThreadLocal.withInitial(Engine::new);

    MlDsaVerifier(JwsAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    @Override
    boolean verify(BcKey key, byte[] data, int off, int len, byte[] signature) {
        if (!(key instanceof MlDsaKey)) {
            return false;
        }
        MlDsaKey mlDsa = (MlDsaKey) key;
        if (mlDsa.algorithm() != algorithm || signature.length != algorithm.mlDsaSignatureLength()) {
            return false;
        }
        Engine engine = engines.get();
        MLDSAPublicKeyParameters parameters = mlDsa.parameters();
        boolean ready = engine.readyFor == parameters;
        // Marked dirty before anything can throw: a call that does not return normally leaves the
        // next one to start from a fresh init.
        engine.readyFor = null;
        if (!ready) {
            // Without ParametersWithContext the signer uses the empty context (FIPS 204 section 5.2),
            // and init hashes the public key into tr once, not per token.
            engine.signer.init(false, parameters);
        }
        engine.signer.update(data, off, len);
        // verifySignature returns the signer to its state just after init, whatever the outcome.
        boolean valid = engine.signer.verifySignature(signature);
        engine.readyFor = parameters;
        return valid;
    }

    /** One thread's signer and the key it stands initialised with. */
    private static final class Engine {
        final MLDSASigner signer = new MLDSASigner();
        /**
         * The key parameters the signer is initialised with, compared by identity (those of one
         * imported {@link MlDsaKey}); {@code null} before the first call, while a call runs and
         * after one that threw.
         */
        MLDSAPublicKeyParameters readyFor;
    }
}
