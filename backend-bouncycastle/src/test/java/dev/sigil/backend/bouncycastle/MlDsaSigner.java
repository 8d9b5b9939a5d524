package dev.sigil.backend.bouncycastle;

import dev.sigil.jwk.Jwk;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.KeyParameters;
import dev.sigil.testkit.JwsSigner;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.jcajce.spec.ContextParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * ML-DSA with a fresh key, signed by BouncyCastle's JCA provider, because JDK 17 has no ML-DSA. It
 * shares BouncyCastle's ML-DSA code with the backend under test, so it is no independent signer:
 * the tests use it for what does not depend on that (which keys a set serves, and what is refused).
 * The independent signer is the JDK's own, from JDK 24, in the JDK 25 run.
 */
final class MlDsaSigner implements JwsSigner {

    private static final Provider BC = new BouncyCastleProvider();

    private final JwsAlgorithm algorithm;
    private final KeyPair pair;
    private final byte[] context;

    /** A signer as RFC 9964 signs: the empty context. */
    MlDsaSigner(JwsAlgorithm algorithm) throws GeneralSecurityException {
        this(algorithm, new byte[0]);
    }

    /** A signer with a context of its own, which no JWS has: its signatures must be refused. */
    MlDsaSigner(JwsAlgorithm algorithm, byte[] context) throws GeneralSecurityException {
        this.algorithm = algorithm;
        this.pair = KeyPairGenerator.getInstance(algorithm.joseName(), BC).generateKeyPair();
        this.context = context.clone();
    }

    @Override
    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    /** The raw FIPS 204 public key: the tail of the SubjectPublicKeyInfo. */
    byte[] publicKey() {
        byte[] spki = pair.getPublic().getEncoded();
        return Arrays.copyOfRange(spki, spki.length - KeyParameters.Akp.publicKeyBytes(algorithm.joseName()), spki.length);
    }

    Map<String, Object> jwkMembers() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("kty", "AKP");
        members.put("alg", algorithm.joseName());
        members.put("pub", Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey()));
        return members;
    }

    @Override
    public Jwk jwk() {
        return Jwk.of(jwkMembers());
    }

    @Override
    public byte[] sign(byte[] data) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(algorithm.joseName(), BC);
        signature.initSign(pair.getPrivate());
        if (context.length > 0) {
            signature.setParameter(new ContextParameterSpec(context));
        }
        signature.update(data);
        return signature.sign();
    }
}
