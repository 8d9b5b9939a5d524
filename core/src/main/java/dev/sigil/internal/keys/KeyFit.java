package dev.sigil.internal.keys;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.KeyParameters;
import dev.sigil.spi.VerificationKey;

/** Which keys an algorithm can use (RFC 7518 section 3, RFC 8037, RFC 9864, RFC 9964). */
public final class KeyFit {

    private KeyFit() {
    }

    /**
     * Where an algorithm a backend does not offer can be had, for the messages that refuse it, or
     * {@code null} when there is nothing to suggest.
     */
    public static String whereOffered(JwsAlgorithm alg) {
        return alg.family() == JwsAlgorithm.Family.ML_DSA
                ? "ML-DSA is verified by backend-bouncycastle, or backend-jca on JDK 24 or later"
                : null;
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
            case ML_DSA:
                // Each parameter set has its own public key length, so the length names the set.
                return key.sizeBits() == KeyParameters.Akp.publicKeyBytes(alg.joseName()) * 8;
            default:
                return true;
        }
    }
}
