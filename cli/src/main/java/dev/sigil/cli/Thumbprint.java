package dev.sigil.cli;

import dev.sigil.jwk.InvalidJwkException;
import dev.sigil.jwk.Jwk;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The RFC 7638 JWK thumbprint: SHA-256 over the key's required members only, in lexicographic
 * order, as JSON without whitespace, base64url-encoded. Optional members ({@code kid}, {@code alg},
 * {@code x5c}, ...) are left out, so the thumbprint names the key itself however it is published.
 * A key whose required members would need a JSON escape has none (RFC 7638 section 3.3).
 */
final class Thumbprint {

    // RFC 7638 section 3.2, RFC 8037 section 2 for OKP, RFC 9964 for AKP (whose alg is required, so
    // counted); each list already in lexicographic order.
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "RSA", List.of("e", "kty", "n"),
            "EC", List.of("crv", "kty", "x", "y"),
            "OKP", List.of("crv", "kty", "x"),
            "oct", List.of("k", "kty"),
            "AKP", List.of("alg", "kty", "pub"));

    /** The required members that are names, hashed as written; the others are base64url octets. */
    private static final Set<String> NAMES = Set.of("kty", "crv", "alg");

    private Thumbprint() {
    }

    /**
     * The thumbprint, or empty for a key type without one, a key missing a required member, or one
     * whose required member holds a character JSON would escape.
     */
    static Optional<String> sha256(Jwk key) {
        List<String> names = REQUIRED.get(key.keyType());
        if (names == null) {
            return Optional.empty();
        }
        StringBuilder canonical = new StringBuilder("{");
        for (String name : names) {
            if (!(key.asMap().get(name) instanceof String text) || needsEscaping(text)) {
                return Optional.empty();
            }
            String value = NAMES.contains(name) ? text : canonical(key, name);
            if (value == null) {
                return Optional.empty();
            }
            if (canonical.length() > 1) {
                canonical.append(',');
            }
            canonical.append('"').append(name).append("\":\"").append(value).append('"');
        }
        canonical.append('}');
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * A binary member as RFC 7638 hashes it, base64url of its octets, however the key spelled it
     * (standard base64, padding; RFC 7518 section 6.3.1's fewest octets for {@code n} and {@code e}),
     * so that the thumbprint is the one the library computes; {@code null} if it cannot be decoded.
     */
    private static String canonical(Jwk key, String name) {
        byte[] bytes;
        try {
            bytes = key.binaryMember(name).orElseThrow();
        } catch (InvalidJwkException e) {
            return null;
        }
        int from = 0;
        if (name.equals("n") || name.equals("e")) {
            while (from < bytes.length - 1 && bytes[from] == 0) {
                from++;
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(bytes, from, bytes.length));
    }

    /**
     * RFC 7638 section 3.3: the characters of the hash input "MUST be represented without being
     * escaped", so a key that needs an escape has no thumbprint; RFC 8259 escapes exactly these.
     * Hashing an escaped form would show a value the RFC does not define, which other tools need
     * not agree with.
     */
    private static boolean needsEscaping(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                return true;
            }
        }
        return false;
    }
}
