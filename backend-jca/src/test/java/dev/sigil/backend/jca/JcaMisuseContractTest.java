package dev.sigil.backend.jca;

import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.CryptoBackendMisuseContract;

/**
 * Keys that do not fit the algorithm and arguments no caller should pass:
 * the testkit's contract, over the default JCA backend.
 */
class JcaMisuseContractTest extends CryptoBackendMisuseContract {

    @Override
    protected CryptoBackend newBackend() {
        return new JcaCryptoBackend();
    }
}
