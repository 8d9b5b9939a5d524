package dev.sigil.backend.bouncycastle;

import java.util.function.Supplier;

/** EdDSA (RFC 8037, either curve) and the fully specified Ed25519 and Ed448 (RFC 9864). */
final class EdDsaVerifier extends AlgorithmVerifier<PooledEngine> {

    /** {@code null} for {@code EdDSA}, which takes a key of either curve. */
    private final EdCurve requiredCurve;
    /** Buffers only: {@link EdKey#verify} keeps no state between calls. */
    private final EnginePool<PooledEngine> engines = new EnginePool<>(new Supplier<>() {
        @Override
        public PooledEngine get() {
            return new PooledEngine();
        }
    });

    EdDsaVerifier(EdCurve requiredCurve) {
        this.requiredCurve = requiredCurve;
    }

    @Override
    int signatureLength(BcKey key) {
        if (!(key instanceof EdKey ed)) {
            return -1;
        }
        return requiredCurve != null && requiredCurve != ed.edCurve() ? -1 : ed.edCurve().signatureBytes();
    }

    @Override
    EnginePool<PooledEngine> enginesFor(BcKey key) {
        return engines;
    }

    @Override
    boolean verify(PooledEngine engine, BcKey key, byte[] data, int off, int len, byte[] signature) {
        return ((EdKey) key).verify(data, off, len, signature);
    }
}
