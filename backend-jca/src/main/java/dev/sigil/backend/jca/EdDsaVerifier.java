package dev.sigil.backend.jca;

import java.security.GeneralSecurityException;
import java.security.Signature;

/**
 * EdDSA (RFC 8037, either curve) and the fully specified Ed25519 and Ed448 (RFC 9864). The three
 * share the backend's per-curve engines, so a thread holds at most one engine per curve.
 */
final class EdDsaVerifier extends AlgorithmVerifier {

    /** {@code null} for {@code EdDSA}, which takes a key of either curve. */
    private final EdCurve requiredCurve;
    /** {@code null} when the provider lacks the curve. */
    private final ThreadLocal<Signature> ed25519;
    private final ThreadLocal<Signature> ed448;

    EdDsaVerifier(EdCurve requiredCurve, ThreadLocal<Signature> ed25519, ThreadLocal<Signature> ed448) {
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
        ThreadLocal<Signature> engines = curve == EdCurve.ED25519 ? ed25519 : ed448;
        if (requiredCurve != null && requiredCurve != curve || engines == null
                || signature.length != curve.signatureBytes()) {
            return false;
        }
        Signature engine = engines.get();
        engine.initVerify(ed.publicKey());
        // Always called, even for len == 0: JDK 17's EdDSA verifies nothing as false when update
        // was never called (fixed in later JDKs).
        engine.update(data, off, len);
        return engine.verify(signature);
    }
}
