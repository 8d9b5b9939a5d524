package dev.sigil.backend.bouncycastle;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * One prime curve (P-256, P-384, P-521, secp256k1) with BouncyCastle's parameters, loaded once per
 * backend. Point and scalar range checks are done here, explicitly, before BouncyCastle sees a key
 * or a signature, so that they do not depend on what a given BouncyCastle version checks itself.
 */
final class EcCurve {

    private final String jwkName;
    private final ECDomainParameters domain;
    private final BigInteger p;
    private final int fieldBytes;
    /** The group order n as an unsigned big-endian number of exactly {@link #fieldBytes} bytes. */
    private final byte[] order;

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
        this.fieldBytes = (curve.getFieldSize() + 7) / 8;
        this.order = BigIntegers.asUnsignedByteArray(fieldBytes, parameters.getN());
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

    /** 32, 48 or 66: the length of a coordinate in a JWK and of R and of S in a JWS signature. */
    int fieldBytes() {
        return fieldBytes;
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

    /**
     * Whether the unsigned big-endian number {@code bytes[off, off + fieldBytes)} lies in
     * {@code [1, n-1]}: the check whose absence let r = s = 0 verify anything on JDK 15 to 18
     * (CVE-2022-21449). BouncyCastle's ECDSASigner checks it too; this one is ours, allocation-free.
     */
    boolean isScalarInRange(byte[] bytes, int off) {
        int end = off + fieldBytes;
        boolean zero = true;
        for (int i = off; i < end; i++) {
            if (bytes[i] != 0) {
                zero = false;
                break;
            }
        }
        // Equal-length unsigned big-endian numbers compare like their byte strings.
        return !zero && Arrays.compareUnsigned(bytes, off, end, order, 0, fieldBytes) < 0;
    }

    @Override
    public String toString() {
        return jwkName;
    }
}
