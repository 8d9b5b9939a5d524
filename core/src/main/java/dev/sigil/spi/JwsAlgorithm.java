package dev.sigil.spi;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JWS signature algorithms Sigil knows (RFC 7518 section 3, RFC 8037, RFC 8812, RFC 9864, RFC 9964).
 * {@code none} is not among them and never will be.
 *
 * <p>Which of these a verifier accepts is decided by its configuration and its
 * {@link CryptoBackend}, never by the token: see {@link dev.sigil.jwt.JwtVerifier.Builder#algorithms}.
 */
public enum JwsAlgorithm {
    /** RSASSA-PKCS1-v1_5 with SHA-256. */
    RS256(Family.RSA, "SHA-256", null, 32),
    /** RSASSA-PKCS1-v1_5 with SHA-384. */
    RS384(Family.RSA, "SHA-384", null, 48),
    /** RSASSA-PKCS1-v1_5 with SHA-512. */
    RS512(Family.RSA, "SHA-512", null, 64),
    /** RSASSA-PSS with SHA-256, MGF1 with SHA-256, salt of 32 bytes. */
    PS256(Family.RSA_PSS, "SHA-256", null, 32),
    /** RSASSA-PSS with SHA-384, MGF1 with SHA-384, salt of 48 bytes. */
    PS384(Family.RSA_PSS, "SHA-384", null, 48),
    /** RSASSA-PSS with SHA-512, MGF1 with SHA-512, salt of 64 bytes. */
    PS512(Family.RSA_PSS, "SHA-512", null, 64),
    /** ECDSA on P-256 with SHA-256; signature is R || S, 64 bytes. */
    ES256(Family.ECDSA, "SHA-256", "P-256", 32),
    /** ECDSA on P-384 with SHA-384; signature is R || S, 96 bytes. */
    ES384(Family.ECDSA, "SHA-384", "P-384", 48),
    /** ECDSA on P-521 with SHA-512; signature is R || S, 132 bytes. */
    ES512(Family.ECDSA, "SHA-512", "P-521", 66),
    /** ECDSA on secp256k1 with SHA-256 (RFC 8812); signature is R || S, 64 bytes. */
    ES256K(Family.ECDSA, "SHA-256", "secp256k1", 32),
    /** EdDSA with the key's curve, Ed25519 or Ed448 (RFC 8037; deprecated by RFC 9864). */
    EdDSA(Family.EDDSA, null, null, 0),
    /** EdDSA on Ed25519 (RFC 9864); signature of 64 bytes. */
    Ed25519(Family.EDDSA, null, "Ed25519", 0),
    /** EdDSA on Ed448 (RFC 9864); signature of 114 bytes. */
    Ed448(Family.EDDSA, null, "Ed448", 0),
    /** HMAC with SHA-256; needs a secret of at least 32 bytes. */
    HS256(Family.HMAC, "SHA-256", null, 32),
    /** HMAC with SHA-384; needs a secret of at least 48 bytes. */
    HS384(Family.HMAC, "SHA-384", null, 48),
    /** HMAC with SHA-512; needs a secret of at least 64 bytes. */
    HS512(Family.HMAC, "SHA-512", null, 64),
    /**
     * ML-DSA-44 (FIPS 204, RFC 9964), {@code "ML-DSA-44"} in a JOSE header: pure ML-DSA with an empty
     * context; public key of 1,312 bytes, signature of 2,420 bytes.
     */
    ML_DSA_44(Family.ML_DSA, "ML-DSA-44", 2420),
    /**
     * ML-DSA-65 (FIPS 204, RFC 9964), {@code "ML-DSA-65"} in a JOSE header: pure ML-DSA with an empty
     * context; public key of 1,952 bytes, signature of 3,309 bytes.
     */
    ML_DSA_65(Family.ML_DSA, "ML-DSA-65", 3309),
    /**
     * ML-DSA-87 (FIPS 204, RFC 9964), {@code "ML-DSA-87"} in a JOSE header: pure ML-DSA with an empty
     * context; public key of 2,592 bytes, signature of 4,627 bytes.
     */
    ML_DSA_87(Family.ML_DSA, "ML-DSA-87", 4627);

    /** How an algorithm signs, which decides the key type it needs. */
    public enum Family {
        /** RSASSA-PKCS1-v1_5, {@code kty} RSA. */
        RSA,
        /** RSASSA-PSS, {@code kty} RSA. */
        RSA_PSS,
        /** ECDSA, {@code kty} EC. */
        ECDSA,
        /** EdDSA, {@code kty} OKP. */
        EDDSA,
        /** HMAC, {@code kty} oct: a shared secret, never a public key. */
        HMAC,
        /**
         * ML-DSA (FIPS 204, RFC 9964), {@code kty} AKP: a post-quantum signature whose key names its
         * one algorithm in its required {@code alg}.
         */
        ML_DSA
    }

    private static final Map<String, JwsAlgorithm> BY_NAME = new HashMap<>();

    static {
        for (JwsAlgorithm alg : values()) {
            BY_NAME.put(alg.joseName, alg);
        }
    }

    private final Family family;
    private final String hash;
    private final String curve;
    private final int hashOrFieldBytes;
    private final String joseName;
    private final int fixedSignatureBytes;

    JwsAlgorithm(Family family, String hash, String curve, int hashOrFieldBytes) {
        this.family = family;
        this.hash = hash;
        this.curve = curve;
        this.hashOrFieldBytes = hashOrFieldBytes;
        this.joseName = name();
        this.fixedSignatureBytes = 0;
    }

    // ML-DSA: the JOSE name is no Java identifier, and the parameter set fixes the signature's length.
    JwsAlgorithm(Family family, String joseName, int signatureBytes) {
        this.family = family;
        this.hash = null;
        this.curve = null;
        this.hashOrFieldBytes = 0;
        this.joseName = joseName;
        this.fixedSignatureBytes = signatureBytes;
    }

    /**
     * The algorithm registered under {@code name}, compared exactly (JOSE names are case-sensitive).
     *
     * @param name a JOSE algorithm name, such as {@code "ES256"}
     * @return the algorithm
     * @throws IllegalArgumentException for {@code null}, {@code "none"} or any name Sigil does not know
     */
    public static JwsAlgorithm fromName(String name) {
        JwsAlgorithm alg = name == null ? null : BY_NAME.get(name);
        if (alg == null) {
            throw new IllegalArgumentException(name == null ? "alg name is null" : "unknown JWS algorithm '" + name + "'");
        }
        return alg;
    }

    /**
     * {@return the algorithm registered under {@code name}, compared exactly; empty for any name Sigil does not know}
     *
     * @param name a JOSE algorithm name, possibly from an untrusted header
     */
    public static Optional<JwsAlgorithm> find(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /**
     * {@return the name as written in a JOSE header, such as {@code "RS256"} or {@code "ML-DSA-65"}: the
     * constant's {@link #name()} except for ML-DSA, whose JOSE names hold hyphens}
     */
    public String joseName() {
        return joseName;
    }

    /** The {@link #joseName()}, so that messages name the algorithm as a token does. */
    @Override
    public String toString() {
        return joseName;
    }

    /**
     * For ML-DSA, the exact signature length in bytes (FIPS 204: 2,420, 3,309 or 4,627); 0 for the
     * other algorithms, whose signature length follows from the key or the hash.
     *
     * @return the ML-DSA signature length in bytes, or 0 for the other algorithms
     */
    public int mlDsaSignatureLength() {
        return fixedSignatureBytes;
    }

    /** {@return how the algorithm signs} */
    public Family family() {
        return family;
    }

    /** {@return the JWK {@code kty} of the keys this algorithm needs} */
    public String keyType() {
        return switch (family) {
            case RSA, RSA_PSS -> "RSA";
            case ECDSA -> "EC";
            case EDDSA -> "OKP";
            case HMAC -> "oct";
            case ML_DSA -> "AKP";
        };
    }

    /** {@return whether the algorithm uses a shared secret (HS*) rather than a public key} */
    public boolean isSymmetric() {
        return family == Family.HMAC;
    }

    /**
     * {@return the JCA name of the hash ({@code "SHA-256"}, …), or {@code null} for EdDSA, whose hash is fixed
     * by the curve, and for ML-DSA, which hashes inside the algorithm}
     */
    public String hashName() {
        return hash;
    }

    /**
     * {@return the JWK curve the algorithm requires ({@code "P-256"} for ES256, {@code "Ed25519"} for
     * Ed25519), or {@code null} when it takes any curve of its family ({@code EdDSA}) or none}
     */
    public String requiredCurve() {
        return curve;
    }

    /**
     * For ECDSA, the byte length of {@code R} (and of {@code S}); for RSA and HMAC, the hash length
     * in bytes; 0 for EdDSA and ML-DSA.
     *
     * @return the component or hash length in bytes, or 0
     */
    public int componentLength() {
        return hashOrFieldBytes;
    }
}
