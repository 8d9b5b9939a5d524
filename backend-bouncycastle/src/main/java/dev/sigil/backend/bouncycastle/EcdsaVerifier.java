package dev.sigil.backend.bouncycastle;

import java.math.BigInteger;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * ES256/384/512 (RFC 7518 section 3.4) and ES256K (RFC 8812 section 3.2): the JWS signature is
 * R || S, each exactly the curve's field length. R and S are range-checked here, before
 * BouncyCastle sees them.
 */
final class EcdsaVerifier extends AlgorithmVerifier {

    private final String curveName;
    private final ThreadLocal<Engine> engines;

    EcdsaVerifier(String curveName, HashAlgorithm hash) {
        this.curveName = curveName;
        this.engines = ThreadLocal.withInitial(() -> new Engine(hash.newDigest()));
    }

    @Override
    boolean verify(BcKey key, byte[] data, int off, int len, byte[] signature) {
        if (!(key instanceof EcKey)) {
            return false;
        }
        EcKey ec = (EcKey) key;
        EcCurve curve = ec.ecCurve();
        int half = curve.fieldBytes();
        if (!curveName.equals(curve.jwkName()) || signature.length != 2 * half
                || !curve.isScalarInRange(signature, 0) || !curve.isScalarInRange(signature, half)) {
            return false;
        }
        Engine engine = engines.get();
        Digest digest = engine.digest;
        digest.reset();
        digest.update(data, off, len);
        digest.doFinal(engine.hash, 0);
        engine.signer.init(false, ec.parameters());
        return engine.signer.verifySignature(engine.hash,
                new BigInteger(1, signature, 0, half), new BigInteger(1, signature, half, half));
    }

    /** One thread's digest, hash buffer and signer. */
    private static final class Engine {
        final Digest digest;
        final byte[] hash;
        final ECDSASigner signer = new ECDSASigner();

        Engine(Digest digest) {
            this.digest = digest;
            this.hash = new byte[digest.getDigestSize()];
        }
    }
}
