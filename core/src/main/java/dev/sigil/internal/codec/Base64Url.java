package dev.sigil.internal.codec;

import java.util.Arrays;

/**
 * Strict base64url (RFC 4648 section 5) as JOSE uses it (RFC 7515 section 2): no padding, no
 * whitespace, only the URL-safe alphabet, and the unused low bits of the last character must be
 * zero, so every byte string has exactly one encoding. The JDK decoder accepts padding and
 * non-canonical trailing bits, which would let one token have several spellings.
 */
public final class Base64Url {

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    /** The 6-bit value of each ASCII char, -1 outside the alphabet. */
    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = i;
        }
    }

    private Base64Url() {
    }

    /**
     * Decodes {@code s}.
     *
     * @throws IllegalArgumentException if {@code s} is not canonical, unpadded base64url
     */
    public static byte[] decode(CharSequence s) {
        return decode(s, 0, s.length());
    }

    /**
     * Decodes {@code s[from, to)}.
     *
     * @throws IllegalArgumentException if that range is not canonical, unpadded base64url
     */
    public static byte[] decode(CharSequence s, int from, int to) {
        byte[] out = new byte[decodedLength(to - from)];
        decodeInto(s, from, to, out, 0);
        return out;
    }

    /**
     * Decodes {@code s[from, to)} into {@code out} from {@code outFrom} on and returns the decoded
     * length. Every char is read from {@code s} and checked there, so {@code out} may be any
     * buffer, including one holding a copy of {@code s}: its bytes are never read.
     *
     * @throws IllegalArgumentException if that range is not canonical, unpadded base64url
     */
    public static int decodeInto(CharSequence s, int from, int to, byte[] out, int outFrom) {
        int length = to - from;
        int decoded = decodedLength(length);
        int remainder = length & 3;
        int o = outFrom;
        int i = from;
        int fullEnd = to - remainder;
        while (i < fullEnd) {
            int bits = value(s, i, from) << 18 | value(s, i + 1, from) << 12 | value(s, i + 2, from) << 6
                    | value(s, i + 3, from);
            out[o] = (byte) (bits >> 16);
            out[o + 1] = (byte) (bits >> 8);
            out[o + 2] = (byte) bits;
            o += 3;
            i += 4;
        }
        if (remainder == 2) {
            int a = value(s, i, from);
            int b = value(s, i + 1, from);
            if ((b & 0x0f) != 0) {
                throw nonCanonical(i + 1 - from);
            }
            out[o] = (byte) (a << 2 | b >> 4);
        } else if (remainder == 3) {
            int a = value(s, i, from);
            int b = value(s, i + 1, from);
            int c = value(s, i + 2, from);
            if ((c & 0x03) != 0) {
                throw nonCanonical(i + 2 - from);
            }
            out[o] = (byte) (a << 2 | b >> 4);
            out[o + 1] = (byte) (b << 4 | c >> 2);
        }
        return decoded;
    }

    private static int decodedLength(int length) {
        int remainder = length & 3;
        if (remainder == 1) {
            throw new IllegalArgumentException("base64url text of length " + length + " is impossible");
        }
        return (length / 4) * 3 + (remainder == 0 ? 0 : remainder - 1);
    }

    private static IllegalArgumentException invalid(int c, int offset) {
        return new IllegalArgumentException(c == '='
                ? "base64url must not be padded"
                : "illegal base64url character at offset " + offset);
    }

    /** Encodes {@code data} without padding. */
    public static String encode(byte[] data) {
        StringBuilder sb = new StringBuilder((data.length * 4 + 2) / 3);
        int i = 0;
        for (; i + 3 <= data.length; i += 3) {
            int bits = (data[i] & 0xff) << 16 | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff);
            sb.append(ALPHABET[bits >>> 18]).append(ALPHABET[(bits >>> 12) & 63])
                    .append(ALPHABET[(bits >>> 6) & 63]).append(ALPHABET[bits & 63]);
        }
        int left = data.length - i;
        if (left == 1) {
            int bits = (data[i] & 0xff) << 16;
            sb.append(ALPHABET[bits >>> 18]).append(ALPHABET[(bits >>> 12) & 63]);
        } else if (left == 2) {
            int bits = (data[i] & 0xff) << 16 | (data[i + 1] & 0xff) << 8;
            sb.append(ALPHABET[bits >>> 18]).append(ALPHABET[(bits >>> 12) & 63]).append(ALPHABET[(bits >>> 6) & 63]);
        }
        return sb.toString();
    }

    /** The 6-bit value at {@code index}; errors name the offset from {@code from}, as the range's own. */
    private static int value(CharSequence s, int index, int from) {
        char c = s.charAt(index);
        int v = c < 128 ? VALUES[c] : -1;
        if (v < 0) {
            throw invalid(c, index - from);
        }
        return v;
    }

    private static IllegalArgumentException nonCanonical(int offset) {
        return new IllegalArgumentException("non-canonical base64url: unused bits set at offset " + offset);
    }
}
