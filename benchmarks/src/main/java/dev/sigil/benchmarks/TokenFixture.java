package dev.sigil.benchmarks;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.generators.MLDSAKeyPairGenerator;
import org.bouncycastle.crypto.params.MLDSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.MLDSASigner;

/**
 * One realistic, Auth0-shaped token for one algorithm, signed with a fresh key, with everything a
 * benchmark needs to verify it: the public JWK set, the JCA key, the signing input and signature.
 * Minted with the JDK alone, so no library under test also produced its own input; ML-DSA tokens,
 * which JDK 17 cannot sign, with BouncyCastle's lightweight signer.
 */
final class TokenFixture {

    static final String ISSUER = "https://sigil-bench.eu.auth0.com/";
    static final String AUDIENCE = "https://api.sigil.example";
    static final String SUBJECT = "auth0|6543f1a2b3c4d5e6f7a8b9c0";
    /** 2100-01-01T00:00:00Z: the token stays valid for as long as anyone runs these benchmarks. */
    static final long EXPIRES = 4_102_444_800L;
    static final long ISSUED = 1_767_225_600L;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    final Alg alg;
    final String issuer;
    final String keyId;
    final String token;
    /** The token's first two parts as ASCII: what the signature covers. */
    final byte[] signingInput;
    final byte[] signature;
    /** {@code {"keys":[...]}} with the one public (or, for HS256, secret) key. */
    final String jwksJson;
    /** For HS256 the secret; otherwise the key pair's public key. */
    final PublicKey publicKey;
    final SecretKey secretKey;
    final byte[] secret;
    /** For ML-DSA the raw FIPS 204 public key (RFC 9964 {@code pub}); {@code publicKey} is then the JDK's, or null before JDK 24. */
    final byte[] mlDsaPublicKey;
    /**
     * Tokens distinct from {@link #token} and from each other, with the same key, header and claims
     * but {@code iat} one second later each ({@code ISSUED + 1}, {@code + 2}, ...): the same length
     * and the same work to verify. Empty unless asked for ({@link #withVariants}).
     */
    final String[] variants;

    private TokenFixture(Alg alg, String issuer, String keyId, String token, byte[] signingInput, byte[] signature,
            String jwksJson, PublicKey publicKey, byte[] secret, byte[] mlDsaPublicKey, String[] variants) {
        this.alg = alg;
        this.issuer = issuer;
        this.keyId = keyId;
        this.token = token;
        this.signingInput = signingInput;
        this.signature = signature;
        this.jwksJson = jwksJson;
        this.publicKey = publicKey;
        this.secret = secret;
        this.secretKey = secret == null ? null : new SecretKeySpec(secret, "HmacSHA256");
        this.mlDsaPublicKey = mlDsaPublicKey;
        this.variants = variants;
    }

    static TokenFixture create(Alg alg) {
        return create(alg, ISSUER);
    }

    static TokenFixture create(Alg alg, String issuer) {
        return create(alg, issuer, 0);
    }

    /**
     * The fixture of {@link #create(Alg)}, its {@link #token} the same to the byte, with {@code count}
     * {@link #variants} signed after it by the same key.
     */
    static TokenFixture withVariants(Alg alg, int count) {
        return create(alg, ISSUER, count);
    }

    private static TokenFixture create(Alg alg, String issuer, int variants) {
        try {
            return mint(alg, issuer, variants);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot mint a " + alg + " token with this JDK", e);
        }
    }

    /** Signs one signing input with the fixture's key. */
    private interface Signer {
        byte[] sign(byte[] signingInput) throws GeneralSecurityException;
    }

