package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.KeyParameters;
import java.util.Map;

/**
 * A shared HMAC secret, held only inside pooled {@link org.bouncycastle.crypto.macs.HMac}s
 * already keyed with it, a pool per HMAC algorithm (a pool per key: one per algorithm would have to
 * re-key an engine for each key): keying HMAC hashes the padded key twice, which
 * would otherwise be repeated on every token.
 */
final class OctKey extends BcKey {

    private final Map<JwsAlgorithm, EnginePool<HmacEngine>> engines;

    /** {@code engines} must be an unmodifiable map built for this very secret. */
    OctKey(KeyParameters.Oct parameters, Map<JwsAlgorithm, EnginePool<HmacEngine>> engines) {
        super(parameters);
        this.engines = engines;
    }

    /** The engines for {@code alg}, or {@code null} if the secret is too short for it. */
    EnginePool<HmacEngine> engine(JwsAlgorithm alg) {
        return engines.get(alg);
    }
}
