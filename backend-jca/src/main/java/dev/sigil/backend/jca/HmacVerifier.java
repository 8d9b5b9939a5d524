package dev.sigil.backend.jca;

import dev.sigil.spi.JwsAlgorithm;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256/384/512 (RFC 7518 section 3.2). The keyed engines live in each {@link OctKey}, made by
 * {@link #engineFor}; this verifier checks lengths and compares in constant time.
 */
final class HmacVerifier extends AlgorithmVerifier {

    private final JwsAlgorithm algorithm;
    private final String macName;
    private final Provider provider;
    /** The hash length: both the exact MAC length and the shortest secret RFC 7518 section 3.2 allows. */
    private final int hashBytes;

    HmacVerifier(JwsAlgorithm algorithm, String macName, Provider provider) {
        this.algorithm = algorithm;
        this.macName = macName;
        this.provider = provider;
        this.hashBytes = algorithm.componentLength();
    }

    JwsAlgorithm algorithm() {
        return algorithm;
    }

    /** A pool of engines keyed with {@code secret}, each created when a call finds none free. */
    EnginePool<MacEngine> engineFor(byte[] secret) {
        if (secret.length < hashBytes) {
            // Never used (verify refuses short secrets), and BC-FIPS would throw from init anyway.
            return null;
        }
        SecretKeySpec key = new SecretKeySpec(secret, macName);
        return new EnginePool<>(() -> {
            try {
                Mac mac = Mac.getInstance(macName, provider);
                mac.init(key);
                return new MacEngine(mac);
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException(provider.getName() + " cannot key " + macName, e);
            }
        });
    }

    @Override
    boolean verify(JcaKey key, byte[] data, int off, int len, byte[] signature) throws GeneralSecurityException {
        if (!(key instanceof OctKey)) {
            return false;
        }
        OctKey oct = (OctKey) key;
        if (oct.sizeBits() < 8 * hashBytes || signature.length != hashBytes) {
            return false;
        }
        EnginePool<MacEngine> engines = oct.engine(algorithm);
        if (engines == null) {
            return false;
        }
        MacEngine engine = engines.take();
        boolean equal = engine.matches(data, off, len, signature);
        // Not reached if matches threw: that engine is left to the collector.
        engines.give(engine);
        return equal;
    }

    @Override
    EnginePool<?> enginesFor(JcaKey key) {
        return key instanceof OctKey ? ((OctKey) key).engine(algorithm) : null;
    }
}
