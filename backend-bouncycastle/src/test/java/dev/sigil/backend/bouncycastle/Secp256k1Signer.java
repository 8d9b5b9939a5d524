package dev.sigil.backend.bouncycastle;

import dev.sigil.jwk.Jwk;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.testkit.JwsSigner;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * ES256K with a fresh secp256k1 key, signed by BouncyCastle's lightweight API because JDK 17 no
 * longer has the curve: the signer the testkit's contracts cannot make for themselves.
 */
final class Secp256k1Signer implements JwsSigner {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BigInteger d;
    private final ECPoint q;

    Secp256k1Signer() {
        this.d = BigIntegers.createRandomInRange(BigInteger.ONE, CURVE.getN().subtract(BigInteger.ONE), RANDOM);
        this.q = CURVE.getG().multiply(d).normalize();
    }

    @Override
    public JwsAlgorithm algorithm() {
        return JwsAlgorithm.ES256K;
    }

    Map<String, Object> jwkMembers() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("kty", "EC");
        members.put("crv", "secp256k1");
        members.put("x", b64(BigIntegers.asUnsignedByteArray(32, q.getAffineXCoord().toBigInteger())));
        members.put("y", b64(BigIntegers.asUnsignedByteArray(32, q.getAffineYCoord().toBigInteger())));
        return members;
    }

    @Override
    public Jwk jwk() {
        return Jwk.of(jwkMembers());
    }

    /** SHA-256, deterministic k (RFC 6979), R || S. */
    @Override
    public byte[] sign(byte[] data) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(data, 0, data.length);
        byte[] hash = new byte[32];
        digest.doFinal(hash, 0);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(d, DOMAIN));
        BigInteger[] rs = signer.generateSignature(hash);
        byte[] signature = new byte[64];
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, rs[0]), 0, signature, 0, 32);
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, rs[1]), 0, signature, 32, 32);
        return signature;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
