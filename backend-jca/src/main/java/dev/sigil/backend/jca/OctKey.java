package dev.sigil.backend.jca;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.KeyParameters;
import java.util.Map;

/**
 * A shared HMAC secret, held only inside per-thread {@link javax.crypto.Mac}s already initialised
 * with it, one per HMAC algorithm its backend supports: keying HMAC hashes the padded key twice,
 * which would otherwise be repeated on every token.
 */
final class OctKey extends JcaKey {

    private final Map<JwsAlgorithm, ThreadLocal<MacEngine>> engines;

    /** {@code engines} must be an unmodifiable map built for this very secret. */
    OctKey(KeyParameters.Oct parameters, Map<JwsAlgorithm, ThreadLocal<MacEngine>> engines) {
        super(parameters);
        this.engines = engines;
    }

    /** The per-thread engine for {@code alg}, or {@code null} if the importing backend has none. */
    ThreadLocal<MacEngine> engine(JwsAlgorithm alg) {
        return engines.get(alg);
    }
}
