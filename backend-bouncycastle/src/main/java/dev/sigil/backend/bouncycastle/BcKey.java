package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.KeyParameters;
import dev.sigil.spi.VerificationKey;

/**
 * A key built by {@link BouncyCastleCryptoBackend} from parameters the verifier judged. Sealed so
 * that {@code verify} can rely on how each kind was built (curve, decoded point).
 */
abstract sealed class BcKey implements VerificationKey permits RsaKey, EcKey, EdKey, OctKey {

    /** How the key describes itself; for an {@code oct} key this keeps no copy of the secret. */
    private final String description;
    private final String keyType;
    private final String curve;
    private final int sizeBits;

    BcKey(KeyParameters parameters) {
        this.keyType = parameters.keyType();
        this.curve = parameters.curve();
        this.sizeBits = parameters.sizeBits();
        this.description = getClass().getSimpleName() + "[" + (curve != null ? curve : sizeBits + " bits") + "]";
    }

    @Override
    public final String keyType() {
        return keyType;
    }

    @Override
    public final String curve() {
        return curve;
    }

    @Override
    public final int sizeBits() {
        return sizeBits;
    }

    /** {@code RsaKey[2048 bits]}, {@code EcKey[P-256]}: never key material. */
    @Override
    public final String toString() {
        return description;
    }
}
