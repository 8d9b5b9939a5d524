package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.KeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.Ed448PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.math.ec.rfc8032.Ed448;

/**
 * An Ed25519 or Ed448 public key (RFC 8037), decoded once at import: BouncyCastle's key parameters
 * decode the point when they are built and refuse an encoding that is not canonical or not on the
 * curve (RFC 8032 sections 5.1.3 and 5.2.3).
 */
final class EdKey extends BcKey {

    /** Ed448 always takes a context (RFC 8032 section 5.2); JWS uses the empty one (RFC 8037 section 3.1). */
    private static final byte[] NO_CONTEXT = new byte[0];

    private final EdCurve curve;
    /** Exactly one of the two is set, according to {@link #curve}. */
    private final Ed25519PublicKeyParameters ed25519;
    private final Ed448PublicKeyParameters ed448;

    /**
     * @throws IllegalArgumentException if the key does not encode a point of the curve
     */
    EdKey(KeyParameters.Okp parameters, EdCurve curve) {
        super(parameters);
        this.curve = curve;
        byte[] x = parameters.x();
        this.ed25519 = curve == EdCurve.ED25519 ? new Ed25519PublicKeyParameters(x) : null;
        this.ed448 = curve == EdCurve.ED448 ? new Ed448PublicKeyParameters(x) : null;
    }

    EdCurve edCurve() {
        return curve;
    }

    /**
     * Pure EdDSA over {@code data[off, off+len)} with no copy of the data. The key parameters are
     * immutable and BouncyCastle's RFC 8032 code is stateless, so no pooled signer is needed;
     * {@code Ed25519Signer} would only buffer the message before making this same call.
     */
    boolean verify(byte[] data, int off, int len, byte[] signature) {
        if (ed25519 != null) {
            return ed25519.verify(Ed25519.Algorithm.Ed25519, null, data, off, len, signature, 0);
        }
        return ed448.verify(Ed448.Algorithm.Ed448, NO_CONTEXT, data, off, len, signature, 0);
    }
}
