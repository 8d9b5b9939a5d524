package dev.sigil.backend.bouncycastle;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * One prime curve (P-256, P-384, P-521, secp256k1) with BouncyCastle's parameters, loaded once per
 * backend. The point check is done here, explicitly, before BouncyCastle sees a key, so that it does
 * not depend on what a given BouncyCastle version checks itself; the range of a signature's R and S
 * is core's {@link dev.sigil.spi.EcdsaScalars}.
 */
final class EcCurve {

    private final String jwkName;
    private final ECDomainParameters domain;
    private final BigInteger p;

    private EcCurve(String jwkName, X9ECParameters parameters) {
        ECCurve curve = parameters.getCurve();
        if (!ECAlgorithms.isFpCurve(curve)) {
            throw new IllegalStateException("curve " + jwkName + " is not over a prime field");
        }
        if (!BigInteger.ONE.equals(parameters.getH())) {
            // With cofactor 1 every point on the curve except infinity is in the prime-order group,
            // which is what makes the on-curve check below sufficient.
            throw new IllegalStateException("curve " + jwkName + " has cofactor " + parameters.getH());
        }
        this.jwkName = jwkName;
        this.domain = new ECDomainParameters(parameters);
        this.p = curve.getField().getCharacteristic();
    }

    /**
     * The curve {@code standardName} ({@code "secp256r1"}, …): BouncyCastle's optimised
     * implementation where it has one (all four curves here), else the generic table's.
     */
    static EcCurve load(String jwkName, String standardName) {
        X9ECParameters parameters = CustomNamedCurves.getByName(standardName);
        if (parameters == null) {
            parameters = ECNamedCurveTable.getByName(standardName);
        }
        if (parameters == null) {
            throw new IllegalStateException("bouncycastle does not know curve " + standardName);
        }
        return new EcCurve(jwkName, parameters);
    }

    /** The JWK {@code crv}: {@code "P-256"}, {@code "P-384"}, {@code "P-521"} or {@code "secp256k1"}. */
    String jwkName() {
        return jwkName;
    }

    /**
     * The public key (x, y), or {@code null} if it is not a point of this curve: both coordinates
     * must lie in [0, p) (BouncyCastle's field elements would reduce or refuse them otherwise) and
     * satisfy the curve equation. Affine coordinates never denote the point at infinity.
     */
    ECPublicKeyParameters publicKey(BigInteger x, BigInteger y) {
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return null;
        }
        ECPoint point = domain.getCurve().createPoint(x, y);
        if (!point.isValid()) {
            return null;
        }
        // The constructor validates the point once more (on the curve, not infinity, in the group).
        return new ECPublicKeyParameters(point, domain);
    }

    /** Whether {@code other} describes this very curve (certificates may carry explicit parameters). */
    boolean sameParameters(ECDomainParameters other) {
        return domain.getCurve().equals(other.getCurve())
                && domain.getG().equals(other.getG())
                && domain.getN().equals(other.getN())
                && domain.getH().equals(other.getH());
    }

    @Override
    public String toString() {
        return jwkName;
    }
}
