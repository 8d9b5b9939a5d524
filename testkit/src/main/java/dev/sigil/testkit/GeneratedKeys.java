package dev.sigil.testkit;

import dev.sigil.jwk.Jwk;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.KeyParameters;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fresh keys and signatures from the JDK's own providers, independent of any backend under test:
 * the signer side of the kit's generated-token checks. ES256K is absent (JDK 17 has no secp256k1);
 * ML-DSA is present where the JDK signs it (JDK 24 and later), by name only, so that the kit still
 * compiles for and runs on JDK 17.
 */
final class GeneratedKeys {

    static final List<JwsAlgorithm> ML_DSA = List.of(JwsAlgorithm.ML_DSA_44, JwsAlgorithm.ML_DSA_65, JwsAlgorithm.ML_DSA_87);

    /** Every algorithm the JDK can sign with here. */
    static final List<JwsAlgorithm> SIGNABLE = signable();

    private static List<JwsAlgorithm> signable() {
        List<JwsAlgorithm> algs = new ArrayList<>(List.of(
                JwsAlgorithm.RS256, JwsAlgorithm.RS384, JwsAlgorithm.RS512,
                JwsAlgorithm.PS256, JwsAlgorithm.PS384, JwsAlgorithm.PS512,
                JwsAlgorithm.ES256, JwsAlgorithm.ES384, JwsAlgorithm.ES512,
                JwsAlgorithm.EdDSA, JwsAlgorithm.Ed25519, JwsAlgorithm.Ed448,
                JwsAlgorithm.HS256, JwsAlgorithm.HS384, JwsAlgorithm.HS512));
        if (jdkSignsMlDsa()) {
            algs.addAll(ML_DSA);
        }
        return List.copyOf(algs);
    }

