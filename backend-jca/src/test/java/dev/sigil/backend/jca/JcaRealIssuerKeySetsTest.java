package dev.sigil.backend.jca;

import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.RealIssuerKeySetsContract;

/** Real providers' key sets (issue 19): the testkit's contract, over the default JCA backend. */
class JcaRealIssuerKeySetsTest extends RealIssuerKeySetsContract {

    @Override
    protected CryptoBackend newBackend() {
        return new JcaCryptoBackend();
    }
}
