package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.VerificationKey;

/**
 * A key imported and validated by {@link BouncyCastleCryptoBackend}. Sealed so that a verifier can
 * rely on the checks made at import (size, curve, point, length) for every key it is given.
 */
abstract sealed class BcKey implements VerificationKey permits RsaKey, EcKey, EdKey, OctKey {

    @Override
    public final boolean samePublicKey(VerificationKey other) {
        return other instanceof BcKey && other.getClass() == getClass() && sameKeyAs((BcKey) other);
    }

    /** {@link #samePublicKey} for a key known to be of this very class. */
    abstract boolean sameKeyAs(BcKey other);
}
