package dev.sigil.backend.jca;

import dev.sigil.spi.KeyParameters;
import java.security.PublicKey;

/** An RSA public key. */
final class RsaKey extends JcaKey {

    private final PublicKey publicKey;
    private final int modulusBytes;

    RsaKey(KeyParameters.Rsa parameters, PublicKey publicKey) {
        super(parameters);
        this.publicKey = publicKey;
        this.modulusBytes = (parameters.sizeBits() + 7) / 8;
    }

    PublicKey publicKey() {
        return publicKey;
    }

    /** The exact length of every signature under this key (RFC 8017 section 8.2.2, step 1). */
    int modulusBytes() {
        return modulusBytes;
    }
}
