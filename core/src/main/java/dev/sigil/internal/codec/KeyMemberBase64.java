package dev.sigil.internal.codec;

/**
 * The base64 a JWK's binary members ({@code n}, {@code e}, {@code x}, {@code y}, {@code k},
 * {@code pub}, {@code x5t}, and each {@code x5c} certificate) are decoded with: base64url as RFC 7517
 * asks, or standard base64 (RFC 4648 section 4) as some issuers publish it (Battle.net's moduli, and
 * every {@code x5c}), each with or without its padding. Key material is not signed input, so its spelling does not matter once the bytes are the
 * same, and refusing a harmless one only leaves users unable to verify. What would change the bytes
 * or hide a corrupted value stays refused: the two alphabets mixed in one value, padding that is not
 * exactly the count the length needs at the very end, whitespace or any other character, and
 * unused trailing bits that are set.
 *
 * <p>Token segments never come here: they are signed bytes and must have one spelling, so they
 * stay with {@link Base64Url}.
 */
public final class KeyMemberBase64 {

    private KeyMemberBase64() {
    }

    /**
     * Decodes {@code s}, in either alphabet, padded or not.
     *
     * @throws IllegalArgumentException if {@code s} mixes the alphabets, is padded wrongly, holds any
     *     other character, or has unused bits set; the message holds offsets, never the text
     */
    public static byte[] decode(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        int padding = s.length() - end;
        if (padding > 0 && (padding > 2 || end % 4 + padding != 4)) {
            throw new IllegalArgumentException("base64 padding of " + padding + " after " + end
                    + " characters is not what that length needs");
        }
        boolean url = false;
        boolean standard = false;
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            url |= c == '-' || c == '_';
            standard |= c == '+' || c == '/';
        }
        if (url && standard) {
            throw new IllegalArgumentException("base64 text mixes the standard and url-safe alphabets");
        }
        if (!standard) {
            // Base64Url refuses '=' and anything else outside its alphabet, with the offset.
            return Base64Url.decode(s, 0, end);
        }
        StringBuilder translated = new StringBuilder(end);
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            translated.append(c == '+' ? '-' : c == '/' ? '_' : c);
        }
        return Base64Url.decode(translated);
    }

    /** Whether {@code s}, decodable, is spelled as RFC 7515 asks: unpadded base64url. */
    public static boolean isBase64Url(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+' || c == '/' || c == '=') {
                return false;
            }
        }
        return true;
    }
}
