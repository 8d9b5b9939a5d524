package dev.sigil.backend.jca;

import java.security.GeneralSecurityException;

/**
 * EdDSA (RFC 8037, either curve) and the fully specified Ed25519 and Ed448 (RFC 9864). The three
 * share the backend's per-curve engine pools; as an engine remembers the key object it was
 * initialised with, a key verified under {@code EdDSA} and then {@code Ed25519} needs no second
 * initialisation.
 */
final class EdDsaVerifier extends AlgorithmVerifier<KeyedSignature> {

    /** {@code null} for {@code EdDSA}, which takes a key of either curve. */
    private final EdCurve requiredCurve;
    /** {@code null} when the provider lacks the curve. */
    private final EnginePool<KeyedSignature> ed25519;
    private final EnginePool<KeyedSignature> ed448;

    EdDsaVerifier(EdCurve requiredCurve, EnginePool<KeyedSignature> ed25519, EnginePool<KeyedSignature> ed448) {
        this.requiredCurve = requiredCurve;
        this.ed25519 = ed25519;
        this.ed448 = ed448;
    }

    @Override
    int signatureLength(JcaKey key) {
        if (!(key instanceof EdKey)) {
            return -1;
        }
        EdCurve curve = ((EdKey) key).edCurve();
        return requiredCurve != null && requiredCurve != curve ? -1 : curve.signatureBytes();
    }

    @Override
    EnginePool<KeyedSignature> enginesFor(JcaKey key) {
        return key instanceof EdKey && ((EdKey) key).edCurve() == EdCurve.ED448 ? ed448 : ed25519;
    }

    @Override
    boolean verify(KeyedSignature engine, JcaKey key, byte[] data, int off, int len, byte[] signature)
            throws GeneralSecurityException {
        return engine.verify(((EdKey) key).publicKey(), data, off, len, signature);
    }
}
