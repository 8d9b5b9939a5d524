package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.KeyParameters;
import java.util.Map;

/**
 * A shared HMAC secret, held only inside per-thread {@link org.bouncycastle.crypto.macs.HMac}s
 * already keyed with it, one per HMAC algorithm: keying HMAC hashes the padded key twice, which
 * would otherwise be repeated on every token.
 */
final class OctKey extends BcKey {

    private final Map<JwsAlgorithm, ThreadLocal<HmacEngine>> engines;

    /** {@code engines} must be an unmodifiable map built for this very secret. */
    OctKey(KeyParameters.Oct parameters, Map<JwsAlgorithm, ThreadLocal<HmacEngine>> engines) {
        super(parameters);
        this.engines = engines;
    }

    /** The per-thread engine for {@code alg}, or {@code null} if the secret is too short for it. */
    ThreadLocal<HmacEngine> engine(JwsAlgorithm alg) {
        return engines.get(alg);
    }
}
