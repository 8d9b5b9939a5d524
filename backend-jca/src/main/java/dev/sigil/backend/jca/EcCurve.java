package dev.sigil.backend.jca;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.spec.ECField;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.EllipticCurve;

/**
 * One NIST prime curve (P-256, P-384, P-521) with the parameters its backend's provider reports,
 * read once per backend. The arithmetic here is the library's own point validation, done before a
 * provider sees a key, so that it does not depend on provider quirks; the range of a signature's R
 * and S is core's {@link dev.sigil.spi.EcdsaScalars}.
 */
final class EcCurve {

    private final String jwkName;
    private final ECParameterSpec parameters;
    private final BigInteger p;
    private final BigInteger a;
    private final BigInteger b;
    private final int fieldBytes;

    private EcCurve(String jwkName, ECParameterSpec parameters) {
        ECField field = parameters.getCurve().getField();
        if (!(field instanceof ECFieldFp)) {
            throw new IllegalStateException("curve " + jwkName + " is not over a prime field");
        }
        this.jwkName = jwkName;
        this.parameters = parameters;
        this.p = ((ECFieldFp) field).getP();
        this.a = parameters.getCurve().getA();
        this.b = parameters.getCurve().getB();
        this.fieldBytes = (field.getFieldSize() + 7) / 8;
        if (parameters.getCofactor() != 1) {
            // With cofactor 1 every point on the curve except infinity is in the prime-order group,
            // which is what makes the on-curve check below sufficient.
            throw new IllegalStateException("curve " + jwkName + " has cofactor " + parameters.getCofactor());
        }
    }

    /**
     * The curve {@code standardName} ({@code "secp256r1"}, …) as {@code provider} defines it.
     *
     * @throws GeneralSecurityException if the provider does not know the curve
     */
    static EcCurve load(String jwkName, String standardName, Provider provider) throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC", provider);
        parameters.init(new ECGenParameterSpec(standardName));
        return new EcCurve(jwkName, parameters.getParameterSpec(ECParameterSpec.class));
    }

    /** The JWK {@code crv}: {@code "P-256"}, {@code "P-384"} or {@code "P-521"}. */
    String jwkName() {
        return jwkName;
    }

    ECParameterSpec parameters() {
        return parameters;
    }

    /** 32, 48 or 66: the length of a coordinate in a JWK and of R and of S in a JWS signature. */
    int fieldBytes() {
        return fieldBytes;
    }

    /** Whether (x, y) is a point of this curve: both coordinates in [0, p) and y² = x³ + ax + b (mod p). */
    boolean contains(BigInteger x, BigInteger y) {
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.multiply(x).add(a).multiply(x).add(b).mod(p);
        return left.equals(right);
    }

    /** Whether {@code other} describes this very curve (certificates may carry explicit parameters). */
    boolean sameParameters(ECParameterSpec other) {
        EllipticCurve curve = other.getCurve();
        return curve.equals(parameters.getCurve())
                && other.getGenerator().equals(parameters.getGenerator())
                && other.getOrder().equals(parameters.getOrder())
                && other.getCofactor() == parameters.getCofactor();
    }

    @Override
    public String toString() {
        return jwkName;
    }
}
