package dev.sigil.backend.jca;

import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.MlDsaJdkInteropContract;

/** The JDK's ML-DSA tokens through the JDK's ML-DSA, by way of this backend (JDK 24 and later). */
class JcaMlDsaJdkInteropTest extends MlDsaJdkInteropContract {

    @Override
    protected CryptoBackend newBackend() {
        return new JcaCryptoBackend();
    }
}
