package dev.sigil.backend.jca;

import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.CryptoBackendAgreement;
import java.util.List;

/**
 * The default backend (each primitive from the first installed provider that has it) against
 * backends pinned to one JDK provider by name, the way a FIPS deployment pins BC-FIPS: pinning goes
 * through other code (one provider for keys, curves and engines, no fallback), and must not change a
 * single verdict. Each pinned backend covers only its provider's algorithms; the kit compares each
 * question among the backends that claim it.
 */
class JcaProviderAgreementTest extends CryptoBackendAgreement {

    @Override
    protected List<CryptoBackend> backends() {
        return List.of(
                new JcaCryptoBackend(),
                JcaCryptoBackend.builder().provider("SunRsaSign").build(),
                JcaCryptoBackend.builder().provider("SunEC").build(),
                JcaCryptoBackend.builder().provider("SunJCE").build());
    }
}
