package dev.sigil.testkit;

import dev.sigil.jwk.Jwk;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.KeyParameters;
import java.security.GeneralSecurityException;

/**
 * Signs as one JWS algorithm with one key, outside the backend under test, and publishes that key
 * as a JWK. The contract kits make their own signers with the JDK's providers; a backend that
 * claims an algorithm the JDK cannot sign (ES256K: JDK 17 has no secp256k1) supplies one through
 * {@link CryptoBackendContract#signerBeyondTheJdk(JwsAlgorithm)}.
 */
public interface JwsSigner {

    /** {@return the algorithm {@link #sign} signs as} */
    JwsAlgorithm algorithm();

    /** {@return the public JWK of the signing key (for HMAC, the secret)} */
    Jwk jwk();

    /** {@return the same key as {@link #jwk()}, as the parameters a backend builds keys from} */
    default KeyParameters keyParameters() {
        return PublicParameters.of(jwk());
    }

    /**
     * {@return the JWS signature of {@code data}: R || S for ECDSA, the full tag for HMAC}
     *
     * @param data the signing input
     * @throws GeneralSecurityException if the JDK's signature engine fails
     */
    byte[] sign(byte[] data) throws GeneralSecurityException;

    /**
     * A signer with a fresh key made by the JDK, as the contract kits use: RSA 2048, the
     * algorithm's curve, Ed25519 for {@code EdDSA}, a secret of the hash length for HMAC.
     *
     * @param alg the algorithm to sign as
     * @return a signer with a new key
     * @throws GeneralSecurityException if the JDK cannot make such a key (ES256K on JDK 17)
     */
    static JwsSigner withFreshKey(JwsAlgorithm alg) throws GeneralSecurityException {
        return GeneratedKeys.signer(alg);
    }

    /**
     * {@return an EdDSA signer (as {@code alg}: EdDSA, Ed25519 or Ed448) with a fresh key on {@code curve}, "Ed25519"
     * or "Ed448"}
     *
     * @param alg {@code EdDSA}, {@code Ed25519} or {@code Ed448}
     * @param curve {@code "Ed25519"} or {@code "Ed448"}
     * @throws GeneralSecurityException if the JDK cannot make such a key
     */
    static JwsSigner withFreshEdDsaKey(JwsAlgorithm alg, String curve) throws GeneralSecurityException {
        return GeneratedKeys.eddsaSigner(alg, curve);
    }
}
