package dev.sigil.internal.keys;

import dev.sigil.spi.KeyParameters;
import java.math.BigInteger;

/**
 * The checks on a key's public parameters that need no curve arithmetic, made once in core before
 * any backend is asked to build the key, so that every backend inherits them (ARCHITECTURE.md,
 * "Where the shape is going"): size limits, exponents, canonical encodings, and the known values
 * that let anyone forge (small-order Edwards points; RSA moduli that are prime, square, or made of
 * small or close factors; ML-DSA keys with t1 = 0). Size limits come first, so an oversized modulus costs nothing but the
 * reading of its length. Presence and exact lengths are the parameter types' own invariants.
 *
 * <p>What needs arithmetic on a curve (an EC point on its curve) stays with the backend; the crypto
 * TCK checks that each backend makes it.
 *
 * <p>One instance per key set (see {@link RsaModulusCheck}); not thread-safe.
 */
final class PublicKeyCheck {

    private static final BigInteger THREE = BigInteger.valueOf(3);
    private static final int AKP_RHO_BYTES = 32;
    private static final int RFC_7518_RSA_BITS = 2048;

    private final KeyLimits limits;
    private final RsaModulusCheck moduli;

    PublicKeyCheck(KeyLimits limits) {
        this.limits = limits;
        this.moduli = new RsaModulusCheck(limits);
    }

    /** Why the parameters are refused, or {@code null} when the backend may build the key. */
    String refusal(KeyParameters parameters) {
        if (parameters instanceof KeyParameters.Rsa) {
            return rsa((KeyParameters.Rsa) parameters);
        }
        if (parameters instanceof KeyParameters.Okp) {
            KeyParameters.Okp okp = (KeyParameters.Okp) parameters;
            return EdwardsEncoding.of(okp.curve()).refusal(okp.x());
        }
        if (parameters instanceof KeyParameters.Oct) {
            return oct(((KeyParameters.Oct) parameters).sizeBits() / 8);
        }
        if (parameters instanceof KeyParameters.Akp) {
            return akp(((KeyParameters.Akp) parameters).publicKey());
        }
        // EC: curve and coordinate lengths are the type's invariants, the point is the backend's.
        return null;
    }

    /**
     * FIPS 204 encodes a public key as rho (32 bytes) then t1. With t1 = 0, verification no longer
     * depends on the signer's secret (w1 follows from the public matrix and the signature's z
     * alone), so anyone can make signatures that verify: Wycheproof's "ZeroPublicKey" vectors.
     * A genuine key has t1 = 0 with negligible probability.
     */
    private static String akp(byte[] pub) {
        int nonZero = 0;
        for (int i = AKP_RHO_BYTES; i < pub.length; i++) {
            nonZero |= pub[i];
        }
        return nonZero == 0 ? "ML-DSA public key has t1 = 0 (every byte after rho is zero): anyone could forge"
                + " signatures that verify with it" : null;
    }

    private String rsa(KeyParameters.Rsa rsa) {
        BigInteger modulus = rsa.modulus();
        BigInteger exponent = rsa.exponent();
        int modulusBits = modulus.bitLength();
        if (modulusBits > limits.maxRsaBits()) {
            return "rsa modulus of " + modulusBits + " bits is above the verifier's limit of " + limits.maxRsaBits();
        }
        if (modulusBits < limits.minRsaBits()) {
            // In the issuer's terms, and naming the setting: whoever reads this must fix the issuer or
            // decide, knowingly, to accept weaker keys.
            return "rsa modulus of " + modulusBits + " bits is below the minimum of " + limits.minRsaBits()
                    + (modulusBits < RFC_7518_RSA_BITS
                            ? ": RFC 7518 section 3.3 requires 2048 bits or more for RS256 and every RSA algorithm"
                                    + " (minRsaKeySize(..) lowers the minimum, at the risk its documentation states)"
                            : ", as set with minRsaKeySize(..)");
        }
        if (exponent.bitLength() > KeyLimits.MAX_RSA_EXPONENT_BITS) {
            return "rsa public exponent of " + exponent.bitLength() + " bits exceeds " + KeyLimits.MAX_RSA_EXPONENT_BITS
                    + " bits";
        }
        if (!modulus.testBit(0)) {
            return "rsa modulus is even";
        }
        if (exponent.compareTo(THREE) < 0) {
            return "rsa public exponent is below 3";
        }
        if (!exponent.testBit(0)) {
            return "rsa public exponent is even";
        }
        if (exponent.compareTo(modulus) >= 0) {
            return "rsa public exponent is not below the modulus";
        }
        return moduli.refusal(modulus);
    }

    private static String oct(int length) {
        if (length < KeyLimits.MIN_OCT_BYTES) {
            return "oct key of " + length * 8 + " bits is shorter than the " + KeyLimits.MIN_OCT_BYTES * 8
                    + " bits HS256 needs (RFC 7518 section 3.2)";
        }
        if (length > KeyLimits.MAX_OCT_BYTES) {
            return "oct key of " + (long) length * 8 + " bits is longer than the limit of " + KeyLimits.MAX_OCT_BYTES * 8;
        }
        return null;
    }
}
