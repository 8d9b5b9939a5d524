package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.CryptoBackendVerificationContract;
import dev.sigil.testkit.JwsSigner;
import java.util.Optional;

/**
 * Signatures made outside the backend, tampered, cut, lengthened and verified from eight threads:
 * the testkit's contract, ES256K included (signed by BouncyCastle, which the JDK cannot).
 */
class BouncyCastleVerificationContractTest extends CryptoBackendVerificationContract {

    @Override
    protected CryptoBackend newBackend() {
        return new BouncyCastleCryptoBackend();
    }

    @Override
    protected Optional<JwsSigner> signerBeyondTheJdk(JwsAlgorithm alg) {
        return alg == JwsAlgorithm.ES256K ? Optional.of(new Secp256k1Signer()) : Optional.empty();
    }
}
