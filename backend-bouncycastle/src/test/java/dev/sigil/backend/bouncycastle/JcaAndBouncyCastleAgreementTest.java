package dev.sigil.backend.bouncycastle;

import dev.sigil.backend.jca.JcaCryptoBackend;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.CryptoBackendAgreement;
import java.util.List;

/**
 * The JCA backend (the JDK's providers) and this one must give the same verdict on every Wycheproof
 * vector and every freshly signed token; ES256K, which only this backend claims, is skipped by the
 * kit. Runs in its own surefire execution, the only one with sigil-backend-jca on the class path.
 */
class JcaAndBouncyCastleAgreementTest extends CryptoBackendAgreement {

    @Override
    protected List<CryptoBackend> backends() {
        return List.of(new JcaCryptoBackend(), new BouncyCastleCryptoBackend());
    }
}
