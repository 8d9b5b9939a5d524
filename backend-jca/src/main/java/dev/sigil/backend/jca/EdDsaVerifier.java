package dev.sigil.backend.jca;

import java.security.GeneralSecurityException;

/**
 * EdDSA (RFC 8037, either curve) and the fully specified Ed25519 and Ed448 (RFC 9864). The three
 * share the backend's per-curve engine pools; as an engine remembers the key object it was initialised with, a key verified under {@code EdDSA} and
 * then {@code Ed25519} needs no second initialisation.
 */
final class EdDsaVerifier extends AlgorithmVerifier {

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
    boolean verify(JcaKey key, byte[] data, int off, int len, byte[] signature) throws GeneralSecurityException {
        if (!(key instanceof EdKey)) {
            return false;
        }
        EdKey ed = (EdKey) key;
        EdCurve curve = ed.edCurve();
        EnginePool<KeyedSignature> engines = curve == EdCurve.ED25519 ? ed25519 : ed448;
        if (requiredCurve != null && requiredCurve != curve || engines == null
                || signature.length != curve.signatureBytes()) {
            return false;
        }
        return KeyedSignature.verify(engines, ed.publicKey(), data, off, len, signature);
    }

    @Override
    EnginePool<?> enginesFor(JcaKey key) {
        return key instanceof EdKey && ((EdKey) key).edCurve() == EdCurve.ED448 ? ed448 : ed25519;
    }
}
