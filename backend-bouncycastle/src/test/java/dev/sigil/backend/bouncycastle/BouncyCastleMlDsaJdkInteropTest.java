package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.MlDsaJdkInteropContract;

/** The JDK's ML-DSA tokens (JDK 24 and later), an implementation independent of BouncyCastle's. */
class BouncyCastleMlDsaJdkInteropTest extends MlDsaJdkInteropContract {

    @Override
    protected CryptoBackend newBackend() {
        return new BouncyCastleCryptoBackend();
    }
}
