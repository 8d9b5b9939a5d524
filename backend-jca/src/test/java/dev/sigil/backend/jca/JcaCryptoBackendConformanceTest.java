package dev.sigil.backend.jca;

import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.CryptoBackendConformance;

/** The default JCA backend, as {@link java.util.ServiceLoader} creates it, against the conformance kit. */
class JcaCryptoBackendConformanceTest extends CryptoBackendConformance {

    @Override
    protected CryptoBackend newBackend() {
        return new JcaCryptoBackend();
    }
}
