package dev.sigil.cli;

import dev.sigil.spi.JwsAlgorithm;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A signing key of the demo's issuer, made and used with the JDK's own providers: the CLI is an
 * application, so it may use JCA directly where core must go through its {@code CryptoBackend}.
 * Publishes its public half as a JWK and signs compact JWS tokens.
 */
final class DemoKey {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    // An Ed25519 SubjectPublicKeyInfo is this fixed prefix, then the 32-byte key (RFC 8410).
    private static final int ED25519_SPKI_PREFIX = 12;
    // An ML-DSA-65 SubjectPublicKeyInfo ends with the raw 1,952-byte FIPS 204 public key.
    private static final int ML_DSA_65_PUBLIC_KEY_BYTES = 1952;

    private final String kid;
    private final JwsAlgorithm algorithm;
    private final KeyPair pair;

    private DemoKey(String kid, JwsAlgorithm algorithm, KeyPair pair) {
        this.kid = kid;
        this.algorithm = algorithm;
        this.pair = pair;
    }

    /**
     * A fresh ML-DSA-65 key, when the JDK can make one (JDK 24 and later); by its JCA name, so that
     * this compiles for JDK 17.
     */
    static Optional<DemoKey> mlDsa65(String kid) throws GeneralSecurityException {
        try {
            return Optional.of(generate(kid, JwsAlgorithm.ML_DSA_65));
        } catch (NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    /** A fresh key for RS256 (2048-bit RSA), ES256 (P-256), EdDSA (Ed25519) or, from JDK 24, ML-DSA-65. */
    static DemoKey generate(String kid, JwsAlgorithm algorithm) throws GeneralSecurityException {
        KeyPairGenerator generator = switch (algorithm) {
            case RS256 -> {
                KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                rsa.initialize(2048);
                yield rsa;
            }
            case ES256 -> {
                KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
                ec.initialize(new ECGenParameterSpec("secp256r1"));
                yield ec;
            }
            case EdDSA -> KeyPairGenerator.getInstance("Ed25519");
            case ML_DSA_65 -> KeyPairGenerator.getInstance("ML-DSA-65");
            default -> throw new IllegalArgumentException("the demo signs with RS256, ES256, EdDSA and ML-DSA-65 only, not "
                    + algorithm);
        };
        return new DemoKey(kid, algorithm, generator.generateKeyPair());
    }

    String kid() {
        return kid;
    }

    JwsAlgorithm algorithm() {
        return algorithm;
    }

    /** The public JWK's members, as an issuer publishes them: {@code kid}, {@code use}, {@code alg}. */
    Map<String, Object> publicJwk() {
        Map<String, Object> jwk = new LinkedHashMap<>();
        switch (algorithm) {
            case RS256: {
                RSAPublicKey rsa = (RSAPublicKey) pair.getPublic();
                jwk.put("kty", "RSA");
                jwk.put("n", BASE64URL.encodeToString(unsigned(rsa.getModulus(), (rsa.getModulus().bitLength() + 7) / 8)));
                jwk.put("e", BASE64URL.encodeToString(unsigned(rsa.getPublicExponent(), (rsa.getPublicExponent().bitLength() + 7) / 8)));
                break;
            }
            case ES256: {
                ECPublicKey ec = (ECPublicKey) pair.getPublic();
                jwk.put("kty", "EC");
                jwk.put("crv", "P-256");
                // RFC 7518 section 6.2.1.2: coordinates are the full field size, leading zeros kept.
                jwk.put("x", BASE64URL.encodeToString(unsigned(ec.getW().getAffineX(), 32)));
                jwk.put("y", BASE64URL.encodeToString(unsigned(ec.getW().getAffineY(), 32)));
                break;
            }
            case ML_DSA_65: {
                byte[] spki = pair.getPublic().getEncoded();
                jwk.put("kty", "AKP");
                jwk.put("pub", BASE64URL.encodeToString(
                        Arrays.copyOfRange(spki, spki.length - ML_DSA_65_PUBLIC_KEY_BYTES, spki.length)));
                break;
            }
            default: {
                byte[] spki = pair.getPublic().getEncoded();
                jwk.put("kty", "OKP");
                jwk.put("crv", "Ed25519");
                jwk.put("x", BASE64URL.encodeToString(Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX, spki.length)));
                break;
            }
        }
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        jwk.put("alg", algorithm.toString());
        return jwk;
    }

    /** A compact JWS of these claims, its header naming this key (or {@code kidOverride} when not null). */
    String sign(Json json, Map<String, Object> claims, String kidOverride) throws GeneralSecurityException {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", algorithm.toString());
        header.put("typ", "JWT");
        header.put("kid", kidOverride == null ? kid : kidOverride);
        String signingInput = encode(json.compact(header)) + "." + encode(json.compact(claims));
        Signature signer = Signature.getInstance(jcaName());
        signer.initSign(pair.getPrivate());
        signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + BASE64URL.encodeToString(signer.sign());
    }

    /** An unsecured JWS ({@code alg: none}, RFC 7515 appendix A.5): what an attacker sends. */
    static String unsecured(Json json, Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "none");
        header.put("typ", "JWT");
        return encode(json.compact(header)) + "." + encode(json.compact(claims)) + ".";
    }

    private String jcaName() {
        return switch (algorithm) {
            case RS256 -> "SHA256withRSA";
            // JWS wants R || S (RFC 7518 section 3.4), not the DER the plain name produces.
            case ES256 -> "SHA256withECDSAinP1363Format";
            // Pure ML-DSA with the empty context, as RFC 9964 signs.
            case ML_DSA_65 -> "ML-DSA-65";
            default -> "Ed25519";
        };
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length == length) {
            return bytes;
        }
        byte[] fixed = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, fixed, length - copy, copy);
        return fixed;
    }
}
