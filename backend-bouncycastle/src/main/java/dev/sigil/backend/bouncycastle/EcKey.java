package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.KeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/** An EC public key on P-256, P-384, P-521 or secp256k1, known to be a point of its curve. */
final class EcKey extends BcKey {

    private final EcCurve curve;
    private final ECPublicKeyParameters point;

    EcKey(KeyParameters.Ec parameters, EcCurve curve, ECPublicKeyParameters point) {
        super(parameters);
        this.curve = curve;
        this.point = point;
    }

    EcCurve ecCurve() {
        return curve;
    }

    /** Immutable apart from BouncyCastle's internally synchronised precomputation caches. */
    ECPublicKeyParameters parameters() {
        return point;
    }
}
