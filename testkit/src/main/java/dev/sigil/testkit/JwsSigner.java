package dev.sigil.testkit;

import dev.sigil.jwk.Jwk;
import dev.sigil.jwt.JwsAlgorithm;
import java.security.GeneralSecurityException;

/**
 * Signs as one JWS algorithm with one key, outside the backend under test, and publishes that key
 * as a JWK. The contract kits make their own signers with the JDK's providers; a backend that
 * claims an algorithm the JDK cannot sign (ES256K: JDK 17 has no secp256k1) supplies one through
 * {@link CryptoBackendContract#signerBeyondTheJdk(JwsAlgorithm)}.
 */
public interface JwsSigner {

    /** The algorithm {@link #sign} signs as. */
    JwsAlgorithm algorithm();

    /** The public JWK of the signing key (for HMAC, the secret). */
    Jwk jwk();

    /** The JWS signature of {@code data}: R || S for ECDSA, the full tag for HMAC. */
    byte[] sign(byte[] data) throws GeneralSecurityException;
}
