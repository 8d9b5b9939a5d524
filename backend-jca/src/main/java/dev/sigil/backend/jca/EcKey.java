package dev.sigil.backend.jca;

import dev.sigil.spi.KeyParameters;
import java.security.PublicKey;

/** An EC public key on P-256, P-384 or P-521, known to be a point of its curve. */
final class EcKey extends JcaKey {

    private final EcCurve curve;
    private final PublicKey publicKey;

    EcKey(KeyParameters.Ec parameters, EcCurve curve, PublicKey publicKey) {
        super(parameters);
        this.curve = curve;
        this.publicKey = publicKey;
    }

    EcCurve ecCurve() {
        return curve;
    }

    PublicKey publicKey() {
        return publicKey;
    }
}
