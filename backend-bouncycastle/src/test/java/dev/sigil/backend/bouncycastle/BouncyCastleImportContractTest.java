package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.CryptoBackendImportContract;
import dev.sigil.testkit.JwsSigner;
import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * Key and certificate import: what is accepted, what is refused, and the shared messages:
 * the testkit's contract, ES256K included (signed by BouncyCastle, which the JDK cannot), and ML-DSA
 * (signed by BouncyCastle's JCA provider before JDK 24, which shares code with this backend: see
 * {@link MlDsaSigner}; by the JDK's own signer from JDK 24).
 */
class BouncyCastleImportContractTest extends CryptoBackendImportContract {

    @Override
    protected CryptoBackend newBackend() {
        return new BouncyCastleCryptoBackend();
    }

    @Override
    protected Optional<JwsSigner> signerBeyondTheJdk(JwsAlgorithm alg) throws GeneralSecurityException {
        if (alg.family() == JwsAlgorithm.Family.ML_DSA) {
            // Before JDK 24 only: from then on the kit signs ML-DSA with the JDK's own signer.
            return Optional.of(new MlDsaSigner(alg));
        }
        return alg == JwsAlgorithm.ES256K ? Optional.of(new Secp256k1Signer()) : Optional.empty();
    }
}
