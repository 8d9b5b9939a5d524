package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.EcdsaScalars;
import java.math.BigInteger;
import java.util.function.Supplier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * ES256/384/512 (RFC 7518 section 3.4) and ES256K (RFC 8812 section 3.2): the JWS signature is
 * R || S, each exactly the curve's field length. R and S are range-checked ({@link EcdsaScalars})
 * before BouncyCastle sees them.
 */
final class EcdsaVerifier extends AlgorithmVerifier<EcdsaVerifier.Engine> {

    private final String curveName;
    /** The length and range of R and S on this curve, checked before BouncyCastle sees them. */
    private final EcdsaScalars scalars;
    private final EnginePool<Engine> engines;

    EcdsaVerifier(String curveName, HashAlgorithm hash) {
        this.curveName = curveName;
        this.scalars = EcdsaScalars.of(curveName);
        this.engines = new EnginePool<>(new Supplier<>() {
            @Override
            public Engine get() {
                return new Engine(hash.newDigest());
            }
        });
    }

    @Override
    int signatureLength(BcKey key) {
        return key instanceof EcKey ec && curveName.equals(ec.curve()) ? 2 * scalars.scalarBytes() : -1;
    }

    @Override
    EnginePool<Engine> enginesFor(BcKey key) {
        return engines;
    }

    @Override
    boolean verify(Engine engine, BcKey key, byte[] data, int off, int len, byte[] signature) {
        if (!scalars.inRange(signature)) {
            return false;
        }
        ECPublicKeyParameters parameters = ((EcKey) key).parameters();
        boolean ready = engine.readyFor == parameters;
        // Marked dirty before anything can throw: a call that does not return normally leaves the
        // next one to start from a reset digest and a fresh init.
        engine.readyFor = null;
        Digest digest = engine.digest;
        if (!ready) {
            digest.reset();
            engine.signer.init(false, parameters);
        }
        digest.update(data, off, len);
        // doFinal resets the digest for the next call.
        digest.doFinal(engine.hash, 0);
        // The two BigIntegers are ECDSASigner's API; the floor allocates them too.
        int half = scalars.scalarBytes();
        boolean valid = engine.signer.verifySignature(engine.hash,
                new BigInteger(1, signature, 0, half), new BigInteger(1, signature, half, half));
        // Verification only reads the key init stored; nothing else carries over to the next call.
        engine.readyFor = parameters;
        return valid;
    }

    /** A digest, hash buffer and signer, and the key the signer stands initialised with. */
    static final class Engine extends PooledEngine {
        final Digest digest;
        final byte[] hash;
        final ECDSASigner signer = new ECDSASigner();
        /**
         * The key parameters the signer is initialised with, and the digest clean for, compared by
         * identity (those of one imported {@link EcKey}); {@code null} before the first call, while
         * a call runs and after one that threw. The signer holds them anyway.
         */
        ECPublicKeyParameters readyFor;

        Engine(Digest digest) {
            this.digest = digest;
            this.hash = new byte[digest.getDigestSize()];
        }
    }
}
