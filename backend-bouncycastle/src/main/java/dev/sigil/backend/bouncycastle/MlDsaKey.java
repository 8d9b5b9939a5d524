package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.KeyParameters;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;

/**
 * An ML-DSA public key (RFC 9964 {@code kty} AKP), bound to the one parameter set its {@code alg}
 * names. FIPS 204 public keys have no structure to validate beyond their length, which the
 * parameters already hold; the key that lets anyone forge (t1 = 0) is refused before import.
 */
final class MlDsaKey extends BcKey {

    private final JwsAlgorithm algorithm;
    private final MLDSAPublicKeyParameters parameters;

    MlDsaKey(KeyParameters.Akp akp) {
        super(akp);
        this.algorithm = JwsAlgorithm.fromName(akp.algorithm());
        this.parameters = new MLDSAPublicKeyParameters(parameterSet(algorithm), akp.publicKey());
    }

    JwsAlgorithm algorithm() {
        return algorithm;
    }

    MLDSAPublicKeyParameters parameters() {
        return parameters;
    }

    private static MLDSAParameters parameterSet(JwsAlgorithm alg) {
        return switch (alg) {
            case ML_DSA_44 -> MLDSAParameters.ml_dsa_44;
            case ML_DSA_65 -> MLDSAParameters.ml_dsa_65;
            case ML_DSA_87 -> MLDSAParameters.ml_dsa_87;
            default -> throw new IllegalArgumentException("not an ML-DSA algorithm: " + alg);
        };
    }
}
