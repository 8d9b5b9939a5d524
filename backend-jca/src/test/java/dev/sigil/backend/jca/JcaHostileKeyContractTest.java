package dev.sigil.backend.jca;

import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.CryptoBackendHostileKeyContract;

/** Keys that let anyone forge, or cost work before they are judged: the testkit's contract over this backend. */
class JcaHostileKeyContractTest extends CryptoBackendHostileKeyContract {

    @Override
    protected CryptoBackend newBackend() {
        return new JcaCryptoBackend();
    }
}
