package dev.sigil.backend.jca;

import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.CryptoBackendVerificationContract;

/**
 * Signatures made outside the backend, tampered, cut, lengthened and verified from eight threads:
 * the testkit's contract, over the default JCA backend.
 */
class JcaVerificationContractTest extends CryptoBackendVerificationContract {

    @Override
    protected CryptoBackend newBackend() {
        return new JcaCryptoBackend();
    }
}
