package dev.sigil.internal.keys;

import dev.sigil.jwk.Jwk;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.VerificationKey;

/**
 * A key that passed the signing-key filter, imported once by the crypto backend.
 *
 * @param jwk the key as published
 * @param keyId its {@code kid}, or {@code null}
 * @param algorithm its {@code alg}, or {@code null} when the key does not pin one
 * @param key the backend's imported key
 * @param thumbprint the RFC 7638 thumbprint of its public parameters (of a secret, for an oct key:
 *     never shown), which names the key material whatever its {@code kid}
 */
public record ImportedKey(Jwk jwk, String keyId, JwsAlgorithm algorithm, VerificationKey key, byte[] thumbprint) {

    /**
     * Whether a token signed with {@code alg} may be verified with this key: the key's own
     * {@code alg}, when present, must equal it, and the key's type, curve and size must fit it.
     */
    public boolean fits(JwsAlgorithm alg) {
        return (algorithm == null || algorithm == alg) && KeyFit.fits(alg, key);
    }
}
