package dev.sigil.backend.jca;

import dev.sigil.jwt.JwsAlgorithm;
import java.security.MessageDigest;
import java.util.Map;

/**
 * A shared HMAC secret. Besides the secret it holds, per HMAC algorithm its backend supports, a
 * per-thread {@link javax.crypto.Mac} already initialised with the secret: keying HMAC hashes the
 * padded key twice, which would otherwise be repeated on every token.
 */
final class OctKey extends JcaKey {

    private final byte[] secret;
    private final Map<JwsAlgorithm, ThreadLocal<MacEngine>> engines;

    /** {@code engines} must be an unmodifiable map built for this very secret. */
    OctKey(byte[] secret, Map<JwsAlgorithm, ThreadLocal<MacEngine>> engines) {
        this.secret = secret.clone();
        this.engines = engines;
    }

    /** The per-thread engine for {@code alg}, or {@code null} if the importing backend has none. */
    ThreadLocal<MacEngine> engine(JwsAlgorithm alg) {
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
    boolean sameKeyAs(JcaKey other) {
        // Constant time for equal lengths, so comparing candidate secrets leaks nothing useful.
        return MessageDigest.isEqual(secret, ((OctKey) other).secret);
    }

    @Override
    public String toString() {
        return "OctKey[" + sizeBits() + " bits]";
    }
}
