package dev.sigil.jwt;

import dev.sigil.internal.codec.Base64Url;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;
import dev.sigil.spi.UntrustedText;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The first step of {@link JwtVerifier}'s verify path: a token's shape and its three base64url
 * parts (RFC 7515 section 7.1), read straight from the token's chars. It trusts nothing it reads;
 * what the header says is judged by {@link HeaderRules}, the signature by {@link SignatureCheck}.
 *
 * <p>The parts are found by the positions of the two dots, passed as ints rather than held in a
 * parsed-token object: that object would be one more allocation per token on a path whose
 * allocations are counted (the benchmarks' bytes per op), for no check it would make possible.
 * Immutable and thread-safe.
 */
final class CompactJws {

    private final JsonCodec json;
    private final int maxTokenLength;
    private final JsonLimits headerLimits;
    private final JsonLimits claimsLimits;

    CompactJws(JsonCodec json, int maxTokenLength, int maxHeaderDepth, int maxClaimsDepth) {
        this.json = json;
        this.maxTokenLength = maxTokenLength;
        this.headerLimits = new JsonLimits(maxTokenLength, maxHeaderDepth, maxTokenLength);
        this.claimsLimits = new JsonLimits(maxTokenLength, maxClaimsDepth, maxTokenLength);
    }

    /** The longest token accepted, in chars. */
    int maxTokenLength() {
        return maxTokenLength;
    }

    /** Whether {@code other} reads tokens within the same limits, so that what it parsed is what this would have. */
    boolean sameLimits(CompactJws other) {
        return json == other.json && maxTokenLength == other.maxTokenLength && headerLimits.equals(other.headerLimits)
                && claimsLimits.equals(other.claimsLimits);
    }

    /**
     * The payload's members, decoded and parsed before the signature is checked: only for a
     * multi-issuer verifier, which must read {@code iss} to know whose keys to check it with. Within
     * the same limits as after the check, and judged by nothing but those limits.
     */
    Map<String, Object> unverifiedPayload(String token, int dot1, int dot2) throws JwtVerificationException {
        byte[] decoded = decode(token, dot1 + 1, dot2, "payload");
        return parseObject(decoded, 0, decoded.length, "payload", claimsLimits);
    }

    /**
     * Checks the token's length and that it has exactly three parts and a header, and returns the
     * position of its first dot. The second dot is then the token's last.
     */
    int headerEnd(String token) throws JwtVerificationException {
        if (token == null) {
            throw new JwtVerificationException(Reason.MALFORMED, "token is null");
        }
        int length = token.length();
        if (length > maxTokenLength) {
            throw new JwtVerificationException(Reason.TOKEN_TOO_LARGE,
                    "token is " + length + " chars, more than the limit of " + maxTokenLength);
        }
        // The alphabet is not checked here: every part is checked where it is read (the header by
        // its decoder or by matching an accepted header's text, the signature and the payload by
        // their decoders, all on the token's chars), and nothing is accepted before all three have been.
        int dot1 = token.indexOf('.');
        int dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
        if (dot2 < 0) {
            throw new JwtVerificationException(Reason.MALFORMED, "token does not have three dot-separated parts");
        }
        if (token.indexOf('.', dot2 + 1) >= 0) {
            throw new JwtVerificationException(Reason.MALFORMED,
                    "token has more than three parts (JWE and JSON serializations are not supported)");
        }
        if (dot1 == 0) {
            throw new JwtVerificationException(Reason.MALFORMED, "token header is empty");
        }
        return dot1;
    }

    /** The header's members, decoded and parsed; not yet judged. */
    Map<String, Object> header(String token, int dot1) throws JwtVerificationException {
        byte[] decoded = decode(token, 0, dot1, "header");
        return parseObject(decoded, 0, decoded.length, "header", headerLimits);
    }

    /**
     * For a signature as long as ML-DSA's, longer than {@link Base64Url#JDK_DECODER_FROM} chars, the
     * {@link #signingInput} that {@link #signature} decodes it from; for a shorter one, which the
     * backend decodes into its own buffer, {@code null}, once the signature is checked to be canonical
     * base64url, so that a malformed one is refused as such before any key is looked up, and the
     * backend only has to answer yes or no.
     */
    byte[] checkSignature(String token, int dot2) throws JwtVerificationException {
        if (token.length() - dot2 > Base64Url.JDK_DECODER_FROM) {
            return signingInput(token, dot2);
        }
        if (Base64Url.canonicalLength(token, dot2 + 1, token.length()) < 0) {
            decode(token, dot2 + 1, token.length(), "signature");
            // Not reached: what canonicalLength refuses, decode refuses with the reason.
            throw new JwtVerificationException(Reason.MALFORMED, "token signature is not valid base64url");
        }
        return null;
    }

    /**
     * The signature's bytes, for a signature longer than {@link Base64Url#JDK_DECODER_FROM} chars;
     * {@code signed} is what {@link #signingInput} made of the token, and when that is the whole
     * token, the signature is decoded from it rather than from a copy.
     */
    byte[] signature(String token, int dot2, byte[] signed) throws JwtVerificationException {
        if (signed.length == token.length()) {
            byte[] decoded = Base64Url.decodeLatin1(signed, dot2 + 1, signed.length);
            if (decoded != null) {
                return decoded;
            }
            // Refused: decoding the chars refuses it too, and says where and why.
        }
        return decode(token, dot2 + 1, token.length(), "signature");
    }

    /**
     * The signing input, {@code token[0, dot2)}, as the bytes the signature covers, for a token whose
     * signature is long enough for the JDK's decoder (ML-DSA's; shorter ones are read by the backend
     * from the token's chars): the whole token, encoded as ISO-8859-1 so that {@link #signature} can
     * decode from it, one copy of the token instead of two more of the signature. Any char above
     * U+00FF becomes '?', which is outside the alphabet, so these bytes prove nothing about the text;
     * the text is checked where it is read, the header by matching an accepted header or by decoding
     * it, the payload by decoding it from the token's chars, and no token is accepted before both
     * have been.
     */
    @SuppressWarnings("deprecation")
    static byte[] signingInput(String token, int dot2) {
        byte[] whole = token.getBytes(StandardCharsets.ISO_8859_1);
        // A surrogate pair becomes one '?', which would shift every byte after it: such a token is
        // refused anyway, but only from a copy aligned with its chars.
        if (whole.length == token.length()) {
            return whole;
        }
        byte[] signed = new byte[dot2];
        token.getBytes(0, dot2, signed, 0);
        return signed;
    }

    /**
     * The payload's members, decoded and parsed. Call it only after the signature has been checked,
     * so that an unsigned payload is never decoded, let alone parsed. Decoded from the token's chars
     * into {@code buffer}, the signing input {@link #signingInput} made, no longer needed once the
     * signature is checked, or into an array of exactly the payload's length when {@code buffer} is
     * {@code null}: the parsed claims keep their strings as ranges of it.
     */
    Map<String, Object> payload(String token, int dot1, int dot2, byte[] buffer) throws JwtVerificationException {
        int payloadLength;
        byte[] decoded = buffer;
        try {
            if (decoded == null) {
                decoded = new byte[Base64Url.decodedLength(dot2 - dot1 - 1)];
            }
            payloadLength = Base64Url.decodeInto(token, dot1 + 1, dot2, decoded, 0);
        } catch (IllegalArgumentException e) {
            throw new JwtVerificationException(Reason.MALFORMED, "token payload is not valid base64url: " + e.getMessage());
        }
        return parseObject(decoded, 0, payloadLength, "payload", claimsLimits);
    }

    /**
     * The header already accepted for a token whose first part is exactly this text, or
     * {@code null}. An issuer signs every token with the same few headers, and whether a header
     * passes {@link HeaderRules} depends on nothing but its text and the verifier's final
     * configuration, so the result of the last one can be reused as it is: same checks, same order,
     * none of the decoding and parsing.
     */
    static JoseHeader reuse(AcceptedHeader last, String token, int headerLength) {
        if (last != null && last.encoded.length() == headerLength
                && token.regionMatches(0, last.encoded, 0, headerLength)) {
            return last.header;
        }
        return null;
    }

    /** An encoded header and the immutable {@link JoseHeader} it passed {@link HeaderRules} as. */
    static final class AcceptedHeader {
        final String encoded;
        final JoseHeader header;

        AcceptedHeader(String encoded, JoseHeader header) {
            this.encoded = encoded;
            this.header = header;
        }
    }

    private Map<String, Object> parseObject(byte[] decoded, int off, int len, String part, JsonLimits limits)
            throws JwtVerificationException {
        Object value;
        try {
            value = json.parse(decoded, off, len, limits);
        } catch (JsonParseException e) {
            throw new JwtVerificationException(Reason.MALFORMED, "token " + part + " is not valid json: "
                    + UntrustedText.printable(e.getMessage()));
        } catch (RuntimeException e) {
            // A third-party codec must not turn bad input into a crash.
            throw new JwtVerificationException(Reason.MALFORMED, "json codec '" + json.name() + "' failed on the token "
                    + part + ": " + e.getClass().getSimpleName());
        }
        if (!(value instanceof Map)) {
            throw new JwtVerificationException(Reason.MALFORMED, "token " + part + " is not a json object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> members = (Map<String, Object>) value;
        return members;
    }

    private static byte[] decode(String token, int from, int to, String part) throws JwtVerificationException {
        try {
            return Base64Url.decode(token, from, to);
        } catch (IllegalArgumentException e) {
            throw new JwtVerificationException(Reason.MALFORMED, "token " + part + " is not valid base64url: " + e.getMessage());
        }
    }
}
