package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.KeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/** An EC public key on P-256, P-384, P-521 or secp256k1, known to be a point of its curve. */
final class EcKey extends BcKey {

    private final ECPublicKeyParameters point;

    EcKey(KeyParameters.Ec parameters, ECPublicKeyParameters point) {
        super(parameters);
        this.point = point;
    }

    /** Immutable apart from BouncyCastle's internally synchronised precomputation caches. */
    ECPublicKeyParameters parameters() {
        return point;
    }
}