    private static TokenFixture mint(Alg alg, String issuer, int variants) throws GeneralSecurityException {
        // Seeded, so that every fork of every run measures the same key and token: SunEC's Ed25519
        // verification allocates more or less depending on the key, which would otherwise make the
        // floor and the Sigil rows (separate forks, separate keys) incomparable in bytes per op.
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(("sigil-bench-" + alg.name()).getBytes(StandardCharsets.US_ASCII));
        String kid = "bench-" + alg.name().toLowerCase(java.util.Locale.ROOT);
        String header = "{\"alg\":\"" + alg.joseName() + "\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
        String input = signingInput(header, issuer, ISSUED);
        byte[] signingInput = input.getBytes(StandardCharsets.US_ASCII);

        byte[] signature;
        String jwk;
        PublicKey publicKey = null;
        byte[] secret = null;
        byte[] mlDsaPublicKey = null;
        Signer again;
        if (alg.isMlDsa()) {
            // BouncyCastle's lightweight signer: the JDK has none before 24, and the same seeded key
            // and token on every JDK keep the JDK 17 and JDK 25 rows comparable.
            MLDSAKeyPairGenerator generator = new MLDSAKeyPairGenerator();
            generator.init(new MLDSAKeyGenerationParameters(random, mlDsaParameters(alg)));
            AsymmetricCipherKeyPair pair = generator.generateKeyPair();
            MLDSASigner signer = new MLDSASigner();
            signer.init(true, new ParametersWithRandom(pair.getPrivate(), random));
            signer.update(signingInput, 0, signingInput.length);
            try {
                signature = signer.generateSignature();
            } catch (CryptoException e) {
                throw new GeneralSecurityException(e);
            }
            mlDsaPublicKey = ((MLDSAPublicKeyParameters) pair.getPublic()).getEncoded();
            publicKey = jdkMlDsaKey(alg, mlDsaPublicKey);
            again = in -> {
                signer.update(in, 0, in.length);
                try {
                    return signer.generateSignature();
                } catch (CryptoException e) {
                    throw new GeneralSecurityException(e);
                }
            };
            jwk = "{\"kty\":\"AKP\",\"kid\":\"" + kid + "\",\"use\":\"sig\",\"alg\":\"" + alg.joseName()
                    + "\",\"pub\":\"" + b64(mlDsaPublicKey) + "\"}";
        } else if (alg.isHmac()) {
            secret = new byte[32];
            random.nextBytes(secret);
            Mac mac = Mac.getInstance(alg.jcaName);
            mac.init(new SecretKeySpec(secret, alg.jcaName));
            signature = mac.doFinal(signingInput);
            again = mac::doFinal;
            jwk = "{\"kty\":\"oct\",\"kid\":\"" + kid + "\",\"alg\":\"HS256\",\"k\":\"" + b64(secret) + "\"}";
        } else {
            KeyPair pair = generate(alg, random);
            publicKey = pair.getPublic();
            Signature signer = Signature.getInstance(alg.jcaName);
            if (alg == Alg.PS256) {
                signer.setParameter(pss());
            }
            signer.initSign(pair.getPrivate(), random);
            signer.update(signingInput);
            signature = signer.sign();
            again = in -> {
                signer.update(in);
                return signer.sign();
            };
            jwk = publicJwk(alg, kid, publicKey);
        }
        String token = input + "." + b64(signature);
        // After the token, so that it and the key come out of the seeded random as they always have.
        String[] others = new String[variants];
        for (int i = 0; i < variants; i++) {
            String other = signingInput(header, issuer, ISSUED + 1 + i);
            others[i] = other + "." + b64(again.sign(other.getBytes(StandardCharsets.US_ASCII)));
        }
        return new TokenFixture(alg, issuer, kid, token, signingInput, signature, "{\"keys\":[" + jwk + "]}",
                publicKey, secret, mlDsaPublicKey, others);
    }

