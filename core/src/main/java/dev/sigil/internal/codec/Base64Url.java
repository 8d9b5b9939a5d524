package dev.sigil.internal.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Strict base64url (RFC 4648 section 5) as JOSE uses it (RFC 7515 section 2): no padding, no
 * whitespace, only the URL-safe alphabet, and the unused low bits of the last character must be
 * zero, so every byte string has exactly one encoding. The JDK decoder accepts padding and
 * non-canonical trailing bits, which would let one token have several spellings.
 */
public final class Base64Url {

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    /** The 6-bit value of each char up to U+00FF, -1 outside the alphabet. */
    private static final int[] VALUES = new int[256];

    static {
        Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = i;
        }
    }

    /**
     * From this many chars on (an ML-DSA signature has 3,227 to 6,170), {@link #decode(CharSequence, int, int)}
     * hands a String's range to the JDK's decoder, which the JIT vectorises: about five times faster
     * here, even with the two copies it needs, and those copies cost more than they save on the
     * few hundred chars of an RSA signature or a payload. A token's signature this long is decoded
     * by {@link #decodeLatin1} from one copy of the whole token, which also serves as the signing input.
     */
    public static final int JDK_DECODER_FROM = 1024;
    private static final Base64.Decoder JDK_DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

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
        if (to - from >= JDK_DECODER_FROM && s instanceof String) {
            // Encoded as ISO-8859-1, where any char above U+00FF becomes '?', outside the alphabet
            // (a surrogate pair one '?', so the bytes may be fewer than the chars); narrowing each
            // char to its low byte instead would let U+0141 pass for 'A'.
            byte[] latin1 = ((String) s).substring(from, to).getBytes(StandardCharsets.ISO_8859_1);
            byte[] decoded = decodeLatin1(latin1, 0, latin1.length);
            if (decoded != null) {
                return decoded;
            }
            // Refused: the char-by-char decoder below refuses it too, and says where and why.
        }
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
            // One test per four chars rather than per char: a char outside the alphabet has the
            // value -1, and -1 shifted left by at most 18 is still negative, so it shows in the sign.
            int bits = sextet(s, i) << 18 | sextet(s, i + 1) << 12 | sextet(s, i + 2) << 6 | sextet(s, i + 3);
            if (bits < 0) {
                throw firstInvalid(s, i, from);
            }
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

    /**
     * {@code text[from, to)} decoded by the JDK, or {@code null} if it is not canonical, unpadded
     * base64url. {@code text} must be text encoded as ISO-8859-1, which turns every char above
     * U+00FF into '?', outside the alphabet. The JDK's decoder accepts padding at the end and ignores
     * the last char's unused bits, so both are checked here first: a last char that is in the
     * alphabet with its unused bits clear leaves no room for padding, and then the decoder accepts
     * exactly the URL alphabet.
     */
    public static byte[] decodeLatin1(byte[] text, int from, int to) {
        int length = to - from;
        int remainder = length & 3;
        int v = length == 0 ? -1 : VALUES[text[to - 1] & 0xFF];
        if (remainder == 1 || v < 0 || remainder == 2 && (v & 0x0f) != 0 || remainder == 3 && (v & 0x03) != 0) {
            return null;
        }
        try {
            ByteBuffer decoded = JDK_DECODER.decode(ByteBuffer.wrap(text, from, length));
            byte[] out = decoded.array();
            return decoded.remaining() == out.length && out.length == decodedLength(length) ? out : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
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

    /** Encodes {@code data} without padding. (Only decoding needs to be stricter than the JDK.) */
    public static String encode(byte[] data) {
        return ENCODER.encodeToString(data);
    }

    /**
     * The 6-bit value at {@code index}, or -1 outside the alphabet, without a branch: a char above
     * U+00FF makes {@code 0xFF - c} negative, and its sign, spread over the int, makes the value -1.
     */
    private static int sextet(CharSequence s, int index) {
        char c = s.charAt(index);
        return VALUES[c & 0xFF] | (0xFF - c) >> 31;
    }

    /** The error for the first char from {@code index} on outside the alphabet; the caller knows there is one. */
    private static IllegalArgumentException firstInvalid(CharSequence s, int index, int from) {
        int at = index;
        while (sextet(s, at) >= 0) {
            at++;
        }
        return invalid(s.charAt(at), at - from);
    }

    /** The 6-bit value at {@code index}; errors name the offset from {@code from}, as the range's own. */
    private static int value(CharSequence s, int index, int from) {
        int v = sextet(s, index);
        if (v < 0) {
            throw invalid(s.charAt(index), index - from);
        }
        return v;
    }

    private static IllegalArgumentException nonCanonical(int offset) {
        return new IllegalArgumentException("non-canonical base64url: unused bits set at offset " + offset);
    }
}
