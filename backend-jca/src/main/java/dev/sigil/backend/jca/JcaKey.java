package dev.sigil.backend.jca;

import dev.sigil.spi.AbstractVerificationKey;
import dev.sigil.spi.KeyParameters;

/**
 * A key built by {@link JcaCryptoBackend} from parameters the verifier judged. Sealed so that
 * {@code verify} can rely on how each kind was built; type, curve and size come from the parameters.
 */
abstract sealed class JcaKey extends AbstractVerificationKey permits RsaKey, EcKey, EdKey, OctKey, MlDsaKey {

    JcaKey(KeyParameters parameters) {
        super(parameters);
    }
}
