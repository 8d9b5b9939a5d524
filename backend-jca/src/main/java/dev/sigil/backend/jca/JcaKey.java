package dev.sigil.backend.jca;

import dev.sigil.spi.KeyParameters;
import dev.sigil.spi.VerificationKey;

/**
 * A key built by {@link JcaCryptoBackend} from parameters the verifier judged. Sealed so that
 * {@code verify} can rely on how each kind was built (curve, point, provider key).
 */
abstract sealed class JcaKey implements VerificationKey permits RsaKey, EcKey, EdKey, OctKey {

    private final String keyType;
    private final String curve;
    private final int sizeBits;

    /** Takes the description, not the parameters: an {@code oct} key must not keep a second copy of its secret. */
    JcaKey(KeyParameters parameters) {
        this.keyType = parameters.keyType();
        this.curve = parameters.curve();
        this.sizeBits = parameters.sizeBits();
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
        return getClass().getSimpleName() + "[" + (curve != null ? curve : sizeBits + " bits") + "]";
    }
}
