package dev.sigil.jwk;

import dev.sigil.internal.codec.KeyMemberBase64;
import dev.sigil.spi.UntrustedText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One JSON Web Key (RFC 7517), as published: its members are checked for type when the key is
 * created, but whether it is usable for verification (type, curve, size, {@code use},
 * {@code key_ops}, {@code x5c}) is decided when a verifier loads it, through its crypto backend.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows {@code kty}, {@code kid} and {@code alg}
 * only, never key material.
 */
public final class Jwk {

    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "priv");
    private static final int SHA1_BYTES = 20;
    private static final int SHA256_BYTES = 32;

    private final Map<String, Object> members;
    private final String keyType;
    private final String keyId;
    private final String use;
    private final List<String> keyOperations;
    private final String algorithm;
    private final String curve;
    private final List<byte[]> certificateChain;
    private final byte[] x5tSha1;
    private final byte[] x5tSha256;

    private Jwk(Map<String, Object> members) {
        this.members = members;
        this.keyType = requiredString("kty");
        if (members.containsKey("kid") && members.get("kid") == null) {
            // Read as absent, it would make the key a candidate for every token that has no kid.
            throw new InvalidJwkException("jwk member 'kid' is null");
        }
        this.keyId = optionalString("kid");
        this.use = optionalString("use");
        this.algorithm = optionalString("alg");
        this.curve = optionalString("crv");
        this.keyOperations = keyOperations(members.get("key_ops"));
        this.certificateChain = certificateChain(members.get("x5c"));
        this.x5tSha1 = thumbprint("x5t", SHA1_BYTES);
        this.x5tSha256 = thumbprint("x5t#S256", SHA256_BYTES);
    }

    /**
     * A key from its JSON members, as a {@link dev.sigil.spi.JsonCodec} returns them.
     *
     * @param members the key's members, by name
     * @return the key, with its members as given
     * @throws InvalidJwkException if {@code kty} is missing or a registered member has the wrong type
     */
    public static Jwk of(Map<String, ?> members) {
        Objects.requireNonNull(members, "members");
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : members.entrySet()) {
            if (e.getKey() == null) {
                throw new InvalidJwkException("jwk member names must not be null");
            }
            copy.put(e.getKey(), e.getValue());
        }
        return new Jwk(Collections.unmodifiableMap(copy));
    }

    /**
     * {@return the {@code kty} member: {@code "RSA"}, {@code "EC"}, {@code "OKP"}, {@code "oct"}, or another
     * registered type}
     */
    public String keyType() {
        return keyType;
    }

    /** {@return the {@code kid} member, the key's identifier; empty when absent} */
    public Optional<String> keyId() {
        return Optional.ofNullable(keyId);
    }

    /** {@return the {@code use} member: {@code "sig"} or {@code "enc"}; empty when absent} */
    public Optional<String> use() {
        return Optional.ofNullable(use);
    }

    /** {@return the {@code key_ops} member, such as {@code ["verify"]}} */
    public Optional<List<String>> keyOperations() {
        return Optional.ofNullable(keyOperations);
    }

    /**
     * {@return the {@code alg} member: the one algorithm this key is meant for, as written (it may be one Sigil does
     * not know)}
     */
    public Optional<String> algorithm() {
        return Optional.ofNullable(algorithm);
    }

    /** {@return the {@code crv} member, for EC and OKP keys} */
    public Optional<String> curve() {
        return Optional.ofNullable(curve);
    }

    /** {@return the {@code x5c} member decoded: DER certificates, the key's own first; empty when absent} Copies. */
    public List<byte[]> certificateChain() {
        List<byte[]> copy = new ArrayList<>(certificateChain.size());
        for (byte[] der : certificateChain) {
            copy.add(der.clone());
        }
        return Collections.unmodifiableList(copy);
    }

    /** {@return the {@code x5t} member decoded: the SHA-1 thumbprint of the first certificate} */
    public Optional<byte[]> certificateSha1Thumbprint() {
        return Optional.ofNullable(x5tSha1).map(byte[]::clone);
    }

    /** {@return the {@code x5t#S256} member decoded: the SHA-256 thumbprint of the first certificate} */
    public Optional<byte[]> certificateSha256Thumbprint() {
        return Optional.ofNullable(x5tSha256).map(byte[]::clone);
    }

    /**
     * {@return whether the key carries private parameters ({@code d}, {@code p}, {@code q}, {@code dp}, {@code dq},
     * {@code qi}, {@code oth}; {@code priv}, an AKP key's seed, RFC 9964)}
     */
    public boolean hasPrivateParameters() {
        for (String name : PRIVATE_MEMBERS) {
            if (members.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@return whether the member is present (even as JSON {@code null})}
     *
     * @param name a member name, such as {@code "x5u"}
     */
    public boolean has(String name) {
        return members.containsKey(name);
    }

    /**
     * {@return a member's value as parsed, for members this class has no accessor for}
     *
     * @param name a member name
     */
    public Optional<Object> member(String name) {
        return Optional.ofNullable(members.get(name));
    }

    /**
     * A base64url-encoded member decoded, such as {@code n}, {@code e}, {@code x}, {@code y} or {@code k}.
     * RFC 7517 asks for unpadded base64url; standard base64 ({@code +} and {@code /}) and correct
     * {@code =} padding are accepted too, as some issuers publish them and the bytes are the same. A
     * verifier reports such a key to {@link JwksListener#keyNotCanonical}. Token segments, which are
     * signed bytes, are never read this leniently.
     *
     * @param name the member's name
     * @return the decoded bytes, or empty if the member is absent
     * @throws InvalidJwkException if the member is present but not a string of base64url or base64: the
     *     two alphabets mixed, padding that is not exactly what the length needs at the end,
     *     whitespace or another character, or unused trailing bits set
     */
    public Optional<byte[]> binaryMember(String name) {
        Object value = members.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new InvalidJwkException("jwk member '" + name + "' must be a string");
        }
        try {
            return Optional.of(KeyMemberBase64.decode(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidJwkException("jwk member '" + name + "' is not valid base64url: " + e.getMessage());
        }
    }

    /** {@return all members, unmodifiable, in their original order} Includes key material: do not log it. */
    public Map<String, Object> asMap() {
        return members;
    }

    private String requiredString(String name) {
        String value = optionalString(name);
        if (value == null) {
            throw new InvalidJwkException("jwk has no '" + name + "'");
        }
        return value;
    }

    private String optionalString(String name) {
        Object value = members.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new InvalidJwkException("jwk member '" + name + "' must be a string");
        }
        return text;
    }

    private static List<String> keyOperations(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidJwkException("jwk member 'key_ops' must be an array");
        }
        List<String> ops = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Object element : list) {
            if (!(element instanceof String op)) {
                throw new InvalidJwkException("jwk member 'key_ops' must hold strings only");
            }
            if (!seen.add(op)) {
                throw new InvalidJwkException("jwk member 'key_ops' repeats " + UntrustedText.quoted(op));
            }
            ops.add(op);
        }
        return Collections.unmodifiableList(ops);
    }

    private static List<byte[]> certificateChain(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidJwkException("jwk member 'x5c' must be a non-empty array");
        }
        List<byte[]> chain = new ArrayList<>();
        for (Object element : list) {
            if (!(element instanceof String cert)) {
                throw new InvalidJwkException("jwk member 'x5c' must hold strings only");
            }
            try {
                // x5c is standard base64 with padding (RFC 7517 section 4.7), not base64url; the other
                // alphabet and missing padding are accepted as for every other member.
                chain.add(KeyMemberBase64.decode(cert));
            } catch (IllegalArgumentException e) {
                throw new InvalidJwkException("jwk member 'x5c' holds invalid base64");
            }
        }
        return Collections.unmodifiableList(chain);
    }

    private byte[] thumbprint(String name, int length) {
        byte[] value = binaryMember(name).orElse(null);
        if (value != null && value.length != length) {
            throw new InvalidJwkException("jwk member '" + name + "' must be " + length + " bytes, got " + value.length);
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Jwk other && other.members.equals(members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Jwk[kty=").append(keyType);
        if (keyId != null) {
            sb.append(", kid=").append(keyId);
        }
        if (algorithm != null) {
            sb.append(", alg=").append(algorithm);
        }
        if (curve != null) {
            sb.append(", crv=").append(curve);
        }
        return sb.append(']').toString();
    }
}
