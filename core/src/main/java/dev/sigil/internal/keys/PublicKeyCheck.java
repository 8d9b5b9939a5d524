package dev.sigil.internal.keys;

import static dev.sigil.spi.UntrustedText.quoted;

import dev.sigil.jwk.InvalidJwkException;
import dev.sigil.jwk.Jwk;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;

/**
 * The checks on a key's public parameters that need no curve arithmetic, made once in core before
 * any backend is asked to build the key, so that every backend inherits them (ARCHITECTURE.md,
 * "Where the shape is going"): presence, exact lengths, size limits, canonical encodings, and the
 * known values that let anyone forge (small-order Edwards points; RSA moduli that are prime,
 * square, or made of small or close factors). Size limits come first, on encoded lengths, so an
 * oversized parameter costs nothing but the reading of its length.
 *
 * <p>What needs arithmetic on a curve (an EC point on its curve) stays with the backend; the crypto
 * TCK checks that each backend makes it.
 *
 * <p>One instance per key set (see {@link RsaModulusCheck}); not thread-safe.
 */
final class PublicKeyCheck {

    /** Coordinate lengths of the curves Sigil verifies with (RFC 7518 section 6.2.1.2, RFC 8812). */
    private static final Map<String, Integer> EC_FIELD_BYTES = Map.of("P-256", 32, "P-384", 48, "P-521", 66, "secp256k1", 32);

    private final KeyLimits limits;
    private final RsaModulusCheck moduli;

    PublicKeyCheck(KeyLimits limits) {
        this.limits = limits;
        this.moduli = new RsaModulusCheck(limits);
    }

    /**
     * Why the key's public parameters are refused, or {@code null} when the backend may build it. The
     * key's type is one Sigil supports ({@code RSA}, {@code EC}, {@code OKP}, {@code oct}).
     */
    String refusal(Jwk jwk) {
        try {
            switch (jwk.keyType()) {
                case "RSA":
                    return rsa(jwk);
                case "EC":
                    return ec(jwk);
                case "OKP":
                    return okp(jwk);
                case "oct":
                    return oct(jwk);
                default:
                    return "unsupported key type " + quoted(jwk.keyType());
            }
        } catch (InvalidJwkException e) {
            return e.getMessage();
        }
    }

    private String rsa(Jwk jwk) {
        Optional<byte[]> n = jwk.binaryMember("n");
        Optional<byte[]> e = jwk.binaryMember("e");
        if (n.isEmpty() || e.isEmpty()) {
            return "RSA key has no '" + (n.isEmpty() ? "n" : "e") + "'";
        }
        int modulusBits = bitLength(n.get());
        if (modulusBits > limits.maxRsaBits()) {
            return "rsa modulus of " + modulusBits + " bits is above the verifier's limit of " + limits.maxRsaBits();
        }
        int exponentBits = bitLength(e.get());
        if (exponentBits > KeyLimits.MAX_RSA_EXPONENT_BITS) {
            return "rsa public exponent of " + exponentBits + " bits exceeds " + KeyLimits.MAX_RSA_EXPONENT_BITS + " bits";
        }
        if (!lowBitSet(n.get())) {
            return "rsa modulus is even";
        }
        BigInteger exponent = new BigInteger(1, e.get());
        if (exponent.compareTo(BigInteger.valueOf(3)) < 0) {
            return "rsa public exponent is below 3";
        }
        if (!exponent.testBit(0)) {
            return "rsa public exponent is even";
        }
        BigInteger modulus = new BigInteger(1, n.get());
        if (exponent.compareTo(modulus) >= 0) {
            return "rsa public exponent is not below the modulus";
        }
        return moduli.refusal(modulus);
    }

    private static String ec(Jwk jwk) {
        Optional<String> crv = jwk.curve();
        if (crv.isEmpty()) {
            return "EC key has no 'crv'";
        }
        Integer length = EC_FIELD_BYTES.get(crv.get());
        if (length == null) {
            return "unsupported curve " + quoted(crv.get()) + " for key type EC";
        }
        for (String member : new String[] {"x", "y"}) {
            Optional<byte[]> value = jwk.binaryMember(member);
            if (value.isEmpty()) {
                return "EC key has no '" + member + "'";
            }
            // RFC 7518 section 6.2.1.2: exactly the field length, leading zeros included.
            if (value.get().length != length) {
                return "'" + member + "' must be " + length + " bytes for " + crv.get() + ", got " + value.get().length;
            }
        }
        return null;
    }

    private static String okp(Jwk jwk) {
        Optional<String> crv = jwk.curve();
        if (crv.isEmpty()) {
            return "OKP key has no 'crv'";
        }
        if ("X25519".equals(crv.get()) || "X448".equals(crv.get())) {
            return "curve " + crv.get() + " is for key agreement and cannot verify signatures";
        }
        EdwardsEncoding encoding = EdwardsEncoding.of(crv.get());
        if (encoding == null) {
            return "unsupported curve " + quoted(crv.get()) + " for key type OKP";
        }
        Optional<byte[]> x = jwk.binaryMember("x");
        if (x.isEmpty()) {
            return "OKP key has no 'x'";
        }
        return encoding.refusal(x.get());
    }

    private static String oct(Jwk jwk) {
        Optional<byte[]> k = jwk.binaryMember("k");
        if (k.isEmpty()) {
            return "oct key has no 'k'";
        }
        int length = k.get().length;
        if (length == 0) {
            return "oct key 'k' is empty";
        }
        if (length < KeyLimits.MIN_OCT_BYTES) {
            return "oct key of " + length * 8 + " bits is shorter than the " + KeyLimits.MIN_OCT_BYTES * 8
                    + " bits HS256 needs (RFC 7518 section 3.2)";
        }
        if (length > KeyLimits.MAX_OCT_BYTES) {
            return "oct key of " + (long) length * 8 + " bits is longer than the limit of " + KeyLimits.MAX_OCT_BYTES * 8;
        }
        return null;
    }

    /** The bit length of an unsigned big-endian number, leading zero bytes skipped, with no BigInteger made. */
    private static int bitLength(byte[] unsigned) {
        for (int i = 0; i < unsigned.length; i++) {
            if (unsigned[i] != 0) {
                return (unsigned.length - i - 1) * 8 + (32 - Integer.numberOfLeadingZeros(unsigned[i] & 0xff));
            }
        }
        return 0;
    }

    private static boolean lowBitSet(byte[] unsigned) {
        return unsigned.length > 0 && (unsigned[unsigned.length - 1] & 1) != 0;
    }
}
