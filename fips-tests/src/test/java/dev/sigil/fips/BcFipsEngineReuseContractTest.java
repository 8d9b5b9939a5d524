package dev.sigil.fips;

import dev.sigil.backend.jca.JcaCryptoBackend;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.CryptoBackendEngineReuseContract;
import java.security.Provider;
import org.bouncycastle.jcajce.provider.BouncyCastleFipsProvider;

/**
 * The testkit's engine-reuse contract over backend-jca with BC-FIPS in approved-only mode, whose
 * ECDSA engines take DER only and so go through the backend's re-encoding path.
 */
class BcFipsEngineReuseContractTest extends CryptoBackendEngineReuseContract {

    // One provider per class: BC-FIPS runs its self-tests per instance.
    private final Provider fips = new BouncyCastleFipsProvider();

    @Override
    protected CryptoBackend newBackend() {
        return JcaCryptoBackend.builder().provider(fips).build();
    }
}
