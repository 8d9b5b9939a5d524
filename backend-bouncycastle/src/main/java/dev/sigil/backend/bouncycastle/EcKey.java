package dev.sigil.backend.bouncycastle;

import java.math.BigInteger;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/** An EC public key on P-256, P-384, P-521 or secp256k1, known to be a point of its curve. */
final class EcKey extends BcKey {

    private final EcCurve curve;
    private final BigInteger x;
    private final BigInteger y;
    private final ECPublicKeyParameters parameters;

    EcKey(EcCurve curve, BigInteger x, BigInteger y, ECPublicKeyParameters parameters) {
        this.curve = curve;
        this.x = x;
        this.y = y;
        this.parameters = parameters;
    }

    EcCurve ecCurve() {
        return curve;
    }

    /** Immutable apart from BouncyCastle's internally synchronised precomputation caches. */
    ECPublicKeyParameters parameters() {
        return parameters;
    }

    @Override
    public String keyType() {
        return "EC";
    }

    @Override
    public String curve() {
        return curve.jwkName();
    }

    @Override
    public int sizeBits() {
        return curve.fieldBits();
    }

    @Override
    boolean sameKeyAs(BcKey other) {
        EcKey that = (EcKey) other;
        // Curves are compared by name: keys imported by two backends hold distinct EcCurve objects.
        return curve.jwkName().equals(that.curve.jwkName()) && x.equals(that.x) && y.equals(that.y);
    }

    @Override
    public String toString() {
        return "EcKey[" + curve.jwkName() + "]";
    }
}
