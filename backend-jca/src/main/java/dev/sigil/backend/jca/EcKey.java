package dev.sigil.backend.jca;

import dev.sigil.spi.KeyParameters;
import java.security.PublicKey;

/** An EC public key on P-256, P-384 or P-521, known to be a point of its curve. */
final class EcKey extends JcaKey {

    private final PublicKey publicKey;

    EcKey(KeyParameters.Ec parameters, PublicKey publicKey) {
        super(parameters);
        this.publicKey = publicKey;
    }

    PublicKey publicKey() {
        return publicKey;
    }
}
