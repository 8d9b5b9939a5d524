package dev.sigil.backend.jca;

import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.CryptoBackendEngineReuseContract;

/**
 * Keys, algorithm names and refused or throwing calls taking turns on the per-thread engines that
 * skip {@code initVerify} for the key they already hold: the testkit's contract, over the default
 * JCA backend.
 */
class JcaEngineReuseContractTest extends CryptoBackendEngineReuseContract {

    @Override
    protected CryptoBackend newBackend() {
        return new JcaCryptoBackend();
    }
}