    private static String signingInput(String header, String issuer, long issued) {
        // About 300 bytes, shaped like an Auth0 access token: two audiences, an azp, a scope string.
        String payload = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + SUBJECT + "\",\"aud\":[\"" + AUDIENCE
                + "\",\"https://sigil-bench.eu.auth0.com/userinfo\"],\"iat\":" + issued + ",\"nbf\":" + ISSUED
                + ",\"exp\":" + EXPIRES + ",\"azp\":\"Xq3bY7nK2pLm9sTv4wZc8hJdQ1rF6uNe\","
                + "\"scope\":\"openid profile email read:messages write:messages offline_access\"}";
        return b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload.getBytes(StandardCharsets.UTF_8));
    }

    static MLDSAParameters mlDsaParameters(Alg alg) {
        return switch (alg) {
            case ML_DSA_44 -> MLDSAParameters.ml_dsa_44;
            case ML_DSA_65 -> MLDSAParameters.ml_dsa_65;
            case ML_DSA_87 -> MLDSAParameters.ml_dsa_87;
            default -> throw new IllegalArgumentException(alg + " is not ML-DSA");
        };
    }

    /**
     * The JDK's key (JDK 24 and later) from the raw key, through the SubjectPublicKeyInfo of RFC 9881:
     * a fixed DER prefix per parameter set (OID 2.16.840.1.101.3.4.3.17, .18, .19), then the key; null
     * where the JDK has no such key factory.
     */
    private static PublicKey jdkMlDsaKey(Alg alg, byte[] raw) throws GeneralSecurityException {
        String prefix = alg == Alg.ML_DSA_44 ? "30820532300b06096086480165030403110382052100"
                : alg == Alg.ML_DSA_65 ? "308207b2300b0609608648016503040312038207a100"
                : "30820a32300b060960864801650304031303820a2100";
        KeyFactory factory;
        try {
            factory = KeyFactory.getInstance(alg.joseName());
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
        byte[] head = HexFormat.of().parseHex(prefix);
        byte[] spki = Arrays.copyOf(head, head.length + raw.length);
        System.arraycopy(raw, 0, spki, head.length, raw.length);
        return factory.generatePublic(new X509EncodedKeySpec(spki));
    }

    /** RFC 7518 section 3.5: MGF1 with SHA-256, a 32-byte salt, trailer 1. */
    static PSSParameterSpec pss() {
        return new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
    }

    private static KeyPair generate(Alg alg, SecureRandom random) throws GeneralSecurityException {
        switch (alg) {
            case RS256:
            case PS256: {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048, random);
                return generator.generateKeyPair();
            }
            case ES256: {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"), random);
                return generator.generateKeyPair();
            }
            case EdDSA: {
                // Seeded like the others: SunEC's Ed25519 cost depends on the key, so each fork must
                // measure the same one.
                KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
                generator.initialize(255, random);
                return generator.generateKeyPair();
            }
            default:
                throw new IllegalArgumentException(alg + " has no key pair");
        }
    }

    private static String publicJwk(Alg alg, String kid, PublicKey key) {
        String common = "\"kid\":\"" + kid + "\",\"use\":\"sig\",\"alg\":\"" + alg.name() + "\"";
        switch (alg) {
            case RS256:
            case PS256: {
                RSAPublicKey rsa = (RSAPublicKey) key;
                return "{\"kty\":\"RSA\"," + common + ",\"n\":\"" + b64(unsigned(rsa.getModulus(), 256))
                        + "\",\"e\":\"" + b64(rsa.getPublicExponent().toByteArray()) + "\"}";
            }
            case ES256: {
                ECPublicKey ec = (ECPublicKey) key;
                return "{\"kty\":\"EC\"," + common + ",\"crv\":\"P-256\",\"x\":\""
                        + b64(unsigned(ec.getW().getAffineX(), 32)) + "\",\"y\":\""
                        + b64(unsigned(ec.getW().getAffineY(), 32)) + "\"}";
            }
            case EdDSA: {
                // The X.509 encoding of an Ed25519 key is a 12-byte prefix and the 32-byte point.
                byte[] encoded = key.getEncoded();
                byte[] x = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
                return "{\"kty\":\"OKP\"," + common + ",\"crv\":\"Ed25519\",\"x\":\"" + b64(x) + "\"}";
            }
            default:
                throw new IllegalArgumentException(alg + " has no public key");
        }
    }

    /** Big-endian, exactly {@code length} bytes (leading zeros kept, the sign byte dropped). */
    private static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, out, length - copy, copy);
        return out;
    }

    private static String b64(byte[] bytes) {
        return B64.encodeToString(bytes);
    }
}
