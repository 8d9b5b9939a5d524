package dev.sigil.backend.jca;

import dev.sigil.spi.KeyParameters;
import java.security.PublicKey;

/** An Ed25519 or Ed448 public key (RFC 8037). */
final class EdKey extends JcaKey {

    private final EdCurve curve;
    private final PublicKey publicKey;

    EdKey(KeyParameters.Okp parameters, EdCurve curve, PublicKey publicKey) {
        super(parameters);
        this.curve = curve;
        this.publicKey = publicKey;
    }

    EdCurve edCurve() {
        return curve;
    }

    PublicKey publicKey() {
        return publicKey;
    }
}
