package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.CryptoBackendImportContract;
import dev.sigil.testkit.JwsSigner;
import java.util.Optional;

/**
 * Key and certificate import: what is accepted, what is refused, and the shared messages:
 * the testkit's contract, ES256K included (signed by BouncyCastle, which the JDK cannot).
 */
class BouncyCastleImportContractTest extends CryptoBackendImportContract {

    @Override
    protected CryptoBackend newBackend() {
        return new BouncyCastleCryptoBackend();
    }

    @Override
    protected Optional<JwsSigner> signerBeyondTheJdk(JwsAlgorithm alg) {
        return alg == JwsAlgorithm.ES256K ? Optional.of(new Secp256k1Signer()) : Optional.empty();
    }
}
