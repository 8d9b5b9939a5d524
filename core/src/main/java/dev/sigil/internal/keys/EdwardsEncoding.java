package dev.sigil.internal.keys;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Judges an Ed25519 or Ed448 public key by its encoding alone (RFC 8032 sections 5.1.2 and 5.2.2):
 * length, canonical form, and the known points of small order. No curve arithmetic: a point of
 * small order is one of a short list, fixed by the curve.
 *
 * <p>Why small order matters: with A of small order, a signature whose R is the identity and whose
 * S is 0 satisfies [S]B = R + [k]A for <em>every</em> message, so a verifier that accepts such a key
 * accepts anyone's tokens under it. Some providers refuse these keys, others (SunEC) do not; Sigil
 * refuses them before any backend sees them.
 */
enum EdwardsEncoding {

    ED25519("Ed25519", 32, 255, "7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed",
            // The 8 points of order 1, 2, 4 and 8 (edwards25519 has cofactor 8), little-endian,
            // with the sign of x in the top bit.
            "0100000000000000000000000000000000000000000000000000000000000000",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000080",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa"),
    ED448("Ed448", 57, 455,
            "fffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            // The 4 points of order 1, 2 and 4 (edwards448 has cofactor 4): (0, 1), (0, -1), (1, 0), (-1, 0).
            "01000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                    + "0000",
            "fefffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffffffffffffffffffffffffffffffffffffffffffffffffff"
                    + "00",
            "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                    + "0080",
            "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                    + "0000");

    private final String curve;
    private final int length;
    private final int signBit;
    // The field prime, big-endian; private and never handed out.
    private final byte[] prime;
    private final List<byte[]> smallOrder;

    EdwardsEncoding(String curve, int length, int signBit, String prime, String... smallOrder) {
        HexFormat hex = HexFormat.of();
        this.curve = curve;
        this.length = length;
        this.signBit = signBit;
        this.prime = hex.parseHex(prime);
        byte[][] points = new byte[smallOrder.length][];
        for (int i = 0; i < points.length; i++) {
            points[i] = hex.parseHex(smallOrder[i]);
        }
        this.smallOrder = List.of(points);
    }

    /** The encoding rules of JWK curve {@code crv}, or {@code null} for a curve Sigil does not verify with. */
    static EdwardsEncoding of(String crv) {
        for (EdwardsEncoding e : values()) {
            if (e.curve.equals(crv)) {
                return e;
            }
        }
        return null;
    }

    /** Why the encoded public key {@code x} is refused, or {@code null} when its encoding is sound. */
    String refusal(byte[] x) {
        if (x.length != length) {
            return "'x' must be " + length + " bytes for " + curve + ", got " + x.length;
        }
        if (!yBelowPrime(x)) {
            return "okp key 'x' is not a canonical " + curve + " encoding: y is not below the field prime";
        }
        if (signSet(x) && xIsZero(x)) {
            return "okp key 'x' is not a canonical " + curve + " encoding: x is zero but its sign bit is set";
        }
        for (byte[] point : smallOrder) {
            if (Arrays.equals(point, x)) {
                return "okp key 'x' is a small-order point of " + curve + ", which lets anyone forge signatures";
            }
        }
        return null;
    }

    /** y is the encoding with the sign bit cleared, little-endian; compared with p from the top byte down. */
    private boolean yBelowPrime(byte[] x) {
        int top = length - 1;
        // Ed448's encoding is one byte longer than p: its top byte holds the sign bit alone.
        int extra = length - prime.length;
        if (extra == 1 && (x[top] & 0x7f) != 0) {
            return false;
        }
        for (int i = 0; i < prime.length; i++) {
            int littleIndex = prime.length - 1 - i;
            int b = x[littleIndex] & 0xff;
            if (extra == 0 && littleIndex == top) {
                b &= 0x7f;
            }
            int p = prime[i] & 0xff;
            if (b != p) {
                return b < p;
            }
        }
        return false; // y == p
    }

    private boolean signSet(byte[] x) {
        return (x[signBit / 8] & (1 << (signBit % 8))) != 0;
    }

    /** Of the points on the curve, only y = 1 and y = -1 have x = 0; both are in the small-order list with sign 0. */
    private boolean xIsZero(byte[] x) {
        byte[] unsigned = x.clone();
        unsigned[signBit / 8] &= (byte) ~(1 << (signBit % 8));
        for (byte[] point : smallOrder.subList(0, 2)) {
            if (Arrays.equals(point, unsigned)) {
                return true;
            }
        }
        return false;
    }
}
