package dev.sigil.jwt;

import dev.sigil.internal.keys.KeyIndex;
import dev.sigil.internal.keys.KeyLimits;
import dev.sigil.internal.keys.SigningKeyFilter;
import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.spi.AbstractVerificationKey;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.KeyImportException;
import dev.sigil.spi.KeyParameters;
import dev.sigil.spi.VerificationKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real, minimal crypto backend for core's own tests, which have no backend module on their class
 * path (those modules depend on core): HMAC through the JDK's {@link Mac} for {@code oct} keys, and
 * RS256 through the JDK's {@link Signature} for RSA keys. It records each call to {@link #verify},
 * so that a test can tell which keys were tried, in what order and over which bytes. The other
 * algorithms it may be told to offer are never verified; it imports AKP keys, whose signatures it
 * never verifies, so that core's own ML-DSA rules can be tested without a backend module.
 */
final class JdkTestBackend implements CryptoBackend {

    /** One call to {@link #verify}: the key's secret and the range it was asked about. */
    record Call(byte[] secret, byte[] data, int off, int len) {
    }

    final List<Call> calls = new ArrayList<>();
    private final Set<JwsAlgorithm> algorithms;

    JdkTestBackend(JwsAlgorithm... algorithms) {
        this.algorithms = algorithms.length == 0 ? EnumSet.allOf(JwsAlgorithm.class) : EnumSet.copyOf(Arrays.asList(algorithms));
    }

    /** An oct JWK with a secret of {@code bytes} bytes, all {@code fill}; {@code kid} and {@code alg} when not null. */
    static Jwk secret(String kid, String alg, int bytes, int fill) {
        byte[] k = new byte[bytes];
        Arrays.fill(k, (byte) fill);
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("kty", "oct");
        members.put("k", Base64.getUrlEncoder().withoutPadding().encodeToString(k));
        if (kid != null) {
            members.put("kid", kid);
        }
        if (alg != null) {
            members.put("alg", alg);
        }
        return Jwk.of(members);
    }

    /** The HS256 signature of {@code data[0, len)} with key {@code jwk}. */
    static byte[] signatureFor(Jwk jwk, byte[] data, int len) {
        return mac(JwsAlgorithm.HS256, jwk.binaryMember("k").orElseThrow(), data, 0, len);
    }

    /** The keys as the verifier would index a static set with this backend. */
    KeyIndex index(Jwk... keys) {
        return new SigningKeyFilter(this, true, CryptoPolicy.DEFAULT, new KeyLimits(2048, 8192)).index(JwkSet.of(keys));
    }

    @Override
    public String name() {
        return "jdk-test";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Set<JwsAlgorithm> algorithms() {
        return algorithms;
    }

    @Override
    public VerificationKey importKey(KeyParameters parameters) throws KeyImportException {
        if (parameters instanceof KeyParameters.Oct oct) {
            return new Secret(oct);
        }
        if (parameters instanceof KeyParameters.Rsa rsa) {
            try {
                return new Rsa(rsa, KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(rsa.modulus(), rsa.exponent())));
            } catch (GeneralSecurityException e) {
                throw new KeyImportException("jdk-test cannot build the RSA key: " + e.getMessage());
            }
        }
        if (parameters instanceof KeyParameters.Akp akp) {
            return new Akp(akp);
        }
        throw new KeyImportException("jdk-test imports oct, RSA and AKP keys only");
    }

    @Override
    public KeyParameters readCertificateKey(byte[] der) throws KeyImportException {
        throw new KeyImportException("jdk-test reads no certificates");
    }

    @Override
    public boolean verify(JwsAlgorithm alg, VerificationKey key, byte[] data, int off, int len, byte[] signature) {
        if (key instanceof Rsa rsa) {
            calls.add(new Call(null, data, off, len));
            if (alg != JwsAlgorithm.RS256) {
                return false;
            }
            try {
                Signature verifier = Signature.getInstance("SHA256withRSA");
                verifier.initVerify(rsa.key);
                verifier.update(data, off, len);
                return verifier.verify(signature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
        if (key instanceof Akp) {
            calls.add(new Call(null, data, off, len));
            return false;
        }
        byte[] secret = ((Secret) key).secret;
        calls.add(new Call(secret, data, off, len));
        if (!alg.isSymmetric()) {
            return false;
        }
        return MessageDigest.isEqual(mac(alg, secret, data, off, len), signature);
    }

    @Override
    public byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(algorithm, e);
        }
    }

    private static byte[] mac(JwsAlgorithm alg, byte[] secret, byte[] data, int off, int len) {
        String name = "Hmac" + alg.hashName().replace("-", "");
        try {
            Mac mac = Mac.getInstance(name);
            mac.init(new SecretKeySpec(secret, name));
            mac.update(data, off, len);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(name, e);
        }
    }

    private static final class Rsa extends AbstractVerificationKey {
        final PublicKey key;

        Rsa(KeyParameters.Rsa rsa, PublicKey key) {
            super(rsa);
            this.key = key;
        }
    }

    private static final class Secret extends AbstractVerificationKey {
        final byte[] secret;

        Secret(KeyParameters.Oct oct) {
            super(oct);
            this.secret = oct.k();
        }
    }

    private static final class Akp extends AbstractVerificationKey {
        Akp(KeyParameters.Akp akp) {
            super(akp);
        }
    }
}
