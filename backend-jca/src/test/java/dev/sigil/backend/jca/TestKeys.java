package dev.sigil.backend.jca;

import dev.sigil.jwk.Jwk;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.KeyParameters;
import dev.sigil.testkit.PublicParameters;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keys and signatures made with the JDK alone, and their JWKs built by hand, for the tests. */
final class TestKeys {

    static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    /** The kinds of key the tests sign with. */
    enum Kind {
        RSA_2048, P256, P384, P521, ED25519, ED448;

        KeyPair generate() {
            try {
                switch (this) {
                    case RSA_2048:
                        return rsa(2048);
                    case P256:
                        return ec("secp256r1");
                    case P384:
                        return ec("secp384r1");
                    case P521:
                        return ec("secp521r1");
                    case ED25519:
                        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                    default:
                        return KeyPairGenerator.getInstance("Ed448").generateKeyPair();
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static KeyPair rsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    static KeyPair ec(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code value} as exactly {@code length} unsigned big-endian bytes. */
    static byte[] unsigned(BigInteger value, int length) {
        byte[] magnitude = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(magnitude.length, length);
        System.arraycopy(magnitude, magnitude.length - copy, out, length - copy, copy);
        return out;
    }

    /** The minimal unsigned big-endian bytes of {@code value}, as JWK {@code n} and {@code e} want them. */
    static byte[] unsigned(BigInteger value) {
        return unsigned(value, (value.bitLength() + 7) / 8);
    }

    /** The public JWK members of {@code key}, as a JSON codec would return them. */
    static Map<String, Object> jwkMembers(PublicKey key) {
        Map<String, Object> members = new LinkedHashMap<>();
        if (key instanceof RSAPublicKey) {
            RSAPublicKey rsa = (RSAPublicKey) key;
            members.put("kty", "RSA");
            members.put("n", b64(unsigned(rsa.getModulus())));
            members.put("e", b64(unsigned(rsa.getPublicExponent())));
        } else if (key instanceof ECPublicKey) {
            ECPublicKey ec = (ECPublicKey) key;
            int fieldBits = ec.getParams().getCurve().getField().getFieldSize();
            int length = (fieldBits + 7) / 8;
            members.put("kty", "EC");
            members.put("crv", fieldBits == 256 ? "P-256" : fieldBits == 384 ? "P-384" : "P-521");
            members.put("x", b64(unsigned(ec.getW().getAffineX(), length)));
            members.put("y", b64(unsigned(ec.getW().getAffineY(), length)));
        } else {
            // X.509 SPKI of an EdDSA key: the raw key is the BIT STRING's content, at the end.
            byte[] spki = key.getEncoded();
            boolean ed25519 = spki.length == 44;
            int length = ed25519 ? 32 : 57;
            members.put("kty", "OKP");
            members.put("crv", ed25519 ? "Ed25519" : "Ed448");
            members.put("x", b64(Arrays.copyOfRange(spki, spki.length - length, spki.length)));
        }
        return members;
    }

    /** The key as the parameters a backend builds keys from, unjudged. */
    static KeyParameters parameters(PublicKey key) {
        return PublicParameters.of(jwk(key));
    }

    static KeyParameters octParameters(byte[] secret) {
        return new KeyParameters.Oct(secret);
    }

    static Jwk jwk(PublicKey key) {
        return Jwk.of(jwkMembers(key));
    }

    static Jwk octJwk(byte[] secret) {
        return Jwk.of(Map.of("kty", "oct", "k", b64(secret)));
    }

    /** A JWS signature by the JDK: R || S for ECDSA (P1363), as JWS wants it. */
    static byte[] sign(JwsAlgorithm alg, PrivateKey key, byte[] data) throws GeneralSecurityException {
        String hash = alg.hashName() == null ? null : alg.hashName().replace("-", "");
        Signature signature;
        switch (alg.family()) {
            case RSA:
                signature = Signature.getInstance(hash + "withRSA");
                break;
            case RSA_PSS:
                signature = Signature.getInstance("RSASSA-PSS");
                signature.setParameter(new PSSParameterSpec(alg.hashName(), "MGF1",
                        new MGF1ParameterSpec(alg.hashName()), alg.componentLength(), 1));
                break;
            case ECDSA:
                signature = Signature.getInstance(hash + "withECDSAinP1363Format");
                break;
            case EDDSA:
                signature = Signature.getInstance("EdDSA");
                break;
            default:
                throw new IllegalArgumentException("not a signature algorithm: " + alg);
        }
        signature.initSign(key);
        signature.update(data);
        return signature.sign();
    }
}
