package dev.sigil.spi;

import java.util.Arrays;

/**
 * The signing input and the signature of one compact JWS at a time, read from the token's chars into
 * arrays kept from one token to the next: what lets a {@link CryptoBackend} verify a token with no
 * allocation of its own (see {@link CryptoBackend#verify(JwsAlgorithm, VerificationKey, String, int)}).
 * A backend keeps one beside each engine in its pools, so that a verification reuses the arrays of
 * the engine it took.
 *
 * <p>{@link #read} decodes the signature strictly: base64url without padding or whitespace, with the
 * unused bits of its last char zero (RFC 7515 section 2), so a signature has exactly one spelling. It
 * copies the signing input by taking each char's low byte, which checks nothing: the caller checks
 * that those chars are base64url and one dot, as a verifier does when it decodes the header and the
 * payload, and accepts no token before it has.
 *
 * <p>Not thread-safe: one call at a time, like the engine it sits beside. The input array keeps the
 * longest signing input read so far, up to {@value #KEPT_LENGTH} bytes (the verifier's default
 * token limit); a longer one gets an array of its own, dropped at the next shorter token. The
 * signature array always has exactly the length of the signature read, as
 * {@code Signature.verify(byte[])} wants.
 */
public final class TokenBuffers {

    /** The longest signing input whose array is kept for later tokens: 16 KiB. */
    public static final int KEPT_LENGTH = 16 * 1024;

    private static final byte[] EMPTY = new byte[0];
    /** The 6-bit value of each char up to U+00FF, -1 outside the URL-safe alphabet. */
    private static final int[] VALUES = new int[256];

    static {
        Arrays.fill(VALUES, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = i;
        }
    }

    private byte[] input = EMPTY;
    private byte[] signature = EMPTY;

    /** Empty buffers, grown by the first {@link #read}. */
    public TokenBuffers() {
    }

    /**
     * Reads {@code token}'s signing input, {@code token[0, dot2)}, into {@link #input()} and decodes
     * its signature, {@code token[dot2 + 1, token.length())}, into {@link #signature()}.
     *
     * @param token a compact JWS
     * @param dot2 the position of the token's second dot, which ends the signing input
     * @return {@code false}, with the buffers' contents unspecified, if {@code token} is {@code null},
     *     {@code dot2} does not point at a dot inside it, or the signature is not canonical base64url
     */
    @SuppressWarnings("deprecation")
    public boolean read(String token, int dot2) {
        int length = signatureLength(token, dot2);
        if (length < 0) {
            return false;
        }
        if (signature.length != length) {
            signature = new byte[length];
        }
        if (decode(token, dot2 + 1, token.length(), signature, 0) < 0) {
            return false;
        }
        if (input.length < dot2 || input.length > KEPT_LENGTH && dot2 <= KEPT_LENGTH) {
            input = new byte[dot2];
        }
        // The low byte of each char, with no intermediate copy: a Latin-1 string's own bytes.
        token.getBytes(0, dot2, input, 0);
        return true;
    }

    /**
     * {@return the array holding the last signing input {@link #read} at {@code [0, dot2)}; it may be longer}
     */
    public byte[] input() {
        return input;
    }

    /** {@return the last signature {@link #read}, decoded; exactly its length} */
    public byte[] signature() {
        return signature;
    }

    /**
     * Zeroes the signature read last. A backend calls it once a verification is over: the signing
     * input and its signature together are a token that verifies, a bearer credential that an engine
     * waiting in a pool should not hold.
     */
    public void forgetSignature() {
        Arrays.fill(signature, (byte) 0);
    }

    /**
     * The length in bytes of the signature {@code token[dot2 + 1, token.length())} decodes to, from
     * its length in chars alone: no char is checked.
     *
     * @param token a compact JWS
     * @param dot2 the position of the token's second dot
     * @return the decoded length, or -1 if {@code token} is {@code null}, {@code dot2} does not point
     *     at a dot inside it, or no base64url text has the signature's length
     */
    public static int signatureLength(String token, int dot2) {
        if (token == null || dot2 < 0 || dot2 >= token.length() || token.charAt(dot2) != '.') {
            return -1;
        }
        int chars = token.length() - dot2 - 1;
        int remainder = chars & 3;
        return remainder == 1 ? -1 : (chars / 4) * 3 + (remainder == 0 ? 0 : remainder - 1);
    }

    /**
     * Decodes {@code text[from, to)}, canonical unpadded base64url, into {@code out} from
     * {@code outFrom} on. Every char is read from {@code text} and checked there.
     *
     * @param text the encoded text
     * @param from where the range starts
     * @param to where the range ends, exclusive
     * @param out where the bytes go; it must have room for them
     * @param outFrom where in {@code out} the first byte goes
     * @return the decoded length, or -1, with part of the range perhaps written, if the range is not
     *     canonical, unpadded base64url
     */
    public static int decode(CharSequence text, int from, int to, byte[] out, int outFrom) {
        int remainder = (to - from) & 3;
        if (remainder == 1) {
            return -1;
        }
        int o = outFrom;
        int i = from;
        int fullEnd = to - remainder;
        while (i < fullEnd) {
            // One test per four chars rather than per char: a char outside the alphabet has the
            // value -1, and -1 shifted left by at most 18 is still negative, so it shows in the sign.
            int bits = value(text.charAt(i)) << 18 | value(text.charAt(i + 1)) << 12 | value(text.charAt(i + 2)) << 6 | value(text.charAt(i + 3));
            if (bits < 0) {
                return -1;
            }
            out[o] = (byte) (bits >> 16);
            out[o + 1] = (byte) (bits >> 8);
            out[o + 2] = (byte) bits;
            o += 3;
            i += 4;
        }
        if (remainder == 2) {
            int a = value(text.charAt(i));
            int b = value(text.charAt(i + 1));
            if ((a | b) < 0 || (b & 0x0f) != 0) {
                return -1;
            }
            out[o++] = (byte) (a << 2 | b >> 4);
        } else if (remainder == 3) {
            int a = value(text.charAt(i));
            int b = value(text.charAt(i + 1));
            int c = value(text.charAt(i + 2));
            if ((a | b | c) < 0 || (c & 0x03) != 0) {
                return -1;
            }
            out[o++] = (byte) (a << 2 | b >> 4);
            out[o++] = (byte) (b << 4 | c >> 2);
        }
        return o - outFrom;
    }

    /**
     * The 6-bit value of {@code c}, or -1 outside the alphabet, without a branch: a char above
     * U+00FF makes {@code 0xFF - c} negative, and its sign, spread over the int, makes the value -1.
     *
     * @param c a char of base64url text
     * @return the char's value in base64url's URL-safe alphabet, or -1
     */
    public static int value(char c) {
        return VALUES[c & 0xFF] | (0xFF - c) >> 31;
    }
}
