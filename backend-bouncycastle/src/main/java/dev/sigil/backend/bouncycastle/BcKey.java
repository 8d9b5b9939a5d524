package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.AbstractVerificationKey;
import dev.sigil.spi.KeyParameters;

/**
 * A key built by {@link BouncyCastleCryptoBackend} from parameters the verifier judged. Sealed so that
 * {@code verify} can rely on how each kind was built; type, curve and size come from the parameters.
 */
abstract sealed class BcKey extends AbstractVerificationKey permits RsaKey, EcKey, EdKey, OctKey, MlDsaKey {

    BcKey(KeyParameters parameters) {
        super(parameters);
    }
}
