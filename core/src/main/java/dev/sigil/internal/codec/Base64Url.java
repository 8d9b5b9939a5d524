package dev.sigil.internal.codec;

import dev.sigil.spi.TokenBuffers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Strict base64url (RFC 4648 section 5) as JOSE uses it (RFC 7515 section 2): no padding, no
 * whitespace, only the URL-safe alphabet, and the unused low bits of the last character must be
 * zero, so every byte string has exactly one encoding. The JDK decoder accepts padding and
 * non-canonical trailing bits, which would let one token have several spellings.
 */
public final class Base64Url {

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
        int decoded = TokenBuffers.decode(s, from, to, out, outFrom);
        if (decoded < 0) {
            throw flaw(s, from, to);
        }
        return decoded;
    }

    /**
     * The length {@code s[from, to)} decodes to, or -1 if it is not canonical, unpadded base64url:
     * the whole check, nothing decoded. For a part whose bytes someone else decodes (a signature,
     * which a backend decodes into its own buffer) but whose flaws the caller must name first.
     */
    public static int canonicalLength(CharSequence s, int from, int to) {
        int length = to - from;
        // The values ORed together: any char outside the alphabet leaves the sign set.
        int all = 0;
        for (int i = from; i < to; i++) {
            all |= sextet(s, i);
        }
        return all >= 0 && endsCanonically(length, length == 0 ? 0 : sextet(s, to - 1)) ? decodedLength(length) : -1;
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
        if (length == 0 || !endsCanonically(length, TokenBuffers.value((char) (text[to - 1] & 0xFF)))) {
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

    /**
     * Whether {@code length} chars can be base64url text whose last char, of value {@code last}, is
     * in the alphabet with its unused low bits clear: the checks that make an encoding the only one.
     */
    private static boolean endsCanonically(int length, int last) {
        int remainder = length & 3;
        return remainder != 1 && last >= 0 && !(remainder == 2 && (last & 0x0f) != 0)
                && !(remainder == 3 && (last & 0x03) != 0);
    }

    /**
     * The length {@code length} chars of base64url decode to.
     *
     * @throws IllegalArgumentException if no base64url text has that length
     */
    public static int decodedLength(int length) {
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

    private static int sextet(CharSequence s, int index) {
        return TokenBuffers.value(s.charAt(index));
    }

    /**
     * Why {@code s[from, to)}, which {@link TokenBuffers#decode} refused, is not canonical base64url: an
     * impossible length, the first char outside the alphabet, or unused bits set in the last char.
     */
    private static IllegalArgumentException flaw(CharSequence s, int from, int to) {
        decodedLength(to - from);
        for (int i = from; i < to; i++) {
            if (sextet(s, i) < 0) {
                return invalid(s.charAt(i), i - from);
            }
        }
        return nonCanonical(to - 1 - from);
    }

    private static IllegalArgumentException nonCanonical(int offset) {
        return new IllegalArgumentException("non-canonical base64url: unused bits set at offset " + offset);
    }
}
