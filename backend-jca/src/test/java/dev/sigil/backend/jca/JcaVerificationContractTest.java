package dev.sigil.backend.jca;

import dev.sigil.spi.CryptoBackend;
import dev.sigil.testkit.CryptoBackendVerificationContract;
import java.util.Optional;

/** Signatures made outside the backend, tampered, cut, lengthened and verified from eight threads: the testkit's contract, over the default JCA backend. */
class JcaVerificationContractTest extends CryptoBackendVerificationContract {

    @Override
    protected CryptoBackend newBackend() {
        return new JcaCryptoBackend();
    }

    @Override
    protected Optional<CryptoBackend> newBackendWithMinimumRsaKeySize(int bits) {
        return Optional.of(JcaCryptoBackend.builder().minimumRsaKeySize(bits).build());
    }
}
