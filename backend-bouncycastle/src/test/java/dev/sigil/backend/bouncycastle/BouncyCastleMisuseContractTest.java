package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.CryptoBackendMisuseContract;
import dev.sigil.testkit.JwsSigner;
import java.util.Optional;

/**
 * Keys that do not fit the algorithm and arguments no caller should pass:
 * the testkit's contract, ES256K included (signed by BouncyCastle, which the JDK cannot).
 */
class BouncyCastleMisuseContractTest extends CryptoBackendMisuseContract {

    @Override
    protected CryptoBackend newBackend() {
        return new BouncyCastleCryptoBackend();
    }

    @Override
    protected Optional<JwsSigner> signerBeyondTheJdk(JwsAlgorithm alg) {
        return alg == JwsAlgorithm.ES256K ? Optional.of(new Secp256k1Signer()) : Optional.empty();
    }
}
