package dev.sigil.backend.jca;

import dev.sigil.spi.KeyParameters;
import java.security.PublicKey;

/** An ML-DSA public key (RFC 9964 AKP), bound to one parameter set. */
final class MlDsaKey extends JcaKey {

    private final MlDsaParameters set;
    private final PublicKey publicKey;

    MlDsaKey(KeyParameters.Akp parameters, MlDsaParameters set, PublicKey publicKey) {
        super(parameters);
        this.set = set;
        this.publicKey = publicKey;
    }

    MlDsaParameters set() {
        return set;
    }

    PublicKey publicKey() {
        return publicKey;
    }

    /** The parameter set, which says more than the key's size in bits; never key material. */
    @Override
    public String toString() {
        return "MlDsaKey[" + set.jwsName() + "]";
    }
}
