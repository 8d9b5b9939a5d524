package dev.sigil.backend.bouncycastle;

import java.util.function.Supplier;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;

/** RS256/384/512 (PKCS #1 v1.5) and PS256/384/512 (PSS), RFC 7518 sections 3.3 and 3.5. */
final class RsaVerifier extends AlgorithmVerifier {

    private final ThreadLocal<Engine> engines;

    private RsaVerifier(Supplier<Signer> factory) {
        this.engines = ThreadLocal.withInitial(() -> new Engine(factory.get()));
    }

    /** RSASSA-PKCS1-v1_5: EMSA-PKCS1-v1_5 with the hash's DigestInfo (RFC 8017 section 8.2). */
    static RsaVerifier pkcs1(HashAlgorithm hash) {
        return new RsaVerifier(() -> new RSADigestSigner(hash.newDigest()));
    }

    /**
     * RSASSA-PSS as RFC 7518 section 3.5 fixes it: MGF1 with the same hash, a salt as long as the
     * hash, trailer 0xBC. The plain {@link RSAEngine} suffices: a public-key operation needs no blinding.
     */
    static RsaVerifier pss(HashAlgorithm hash) {
        return new RsaVerifier(() -> new PSSSigner(new RSAEngine(), hash.newDigest(), hash.newDigest(), hash.length()));
    }

    @Override
    boolean verify(BcKey key, byte[] data, int off, int len, byte[] signature) {
        if (!(key instanceof RsaKey)) {
            return false;
        }
        RsaKey rsa = (RsaKey) key;
        if (signature.length != rsa.modulusBytes()) {
            return false;
        }
        Engine engine = engines.get();
        RSAKeyParameters parameters = rsa.parameters();
        boolean ready = engine.readyFor == parameters;
        // Marked dirty before anything can throw: a call that does not return normally leaves the
        // next one to initialise afresh.
        engine.readyFor = null;
        if (!ready) {
            // init resets the digest, so nothing a failed earlier call left behind survives.
            engine.signer.init(false, parameters);
        }
        engine.signer.update(data, off, len);
        boolean valid = engine.signer.verifySignature(signature);
        // Both signers finish the digest (which resets it) before anything else in verifySignature,
        // and keep nothing else from one signature to the next but the key init set up.
        engine.readyFor = parameters;
        return valid;
    }

    /**
     * One thread's signer and the key it stands initialised with. Re-initialising with the same
     * key would only redo the key checks and allocate a modulus-sized block buffer per call.
     */
    private static final class Engine {
        final Signer signer;
        /**
         * The key parameters the signer is initialised with and clean for, compared by identity
         * (those of one imported {@link RsaKey}); {@code null} before the first call, while a call
         * runs and after one that threw. The signer holds them anyway.
         */
        RSAKeyParameters readyFor;

        Engine(Signer signer) {
            this.signer = signer;
        }
    }
}
