package dev.sigil.backend.jca;

import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.CryptoBackendImportContract;

/**
 * Key and certificate import: what is accepted, what is refused, and the shared messages:
 * the testkit's contract, over the default JCA backend.
 */
class JcaImportContractTest extends CryptoBackendImportContract {

    @Override
    protected CryptoBackend newBackend() {
        return new JcaCryptoBackend();
    }
}
