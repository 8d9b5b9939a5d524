package dev.sigil.fips;

import dev.sigil.backend.jca.JcaCryptoBackend;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.CryptoBackendHostileKeyContract;
import org.bouncycastle.jcajce.provider.BouncyCastleFipsProvider;

/**
 * The testkit's hostile-key contract over backend-jca with BC-FIPS in approved-only mode. BC-FIPS has
 * no EdDSA: the Edwards keys are still dropped (by Sigil's core, before the backend), and the forged
 * tokens are refused for their algorithm.
 */
class BcFipsHostileKeyContractTest extends CryptoBackendHostileKeyContract {

    @Override
    protected CryptoBackend newBackend() {
        return JcaCryptoBackend.builder().provider(new BouncyCastleFipsProvider()).build();
    }
}
