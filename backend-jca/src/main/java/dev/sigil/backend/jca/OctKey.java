package dev.sigil.backend.jca;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.KeyParameters;
import java.util.Map;

/**
 * A shared HMAC secret, held only inside pooled {@link javax.crypto.Mac}s already initialised
 * with it (a pool per key: a pool per algorithm would have to re-key an engine for each key), one per HMAC algorithm its backend supports: keying HMAC hashes the padded key twice,
 * which would otherwise be repeated on every token.
 */
final class OctKey extends JcaKey {

    private final Map<JwsAlgorithm, EnginePool<MacEngine>> engines;

    /** {@code engines} must be an unmodifiable map built for this very secret. */
    OctKey(KeyParameters.Oct parameters, Map<JwsAlgorithm, EnginePool<MacEngine>> engines) {
        super(parameters);
        this.engines = engines;
    }

    /** The engines for {@code alg}, or {@code null} if the importing backend has none. */
    EnginePool<MacEngine> engine(JwsAlgorithm alg) {
        return engines.get(alg);
    }
}
