package dev.sigil.fips;

import dev.sigil.backend.jca.JcaCryptoBackend;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.CryptoBackendImportContract;
import java.security.Provider;
import org.bouncycastle.jcajce.provider.BouncyCastleFipsProvider;

/** The testkit's import contract over backend-jca with BC-FIPS in approved-only mode. */
class BcFipsImportContractTest extends CryptoBackendImportContract {

    // One provider per class: BC-FIPS runs its self-tests per instance.
    private final Provider fips = new BouncyCastleFipsProvider();

    @Override
    protected CryptoBackend newBackend() {
        return JcaCryptoBackend.builder().provider(fips).build();
    }
}
