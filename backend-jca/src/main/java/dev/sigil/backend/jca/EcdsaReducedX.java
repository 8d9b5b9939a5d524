package dev.sigil.backend.jca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;

/**
 * The one ECDSA case the JDK 17 SunEC provider gets wrong: a signature whose point R has an
 * x-coordinate of at least n, so that r = x(R) - n. Such signatures are valid (SEC 1 section 4.1.4
 * compares x(R) mod n with r) but SunEC compares x(R) with r unreduced and refuses them (Wycheproof
 * "k*G has a large x-coordinate" and "x = n + r" vectors). An honest signer hits this with
 * probability about (p - n) / p, 2<sup>-128</sup> or less, so this is about correctness, not
 * availability; it only ever turns a refusal into an acceptance after a full verification here.
 *
 * <p>It runs only after the provider refused and only when r &lt; p - n (otherwise x(R) = r + n
 * would not fit the field), in plain {@link BigInteger} arithmetic with Jacobian coordinates. Its
 * inputs are all public, so it need not be constant-time.
 */
final class EcdsaReducedX {

    private EcdsaReducedX() {
    }

    /** Whether the provider's refusal could be this bug: r + n is below p. */
    static boolean applies(EcCurve curve, BigInteger r) {
        ECParameterSpec spec = curve.parameters();
        BigInteger p = ((ECFieldFp) spec.getCurve().getField()).getP();
        return r.add(spec.getOrder()).compareTo(p) < 0;
    }

    /** SEC 1 section 4.1.4 verification of (r, s), both already known to lie in [1, n-1]. */
    static boolean verifies(EcCurve curve, ECPoint q, String hash, byte[] data, int off, int len, BigInteger r,
            BigInteger s) throws GeneralSecurityException {
        ECParameterSpec spec = curve.parameters();
        BigInteger n = spec.getOrder();
        MessageDigest digest = MessageDigest.getInstance(hash);
        digest.update(data, off, len);
        byte[] h = digest.digest();
        BigInteger e = new BigInteger(1, h);
        int excess = h.length * 8 - n.bitLength();
        if (excess > 0) {
            e = e.shiftRight(excess);
        }
        BigInteger w = s.modInverse(n);
        Curve c = new Curve(((ECFieldFp) spec.getCurve().getField()).getP(), spec.getCurve().getA());
        BigInteger[] point = c.add(c.multiply(spec.getGenerator(), e.multiply(w).mod(n)),
                c.multiply(q, r.multiply(w).mod(n)));
        BigInteger x = c.affineX(point);
        return x != null && x.mod(n).equals(r);
    }

    /** Jacobian arithmetic on y^2 = x^3 + ax + b over F_p; a point is {X, Y, Z}, Z = 0 at infinity. */
    private static final class Curve {
        private final BigInteger p;
        private final BigInteger a;

        Curve(BigInteger p, BigInteger a) {
            this.p = p;
            this.a = a;
        }

        BigInteger[] multiply(ECPoint base, BigInteger k) {
            BigInteger[] result = {BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
            BigInteger[] addend = {base.getAffineX(), base.getAffineY(), BigInteger.ONE};
            for (int i = k.bitLength() - 1; i >= 0; i--) {
                result = twice(result);
                if (k.testBit(i)) {
                    result = add(result, addend);
                }
            }
            return result;
        }

        BigInteger[] twice(BigInteger[] pt) {
            if (pt[2].signum() == 0 || pt[1].signum() == 0) {
                return new BigInteger[] {BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
            }
            BigInteger y2 = pt[1].multiply(pt[1]).mod(p);
            BigInteger s = pt[0].multiply(y2).shiftLeft(2).mod(p);
            BigInteger z2 = pt[2].multiply(pt[2]).mod(p);
            BigInteger m = pt[0].multiply(pt[0]).multiply(BigInteger.valueOf(3)).add(a.multiply(z2.multiply(z2))).mod(p);
            BigInteger x3 = m.multiply(m).subtract(s.shiftLeft(1)).mod(p);
            BigInteger y3 = m.multiply(s.subtract(x3)).subtract(y2.multiply(y2).shiftLeft(3)).mod(p);
            BigInteger z3 = pt[1].multiply(pt[2]).shiftLeft(1).mod(p);
            return new BigInteger[] {x3, y3, z3};
        }

        BigInteger[] add(BigInteger[] p1, BigInteger[] p2) {
            if (p1[2].signum() == 0) {
                return p2;
            }
            if (p2[2].signum() == 0) {
                return p1;
            }
            BigInteger z1z1 = p1[2].multiply(p1[2]).mod(p);
            BigInteger z2z2 = p2[2].multiply(p2[2]).mod(p);
            BigInteger u1 = p1[0].multiply(z2z2).mod(p);
            BigInteger u2 = p2[0].multiply(z1z1).mod(p);
            BigInteger s1 = p1[1].multiply(z2z2).multiply(p2[2]).mod(p);
            BigInteger s2 = p2[1].multiply(z1z1).multiply(p1[2]).mod(p);
            if (u1.equals(u2)) {
                return s1.equals(s2) ? twice(p1) : new BigInteger[] {BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
            }
            BigInteger h = u2.subtract(u1).mod(p);
            BigInteger rr = s2.subtract(s1).mod(p);
            BigInteger h2 = h.multiply(h).mod(p);
            BigInteger h3 = h2.multiply(h).mod(p);
            BigInteger u1h2 = u1.multiply(h2).mod(p);
            BigInteger x3 = rr.multiply(rr).subtract(h3).subtract(u1h2.shiftLeft(1)).mod(p);
            BigInteger y3 = rr.multiply(u1h2.subtract(x3)).subtract(s1.multiply(h3)).mod(p);
            BigInteger z3 = h.multiply(p1[2]).multiply(p2[2]).mod(p);
            return new BigInteger[] {x3, y3, z3};
        }

        /** The affine x, or {@code null} at infinity. */
        BigInteger affineX(BigInteger[] pt) {
            if (pt[2].signum() == 0) {
                return null;
            }
            BigInteger zInv = pt[2].modInverse(p);
            return pt[0].multiply(zInv).multiply(zInv).mod(p);
        }
    }
}
