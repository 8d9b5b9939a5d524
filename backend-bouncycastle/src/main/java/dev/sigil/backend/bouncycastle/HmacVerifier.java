package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.JwsAlgorithm;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * HS256/384/512 (RFC 7518 section 3.2). The keyed engines live in each {@link OctKey}, made by
 * {@link #engineFor}; this verifier checks lengths and compares in constant time.
 */
final class HmacVerifier extends AlgorithmVerifier {

    private final JwsAlgorithm algorithm;
    private final HashAlgorithm hash;
    /** The hash length: both the exact MAC length and the shortest secret RFC 7518 section 3.2 allows. */
    private final int hashBytes;

    HmacVerifier(JwsAlgorithm algorithm, HashAlgorithm hash) {
        this.algorithm = algorithm;
        this.hash = hash;
        this.hashBytes = hash.length();
    }

    JwsAlgorithm algorithm() {
        return algorithm;
    }

    /** Per-thread engines keyed with {@code secret}, created lazily on each thread's first use; {@code null} if too short. */
    ThreadLocal<HmacEngine> engineFor(byte[] secret) {
        if (secret.length < hashBytes) {
            // Never used: verify refuses secrets shorter than the hash.
            return null;
        }
        KeyParameter key = new KeyParameter(secret);
        return ThreadLocal.withInitial(() -> {
            HMac mac = new HMac(hash.newDigest());
            mac.init(key);
            return new HmacEngine(mac);
        });
    }

    @Override
    boolean verify(BcKey key, byte[] data, int off, int len, byte[] signature) {
        if (!(key instanceof OctKey)) {
            return false;
        }
        OctKey oct = (OctKey) key;
        if (oct.sizeBits() < 8 * hashBytes || signature.length != hashBytes) {
            return false;
        }
        ThreadLocal<HmacEngine> engines = oct.engine(algorithm);
        if (engines == null) {
            return false;
        }
        return engines.get().matches(data, off, len, signature);
    }
}
