package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.CryptoBackendEngineReuseContract;
import dev.sigil.testkit.JwsSigner;
import java.util.Optional;

/**
 * Keys, algorithm names and refused calls taking turns on the per-thread signers kept initialised
 * and the HMAC engines left unreset: the testkit's contract, ES256K included (signed by
 * BouncyCastle, which the JDK cannot).
 */
class BouncyCastleEngineReuseContractTest extends CryptoBackendEngineReuseContract {

    @Override
    protected CryptoBackend newBackend() {
        return new BouncyCastleCryptoBackend();
    }

    @Override
    protected Optional<JwsSigner> signerBeyondTheJdk(JwsAlgorithm alg) {
        return alg == JwsAlgorithm.ES256K ? Optional.of(new Secp256k1Signer()) : Optional.empty();
    }
}