    /**
     * Whether the JDK's own providers sign ML-DSA (JDK 24 and later). Asked of the JDK's SUN
     * provider by name, so that a BouncyCastle provider some test installed does not count: the
     * point of these signers is to be independent of the backends under test.
     */
    private static boolean jdkSignsMlDsa() {
        try {
            KeyPairGenerator.getInstance("ML-DSA-65", "SUN");
            Signature.getInstance("ML-DSA", "SUN");
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedKeys() {
    }

    /** Signs as one JWS algorithm with one fresh key, and publishes that key as a JWK. */
    static final class Signer implements JwsSigner {
        private final JwsAlgorithm algorithm;
        private final Jwk jwk;
        private final Key signingKey;

        private Signer(JwsAlgorithm algorithm, Jwk jwk, Key signingKey) {
            this.algorithm = algorithm;
            this.jwk = jwk;
            this.signingKey = signingKey;
        }

        @Override
        public JwsAlgorithm algorithm() {
            return algorithm;
        }

        @Override
        public Jwk jwk() {
            return jwk;
        }

        @Override
        public byte[] sign(byte[] data) throws GeneralSecurityException {
            switch (algorithm.family()) {
                case HMAC:
                    Mac mac = Mac.getInstance("Hmac" + jcaHash(algorithm));
                    mac.init(signingKey);
                    return mac.doFinal(data);
                case RSA:
                    return signWith(jcaHash(algorithm) + "withRSA", data);
                case RSA_PSS:
                    Signature pss = Signature.getInstance("RSASSA-PSS");
                    pss.setParameter(new PSSParameterSpec(algorithm.hashName(), "MGF1",
                            new MGF1ParameterSpec(algorithm.hashName()), algorithm.componentLength(), 1));
                    pss.initSign((PrivateKey) signingKey);
                    pss.update(data);
                    return pss.sign();
                case ECDSA:
                    return signWith(jcaHash(algorithm) + "withECDSAinP1363Format", data);
                case ML_DSA:
                    // Pure ML-DSA with the empty context, as RFC 9964 signs; the set comes from the key.
                    return signWith("ML-DSA", data);
                default:
                    // The JDK's "EdDSA" takes the curve from the key: EdDSA signs with Ed25519 and Ed448 keys.
                    return signWith("EdDSA", data);
            }
        }

        /** A signature with any JCA algorithm and this signer's private key. */
        byte[] signWith(String jcaAlgorithm, byte[] data) throws GeneralSecurityException {
            Signature signature = Signature.getInstance(jcaAlgorithm);
            signature.initSign((PrivateKey) signingKey);
            signature.update(data);
            return signature.sign();
        }
    }

    /** A signer with a fresh key; RSA algorithms get a 2048-bit key. */
    static Signer signer(JwsAlgorithm alg) throws GeneralSecurityException {
        switch (alg.family()) {
            case RSA:
            case RSA_PSS:
                return rsaSigner(alg, generate("RSA", 2048));
            case ECDSA:
                KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
                ec.initialize(new ECGenParameterSpec(jcaCurve(alg)));
                KeyPair pair = ec.generateKeyPair();
                return new Signer(alg, Jwk.of(ecJwk((ECPublicKey) pair.getPublic())), pair.getPrivate());
            case EDDSA:
                return eddsaSigner(alg, alg == JwsAlgorithm.Ed448 ? "Ed448" : "Ed25519");
            case ML_DSA:
                return mlDsaSigner(alg);
            default:
                byte[] secret = new byte[alg.componentLength()];
                RANDOM.nextBytes(secret);
                return hmacSigner(alg, secret);
        }
    }

    /** An EdDSA signer with a fresh key on {@code curve} ("Ed25519" or "Ed448"), signing as {@code alg}. */
    static Signer eddsaSigner(JwsAlgorithm alg, String curve) throws GeneralSecurityException {
        KeyPair ed = KeyPairGenerator.getInstance(curve).generateKeyPair();
        byte[] spki = ed.getPublic().getEncoded();
        // The raw key is the tail of the SubjectPublicKeyInfo (RFC 8410): 32 or 57 bytes.
        int length = "Ed448".equals(curve) ? 57 : 32;
        Map<String, Object> okp = new LinkedHashMap<>();
        okp.put("kty", "OKP");
        okp.put("crv", curve);
        okp.put("x", WycheproofSignatures.b64(Arrays.copyOfRange(spki, spki.length - length, spki.length)));
        return new Signer(alg, Jwk.of(okp), ed.getPrivate());
    }

    /** An ML-DSA signer with a fresh key of {@code alg}'s parameter set, from the JDK's own provider (JDK 24+). */
    static Signer mlDsaSigner(JwsAlgorithm alg) throws GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance(alg.joseName(), "SUN").generateKeyPair();
        byte[] spki = pair.getPublic().getEncoded();
        // The raw FIPS 204 key (RFC 9964 pub) ends the SubjectPublicKeyInfo (RFC 9881).
        int length = KeyParameters.Akp.publicKeyBytes(alg.joseName());
        Map<String, Object> akp = new LinkedHashMap<>();
        akp.put("kty", "AKP");
        akp.put("alg", alg.joseName());
        akp.put("pub", WycheproofSignatures.b64(Arrays.copyOfRange(spki, spki.length - length, spki.length)));
        return new Signer(alg, Jwk.of(akp), pair.getPrivate());
    }

    /** An HMAC signer over the given secret, of any length. */
    static Signer hmacSigner(JwsAlgorithm alg, byte[] secret) {
        Map<String, Object> oct = new LinkedHashMap<>();
        oct.put("kty", "oct");
        oct.put("k", WycheproofSignatures.b64(secret));
        return new Signer(alg, Jwk.of(oct), new SecretKeySpec(secret, "Hmac" + jcaHash(alg)));
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A signer over an existing RSA key pair, so that RS* and PS* can share one costly key. */
    static Signer rsaSigner(JwsAlgorithm alg, KeyPair pair) {
        RSAPublicKey rsa = (RSAPublicKey) pair.getPublic();
        return new Signer(alg, Jwk.of(rsaJwk(rsa.getModulus(), rsa.getPublicExponent())), pair.getPrivate());
    }

    static KeyPair generate(String algorithm, int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    static RSAPublicKey rsa(int bits) {
        try {
            return (RSAPublicKey) generate("RSA", bits).getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate a " + bits + "-bit RSA key", e);
        }
    }

    static RSAPublicKey rsa2048() {
        return rsa(2048);
    }

    static ECPublicKey ec(JwsAlgorithm alg) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(jcaCurve(alg)));
            return (ECPublicKey) generator.generateKeyPair().getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate a key for " + alg, e);
        }
    }

    static Map<String, Object> rsaJwk(BigInteger n, BigInteger e) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("kty", "RSA");
        members.put("n", WycheproofSignatures.b64(unsigned(n)));
        members.put("e", WycheproofSignatures.b64(unsigned(e)));
        return members;
    }

    static Map<String, Object> ecJwk(ECPublicKey key) {
        int fieldBytes = (key.getParams().getCurve().getField().getFieldSize() + 7) / 8;
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("kty", "EC");
        members.put("crv", fieldBytes == 32 ? "P-256" : fieldBytes == 48 ? "P-384" : "P-521");
        members.put("x", WycheproofSignatures.b64(fixed(key.getW().getAffineX(), fieldBytes)));
        members.put("y", WycheproofSignatures.b64(fixed(key.getW().getAffineY(), fieldBytes)));
        return members;
    }

    static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    /** {@code value} as exactly {@code length} unsigned big-endian bytes; it must fit. */
    static byte[] fixed(BigInteger value, int length) {
        byte[] minimal = unsigned(value);
        byte[] out = new byte[length];
        System.arraycopy(minimal, 0, out, length - minimal.length, minimal.length);
        return out;
    }

    private static String jcaCurve(JwsAlgorithm alg) {
        switch (alg) {
            case ES256:
                return "secp256r1";
            case ES384:
                return "secp384r1";
            case ES512:
                return "secp521r1";
            default:
                throw new IllegalArgumentException("no JDK curve for " + alg);
        }
    }

    private static String jcaHash(JwsAlgorithm alg) {
        return alg.hashName().replace("-", "");
    }
}
