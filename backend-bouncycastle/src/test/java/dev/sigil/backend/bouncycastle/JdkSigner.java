package dev.sigil.backend.bouncycastle;

import dev.sigil.jwk.Jwk;
import dev.sigil.jwt.JwsAlgorithm;
import dev.sigil.testkit.JwsSigner;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.BigIntegers;

/**
 * Signs with the JDK's own providers, outside the backend: keys from {@link KeyPairGenerator},
 * signatures from {@link Signature} and {@link Mac}, JWKs built by hand. Two signers over one key
 * pair publish the same JWK, so one imported key can be tried under several algorithms.
 */
final class JdkSigner implements JwsSigner {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JwsAlgorithm algorithm;
    /** {@code null} for HMAC. */
    private final KeyPair pair;
    /** {@code null} but for HMAC. */
    private final byte[] secret;

    private JdkSigner(JwsAlgorithm algorithm, KeyPair pair, byte[] secret) {
        this.algorithm = algorithm;
        this.pair = pair;
        this.secret = secret;
    }

    /** A signer as {@code algorithm} over an existing key pair. */
    static JdkSigner over(JwsAlgorithm algorithm, KeyPair pair) {
        return new JdkSigner(algorithm, pair, null);
    }

    /**
     * A signer as {@code algorithm} with a fresh key: RSA of 2048 bits, the algorithm's curve (not
     * secp256k1), Ed25519 for EdDSA, a secret as long as the hash for HMAC.
     */
    static JdkSigner fresh(JwsAlgorithm algorithm) throws GeneralSecurityException {
        switch (algorithm.family()) {
            case RSA:
            case RSA_PSS:
                KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                rsa.initialize(2048);
                return over(algorithm, rsa.generateKeyPair());
            case ECDSA:
                if (algorithm == JwsAlgorithm.ES256K) {
                    throw new IllegalArgumentException("JDK 17 has no secp256k1: use Secp256k1Signer");
                }
                KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
                // "P-256" is "secp256r1", and so on.
                ec.initialize(new ECGenParameterSpec("secp" + algorithm.requiredCurve().substring(2) + "r1"));
                return over(algorithm, ec.generateKeyPair());
            case EDDSA:
                String name = algorithm == JwsAlgorithm.Ed448 ? "Ed448" : "Ed25519";
                return over(algorithm, KeyPairGenerator.getInstance(name).generateKeyPair());
            default:
                byte[] secret = new byte[algorithm.componentLength()];
                RANDOM.nextBytes(secret);
                return new JdkSigner(algorithm, null, secret);
        }
    }

    KeyPair pair() {
        return pair;
    }

    @Override
    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public Jwk jwk() {
        Map<String, Object> members = new LinkedHashMap<>();
        if (secret != null) {
            members.put("kty", "oct");
            members.put("k", b64(secret));
        } else if (pair.getPublic() instanceof RSAPublicKey) {
            RSAPublicKey rsa = (RSAPublicKey) pair.getPublic();
            members.put("kty", "RSA");
            members.put("n", b64(BigIntegers.asUnsignedByteArray(rsa.getModulus())));
            members.put("e", b64(BigIntegers.asUnsignedByteArray(rsa.getPublicExponent())));
        } else if (pair.getPublic() instanceof ECPublicKey) {
            ECPublicKey ec = (ECPublicKey) pair.getPublic();
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            int length = (bits + 7) / 8;
            members.put("kty", "EC");
            members.put("crv", "P-" + bits);
            members.put("x", b64(unsigned(ec.getW().getAffineX(), length)));
            members.put("y", b64(unsigned(ec.getW().getAffineY(), length)));
        } else {
            // X.509 SubjectPublicKeyInfo of an EdDSA key: the raw key is its tail (RFC 8410).
            byte[] spki = pair.getPublic().getEncoded();
            boolean ed25519 = spki.length == 44;
            int length = ed25519 ? 32 : 57;
            members.put("kty", "OKP");
            members.put("crv", ed25519 ? "Ed25519" : "Ed448");
            members.put("x", b64(Arrays.copyOfRange(spki, spki.length - length, spki.length)));
        }
        return Jwk.of(members);
    }

    @Override
    public byte[] sign(byte[] data) throws GeneralSecurityException {
        String hash = algorithm.hashName() == null ? null : algorithm.hashName().replace("-", "");
        Signature signature;
        switch (algorithm.family()) {
            case HMAC:
                Mac mac = Mac.getInstance("Hmac" + hash);
                mac.init(new SecretKeySpec(secret, "Hmac" + hash));
                return mac.doFinal(data);
            case RSA:
                signature = Signature.getInstance(hash + "withRSA");
                break;
            case RSA_PSS:
                signature = Signature.getInstance("RSASSA-PSS");
                signature.setParameter(new PSSParameterSpec(algorithm.hashName(), "MGF1",
                        new MGF1ParameterSpec(algorithm.hashName()), algorithm.componentLength(), 1));
                break;
            case ECDSA:
                signature = Signature.getInstance(hash + "withECDSAinP1363Format");
                break;
            default:
                // The JDK's "EdDSA" takes the curve from the key.
                signature = Signature.getInstance("EdDSA");
                break;
        }
        signature.initSign(pair.getPrivate());
        signature.update(data);
        return signature.sign();
    }

    private static byte[] unsigned(BigInteger value, int length) {
        return BigIntegers.asUnsignedByteArray(length, value);
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
