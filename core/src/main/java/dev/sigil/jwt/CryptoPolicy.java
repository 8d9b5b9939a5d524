package dev.sigil.jwt;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.VerificationKey;

/**
 * Which algorithms and keys a verifier may use at all, beyond its allow-list: a compliance regime.
 * Applied at {@link JwtVerifier.Builder#build()} (a listed algorithm or a static key the regime
 * forbids is a configuration error) and whenever a remote key set is loaded (a forbidden key is
 * dropped and reported).
 */
public enum CryptoPolicy {

    /**
     * Sigil's own rules: RSA moduli of at least the verifier's minimum
     * ({@link JwtVerifier.Builder#minRsaKeySize}, 2048 bits by default), the
     * curves of RFC 7518, RFC 8037 and RFC 8812, HMAC secrets at least as long as their hash.
     */
    DEFAULT,

    /**
     * What FIPS 186-5 and NIST SP 800-131A Rev. 2 allow for signature verification: RSA (PKCS#1 v1.5
     * and PSS) with moduli of at least 2048 bits; ECDSA on P-256, P-384 and P-521 only (not
     * secp256k1, so no ES256K); EdDSA on Ed25519 and Ed448; HMAC with secrets of at least 112 bits;
     * and ML-DSA (FIPS 204) wherever the backend and its provider offer it.
     * Use it with a FIPS-validated provider (for example BC-FIPS in approved-only mode through
     * {@code JcaCryptoBackend.builder().provider(..)}); the policy restricts what Sigil asks of the
     * provider, the provider's validation covers the primitives themselves.
     */
    FIPS_186_5;

    /**
     * {@return whether this policy allows the algorithm}
     *
     * @param alg a JWS algorithm
     */
    public boolean allows(JwsAlgorithm alg) {
        return this == DEFAULT || alg != JwsAlgorithm.ES256K;
    }

    /**
     * Why this policy forbids the key, or {@code null} when it allows it.
     *
     * @param key a key imported by the verifier's backend
     * @return the reason, lower-case and without key material, or {@code null}
     */
    public String refusal(VerificationKey key) {
        if (this == DEFAULT) {
            return null;
        }
        return switch (key.keyType()) {
            case "RSA" -> key.sizeBits() < 2048 ? "rsa modulus of " + key.sizeBits() + " bits is below the 2048 bits"
                    + " FIPS 186-5 requires" : null;
            case "EC" -> "P-256".equals(key.curve()) || "P-384".equals(key.curve()) || "P-521".equals(key.curve()) ? null
                    : "curve " + key.curve() + " is not approved by FIPS 186-5";
            case "OKP" -> "Ed25519".equals(key.curve()) || "Ed448".equals(key.curve()) ? null
                    : "curve " + key.curve() + " is not approved by FIPS 186-5";
            case "oct" -> key.sizeBits() < 112 ? "hmac secret of " + key.sizeBits() + " bits is below the 112 bits"
                    + " SP 800-131A requires" : null;
            // ML-DSA is approved by FIPS 204; whether the provider offers it is the backend's to say.
            case "AKP" -> null;
            default -> "key type " + key.keyType() + " is not approved by FIPS 186-5";
        };
    }
}
