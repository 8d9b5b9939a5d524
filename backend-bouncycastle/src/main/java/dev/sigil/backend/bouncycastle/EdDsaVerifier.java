package dev.sigil.backend.bouncycastle;

/** EdDSA (RFC 8037, either curve) and the fully specified Ed25519 and Ed448 (RFC 9864). */
final class EdDsaVerifier extends AlgorithmVerifier {

    /** {@code null} for {@code EdDSA}, which takes a key of either curve. */
    private final EdCurve requiredCurve;

    EdDsaVerifier(EdCurve requiredCurve) {
        this.requiredCurve = requiredCurve;
    }

    @Override
    boolean verify(BcKey key, byte[] data, int off, int len, byte[] signature) {
        if (!(key instanceof EdKey)) {
            return false;
        }
        EdKey ed = (EdKey) key;
        EdCurve curve = ed.edCurve();
        if (requiredCurve != null && requiredCurve != curve || signature.length != curve.signatureBytes()) {
            return false;
        }
        return ed.verify(data, off, len, signature);
    }

    @Override
    EnginePool<?> enginesFor(BcKey key) {
        return null;
    }
}
