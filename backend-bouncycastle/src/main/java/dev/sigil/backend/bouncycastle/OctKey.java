package dev.sigil.backend.bouncycastle;

import dev.sigil.jwt.JwsAlgorithm;
import java.util.Map;
import org.bouncycastle.util.Arrays;

/**
 * A shared HMAC secret. Besides the secret it holds, per HMAC algorithm, a per-thread
 * {@link org.bouncycastle.crypto.macs.HMac} already keyed with the secret: keying HMAC hashes the
 * padded key twice, which would otherwise be repeated on every token.
 */
final class OctKey extends BcKey {

    private final byte[] secret;
    private final Map<JwsAlgorithm, ThreadLocal<HmacEngine>> engines;

    /** {@code engines} must be an unmodifiable map built for this very secret. */
    OctKey(byte[] secret, Map<JwsAlgorithm, ThreadLocal<HmacEngine>> engines) {
        this.secret = secret.clone();
        this.engines = engines;
    }

    /** The per-thread engine for {@code alg}, or {@code null} if the secret is too short for it. */
    ThreadLocal<HmacEngine> engine(JwsAlgorithm alg) {
        return engines.get(alg);
    }

    int secretBytes() {
        return secret.length;
    }

    @Override
    public String keyType() {
        return "oct";
    }

    @Override
    public String curve() {
        return null;
    }

    @Override
    public int sizeBits() {
        return secret.length * 8;
    }

    @Override
    boolean sameKeyAs(BcKey other) {
        // Constant time for equal lengths, so comparing candidate secrets leaks nothing useful.
        return Arrays.constantTimeAreEqual(secret, ((OctKey) other).secret);
    }

    @Override
    public String toString() {
        return "OctKey[" + sizeBits() + " bits]";
    }
}
