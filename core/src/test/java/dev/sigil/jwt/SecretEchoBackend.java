package dev.sigil.jwt;

import dev.sigil.internal.keys.KeyIndex;
import dev.sigil.internal.keys.SigningKeyFilter;
import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.KeyImportException;
import dev.sigil.spi.VerificationKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in for a crypto backend, for core's tests (core has none): it imports {@code oct} keys
 * only, and a "signature" verifies when it equals the key's secret followed by the signed bytes'
 * length, so a test can tell which key verified and over how much input. It records each call.
 */
final class SecretEchoBackend implements CryptoBackend {

    /** One call to {@link #verify}: the key's secret and the range it was asked about. */
    static final class Call {
        final byte[] secret;
        final byte[] data;
        final int off;
        final int len;

        Call(byte[] secret, byte[] data, int off, int len) {
            this.secret = secret;
            this.data = data;
            this.off = off;
            this.len = len;
        }
    }

    final List<Call> calls = new ArrayList<>();
    private final Set<JwsAlgorithm> algorithms;

    SecretEchoBackend(JwsAlgorithm... algorithms) {
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

    /** The signature that {@link #verify} accepts for key {@code jwk} over {@code len} bytes. */
    static byte[] signatureFor(Jwk jwk, int len) {
        byte[] k = jwk.binaryMember("k").orElseThrow();
        byte[] signature = Arrays.copyOf(k, k.length + 1);
        signature[k.length] = (byte) len;
        return signature;
    }

    /** The keys as the verifier would index a static set with this backend. */
    KeyIndex index(Jwk... keys) {
        return new SigningKeyFilter(this, true, CryptoPolicy.DEFAULT, 8192).index(JwkSet.of(keys));
    }

    @Override
    public String name() {
        return "secret-echo";
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
    public VerificationKey importKey(Jwk jwk) throws KeyImportException {
        if (!"oct".equals(jwk.keyType())) {
            throw new KeyImportException("secret-echo imports oct keys only");
        }
        return new Secret(jwk.binaryMember("k").orElseThrow());
    }

    @Override
    public Jwk readCertificateKey(byte[] der) throws KeyImportException {
        throw new KeyImportException("secret-echo reads no certificates");
    }

    @Override
    public boolean verify(JwsAlgorithm alg, VerificationKey key, byte[] data, int off, int len, byte[] signature) {
        byte[] secret = ((Secret) key).secret;
        calls.add(new Call(secret, data, off, len));
        byte[] expected = Arrays.copyOf(secret, secret.length + 1);
        expected[secret.length] = (byte) len;
        return Arrays.equals(expected, signature);
    }

    @Override
    public byte[] digest(String algorithm, byte[] data) {
        throw new UnsupportedOperationException("secret-echo computes no digests");
    }

    private static final class Secret implements VerificationKey {
        final byte[] secret;

        Secret(byte[] secret) {
            this.secret = secret;
        }

        @Override
        public String keyType() {
            return "oct";
        }

        @Override
        public String curve() {
            return null;
        }

        @Override
        public int sizeBits() {
            return secret.length * 8;
        }

        @Override
        public boolean samePublicKey(VerificationKey other) {
            return other instanceof Secret && Arrays.equals(secret, ((Secret) other).secret);
        }
    }
}
