package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.RealIssuerKeySetsContract;

/** Real providers' key sets (issue 19): the testkit's contract, over BouncyCastle. */
class BouncyCastleRealIssuerKeySetsTest extends RealIssuerKeySetsContract {

    @Override
    protected CryptoBackend newBackend() {
        return new BouncyCastleCryptoBackend();
    }
}
