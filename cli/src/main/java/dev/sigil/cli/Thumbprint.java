package dev.sigil.cli;

import dev.sigil.jwk.Jwk;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RFC 7638 JWK thumbprint: SHA-256 over the key's required members only, in lexicographic
 * order, as JSON without whitespace, base64url-encoded. Optional members ({@code kid}, {@code alg},
 * {@code x5c}, ...) are left out, so the thumbprint names the key itself however it is published.
 */
final class Thumbprint {

    // RFC 7638 section 3.2, and RFC 8037 section 2 for OKP; each list already in lexicographic order.
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "RSA", List.of("e", "kty", "n"),
            "EC", List.of("crv", "kty", "x", "y"),
            "OKP", List.of("crv", "kty", "x"),
            "oct", List.of("k", "kty"));

    private Thumbprint() {
    }

    /** The thumbprint, or empty for a key type without one or a key missing a required member. */
    static Optional<String> sha256(Jwk key) {
        List<String> names = REQUIRED.get(key.keyType());
        if (names == null) {
            return Optional.empty();
        }
        StringBuilder canonical = new StringBuilder("{");
        for (String name : names) {
            Object value = key.asMap().get(name);
            if (!(value instanceof String)) {
                return Optional.empty();
            }
            if (canonical.length() > 1) {
                canonical.append(',');
            }
            canonical.append('"').append(name).append("\":");
            quote((String) value, canonical);
        }
        canonical.append('}');
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** RFC 7638 section 3.3: the members' values as JSON strings, escaped as RFC 8259 requires. */
    private static void quote(String value, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
