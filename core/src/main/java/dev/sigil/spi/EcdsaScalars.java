package dev.sigil.spi;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * The range check on an ECDSA signature's R and S that every backend makes before its provider sees
 * the signature: a JWS ECDSA signature is R || S, each exactly the curve's scalar length
 * (RFC 7518 section 3.4), and each in [1, n-1] for the group order n (FIPS 186-5 section 6.4.2).
 * Without the range check, r = s = 0 verified anything on JDK 15 to 18 (CVE-2022-21449); with it,
 * the answer does not depend on what a provider checks itself.
 *
 * <p>The group orders are the curves' published constants, so no crypto provider is needed. One
 * immutable instance per curve; {@link #inRange} allocates nothing, as it runs for every ECDSA token.
 */
public final class EcdsaScalars {

    private static final Map<String, EcdsaScalars> CURVES = Map.of(
            "P-256", new EcdsaScalars("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551"),
            "P-384", new EcdsaScalars("ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf"
                    + "581a0db248b0a77aecec196accc52973"),
            "P-521", new EcdsaScalars("01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa"
                    + "51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409"),
            "secp256k1", new EcdsaScalars("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"));

    /** The group order n, unsigned big-endian at the scalar length; private and never handed out. */
    private final byte[] order;

    private EcdsaScalars(String orderHex) {
        this.order = HexFormat.of().parseHex(orderHex);
    }

    /**
     * {@return the check for JWK curve {@code crv} ({@code "P-256"}, {@code "P-384"}, {@code "P-521"},
     * {@code "secp256k1"}), or {@code null}}
     *
     * @param crv a JWK curve name
     */
    public static EcdsaScalars of(String crv) {
        return CURVES.get(crv);
    }

    /**
     * 32, 48 or 66: the length of R and of S, and of an EC key's coordinates.
     *
     * @return the byte length of R, of S and of a coordinate on this curve
     */
    public int scalarBytes() {
        return order.length;
    }

    /**
     * {@return whether {@code signature} is R || S of exactly twice {@link #scalarBytes()} with R and S both in
     * [1, n-1]}
     *
     * @param signature a JWS ECDSA signature
     */
    public boolean inRange(byte[] signature) {
        int half = order.length;
        return signature.length == 2 * half && inRange(signature, 0) && inRange(signature, half);
    }

    private boolean inRange(byte[] bytes, int off) {
        int end = off + order.length;
        boolean zero = true;
        for (int i = off; i < end; i++) {
            if (bytes[i] != 0) {
                zero = false;
                break;
            }
        }
        // Equal-length unsigned big-endian numbers compare like their byte strings.
        return !zero && Arrays.compareUnsigned(bytes, off, end, order, 0, order.length) < 0;
    }
}
