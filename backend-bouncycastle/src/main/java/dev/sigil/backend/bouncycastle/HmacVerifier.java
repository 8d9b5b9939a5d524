package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.JwsAlgorithm;
import java.util.function.Supplier;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * HS256/384/512 (RFC 7518 section 3.2). The keyed engines live in each {@link OctKey}, made by
 * {@link #engineFor}; this verifier checks lengths and compares in constant time.
 */
final class HmacVerifier extends AlgorithmVerifier<HmacEngine> {

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
        return new EnginePool<>(new Supplier<>() {
            @Override
            public HmacEngine get() {
                HMac mac = new HMac(hash.newDigest());
                mac.init(key);
                return new HmacEngine(mac);
            }
        });
    }

    /** The MAC's length, if {@code key} is a secret at least as long: RFC 7518 section 3.2 refuses shorter ones. */
    @Override
    int signatureLength(BcKey key) {
        return key instanceof OctKey oct && oct.sizeBits() >= 8 * hashBytes ? hashBytes : -1;
    }

    @Override
    EnginePool<HmacEngine> enginesFor(BcKey key) {
        return key instanceof OctKey oct ? oct.engine(algorithm) : null;
    }

    @Override
    boolean verify(HmacEngine engine, BcKey key, byte[] data, int off, int len, byte[] signature) {
        return engine.matches(data, off, len, signature);
    }
}
