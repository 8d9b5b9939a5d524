package dev.sigil.internal.keys;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.VerificationKey;

/** Which keys an algorithm can use (RFC 7518 section 3, RFC 8037, RFC 9864). */
public final class KeyFit {

    private KeyFit() {
    }

    /** Whether {@code key}'s type, curve and size fit {@code alg}. */
    public static boolean fits(JwsAlgorithm alg, VerificationKey key) {
        if (!alg.keyType().equals(key.keyType())) {
            return false;
        }
        switch (alg.family()) {
            case ECDSA:
                return alg.requiredCurve().equals(key.curve());
            case EDDSA:
                return alg.requiredCurve() == null
                        ? "Ed25519".equals(key.curve()) || "Ed448".equals(key.curve())
                        : alg.requiredCurve().equals(key.curve());
            case HMAC:
                // RFC 7518 section 3.2: the secret must be at least as long as the hash.
                return key.sizeBits() >= alg.componentLength() * 8;
            default:
                return true;
        }
    }
}
