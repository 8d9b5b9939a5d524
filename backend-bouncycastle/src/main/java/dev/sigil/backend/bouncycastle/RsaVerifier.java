package dev.sigil.backend.bouncycastle;

import java.util.function.Supplier;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;

/** RS256/384/512 (PKCS #1 v1.5) and PS256/384/512 (PSS), RFC 7518 sections 3.3 and 3.5. */
final class RsaVerifier extends AlgorithmVerifier<ReadySigner> {

    private final EnginePool<ReadySigner> engines;

    // Suppliers as classes, not lambdas, here and in the other verifiers: the backend makes every
    // verifier when it is built, in every fresh JVM, where each lambda spins a class first (issue 18).
    private RsaVerifier(Supplier<ReadySigner> engines) {
        this.engines = new EnginePool<>(engines);
    }

    /** RSASSA-PKCS1-v1_5: EMSA-PKCS1-v1_5 with the hash's DigestInfo (RFC 8017 section 8.2). */
    static RsaVerifier pkcs1(HashAlgorithm hash) {
        return new RsaVerifier(new Supplier<>() {
            @Override
            public ReadySigner get() {
                return new ReadySigner(new RSADigestSigner(hash.newDigest()));
            }
        });
    }

    /**
     * RSASSA-PSS as RFC 7518 section 3.5 fixes it: MGF1 with the same hash, a salt as long as the
     * hash, trailer 0xBC. The plain {@link RSAEngine} suffices: a public-key operation needs no blinding.
     */
    static RsaVerifier pss(HashAlgorithm hash) {
        return new RsaVerifier(new Supplier<>() {
            @Override
            public ReadySigner get() {
                return new ReadySigner(new PSSSigner(new RSAEngine(), hash.newDigest(), hash.newDigest(), hash.length()));
            }
        });
    }

    @Override
    int signatureLength(BcKey key) {
        return key instanceof RsaKey rsa ? rsa.modulusBytes() : -1;
    }

    @Override
    EnginePool<ReadySigner> enginesFor(BcKey key) {
        return engines;
    }

    /**
     * Re-initialising with the same key would only redo the key checks and allocate a modulus-sized
     * block buffer per call, so the signer stays initialised ({@link ReadySigner}).
     */
    @Override
    boolean verify(ReadySigner engine, BcKey key, byte[] data, int off, int len, byte[] signature) {
        return engine.verify(((RsaKey) key).parameters(), data, off, len, signature);
    }
}
