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

    /** A pool of engines keyed with {@code secret}, each made when a call finds none free; {@code null} if too short. */
    EnginePool<HmacEngine> engineFor(byte[] secret) {
        if (secret.length < hashBytes) {
            // Never used: verify refuses secrets shorter than the hash.
            return null;
        }
        KeyParameter key = new KeyParameter(secret);
        return new EnginePool<>(() -> {
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
        EnginePool<HmacEngine> engines = oct.engine(algorithm);
        if (engines == null) {
            return false;
        }
        HmacEngine engine = engines.take();
        boolean equal = engine.matches(data, off, len, signature);
        // Not reached if matches threw: that engine is left to the collector.
        engines.give(engine);
        return equal;
    }

    @Override
    EnginePool<?> enginesFor(BcKey key) {
        return key instanceof OctKey ? ((OctKey) key).engine(algorithm) : null;
    }
}
