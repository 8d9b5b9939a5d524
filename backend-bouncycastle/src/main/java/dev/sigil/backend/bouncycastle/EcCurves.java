package dev.sigil.backend.bouncycastle;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The four prime curves a backend knows, each loaded the first time a key needs it: loading
 * BouncyCastle's curve arithmetic costs about 55 ms in a fresh JVM for the first curve, which a
 * verifier of RSA tokens never needs. No lock: threads that race may each load a curve, and the first
 * one kept is the one every thread uses.
 */
final class EcCurves {

    /** JWK names, with BouncyCastle's names at the same index. */
    private static final List<String> JWK_NAMES = List.of("P-256", "P-384", "P-521", "secp256k1");
    private static final List<String> STANDARD_NAMES = List.of("secp256r1", "secp384r1", "secp521r1", "secp256k1");

    private final AtomicReferenceArray<EcCurve> loaded = new AtomicReferenceArray<>(JWK_NAMES.size());

    /** Whether {@code jwkName} is one of the curves, without loading it. */
    static boolean known(String jwkName) {
        return JWK_NAMES.contains(jwkName);
    }

    /** The curve of JWK name {@code jwkName}, loaded now if it was not yet; {@code null} for another name. */
    EcCurve get(String jwkName) {
        int index = JWK_NAMES.indexOf(jwkName);
        return index < 0 ? null : get(index);
    }

    /** Every curve, each loaded now if it was not yet. */
    List<EcCurve> all() {
        return List.of(get(0), get(1), get(2), get(3));
    }

    /** Whether the curve of JWK name {@code jwkName} has been loaded; for tests. */
    boolean loaded(String jwkName) {
        int index = JWK_NAMES.indexOf(jwkName);
        return index >= 0 && loaded.get(index) != null;
    }

    private EcCurve get(int index) {
        EcCurve curve = loaded.get(index);
        if (curve == null) {
            loaded.compareAndSet(index, null, EcCurve.load(JWK_NAMES.get(index), STANDARD_NAMES.get(index)));
            curve = loaded.get(index);
        }
        return curve;
    }
}
