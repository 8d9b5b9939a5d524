package dev.sigil.backend.jca;

import dev.sigil.spi.JwsAlgorithm;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256/384/512 (RFC 7518 section 3.2). The keyed engines live in each {@link OctKey}, made by
 * {@link #engineFor}; this verifier checks lengths and compares in constant time.
 */
final class HmacVerifier extends AlgorithmVerifier<MacEngine> {

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
        // A class, not a lambda: made at each key's import, on a cold start's path.
        return new EnginePool<>(new Supplier<MacEngine>() {
            @Override
            public MacEngine get() {
                try {
                    Mac mac = Mac.getInstance(macName, provider);
                    mac.init(key);
                    return new MacEngine(mac);
                } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                    throw new IllegalStateException(provider.getName() + " cannot key " + macName, e);
                }
            }
        });
    }

    /** The MAC's length, if {@code key} is a secret at least as long: RFC 7518 section 3.2 refuses shorter ones. */
    @Override
    int signatureLength(JcaKey key) {
        return key instanceof OctKey && ((OctKey) key).sizeBits() >= 8 * hashBytes ? hashBytes : -1;
    }

    @Override
    EnginePool<MacEngine> enginesFor(JcaKey key) {
        return key instanceof OctKey ? ((OctKey) key).engine(algorithm) : null;
    }

    @Override
    boolean verify(MacEngine engine, JcaKey key, byte[] data, int off, int len, byte[] signature)
            throws GeneralSecurityException {
        return engine.matches(data, off, len, signature);
    }
}
