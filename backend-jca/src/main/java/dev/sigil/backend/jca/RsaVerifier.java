package dev.sigil.backend.jca;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.spec.PSSParameterSpec;

/** RS256/384/512 (PKCS #1 v1.5) and PS256/384/512 (PSS), RFC 7518 sections 3.3 and 3.5. */
final class RsaVerifier extends AlgorithmVerifier<KeyedSignature> {

    private final EnginePool<KeyedSignature> engines;

    /** {@code pss} is {@code null} for PKCS #1 v1.5. */
    RsaVerifier(String signatureName, Provider provider, PSSParameterSpec pss) {
        // One engine per verifier and so per PSS hash: the parameters never change on an engine.
        this.engines = KeyedSignature.pool(signatureName, provider, pss);
    }

    @Override
    int signatureLength(JcaKey key) {
        return key instanceof RsaKey ? ((RsaKey) key).modulusBytes() : -1;
    }

    @Override
    EnginePool<KeyedSignature> enginesFor(JcaKey key) {
        return engines;
    }

    @Override
    boolean verify(KeyedSignature engine, JcaKey key, byte[] data, int off, int len, byte[] signature)
            throws GeneralSecurityException {
        return engine.verify(((RsaKey) key).publicKey(), data, off, len, signature);
    }
}
