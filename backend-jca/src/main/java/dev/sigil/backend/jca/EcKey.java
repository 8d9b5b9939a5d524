package dev.sigil.backend.jca;

import java.security.PublicKey;
import java.security.spec.ECPoint;

/** An EC public key on P-256, P-384 or P-521, known to be a point of its curve. */
final class EcKey extends JcaKey {

    private final EcCurve curve;
    private final ECPoint point;
    private final PublicKey publicKey;

    EcKey(EcCurve curve, ECPoint point, PublicKey publicKey) {
        this.curve = curve;
        this.point = point;
        this.publicKey = publicKey;
    }

    EcCurve ecCurve() {
        return curve;
    }

    ECPoint point() {
        return point;
    }

    PublicKey publicKey() {
        return publicKey;
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
    boolean sameKeyAs(JcaKey other) {
        EcKey that = (EcKey) other;
        // Curves are compared by name: keys imported by two backends hold distinct EcCurve objects.
        return curve.jwkName().equals(that.curve.jwkName()) && point.equals(that.point);
    }

    @Override
    public String toString() {
        return "EcKey[" + curve.jwkName() + "]";
    }
}
