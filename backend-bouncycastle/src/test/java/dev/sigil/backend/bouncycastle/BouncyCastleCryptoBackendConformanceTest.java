package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.CryptoBackendConformance;

/** The default BouncyCastle backend, as {@link java.util.ServiceLoader} creates it, against the conformance kit. */
class BouncyCastleCryptoBackendConformanceTest extends CryptoBackendConformance {

    @Override
    protected CryptoBackend newBackend() {
        return new BouncyCastleCryptoBackend();
    }
}
