package dev.sigil.fips;

import dev.sigil.backend.jca.JcaCryptoBackend;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.CryptoBackendConformance;
import org.bouncycastle.jcajce.provider.BouncyCastleFipsProvider;

/**
 * The crypto conformance kit (Wycheproof and key-import cases) for backend-jca over BC-FIPS in
 * approved-only mode: every FIPS-approved algorithm the provider has must pass it; EdDSA and ES256K,
 * which it lacks, are skipped and counted.
 */
class BcFipsConformanceTest extends CryptoBackendConformance {

    @Override
    protected CryptoBackend newBackend() {
        return JcaCryptoBackend.builder().provider(new BouncyCastleFipsProvider()).build();
    }
}
