package dev.sigil.backend.jca;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;
import java.util.function.Supplier;

/**
 * A {@link Signature} engine and the key it stands initialised with, so that the next call with
 * the same key skips {@code initVerify}.
 *
 * <p>Keys are imported once and cached, so most calls come with the key of the previous call, and
 * initialising is not free: SunEC decodes the Ed25519 or Ed448 point on every {@code initVerify}
 * (17 to 25 KB of garbage per Ed25519 call on JDK 17, depending on the key), and RSA and ECDSA
 * engines rebuild their key state too. {@link Signature#verify(byte[])} that returns normally
 * leaves the engine as {@code initVerify} left it, for the same key, whatever the answer; one that
 * throws leaves it in a state the JCA does not specify. So the key is remembered only across
 * normal returns, and any exception, anywhere in a call, makes the next call initialise afresh.
 *
 * <p>Not thread-safe: one call at a time has it, taken from the verifier's {@link EnginePool} and
 * given back only after a normal return (so a pooled engine is never dirty; the flag below still
 * makes one that is used again after a throw initialise afresh).
 */
final class KeyedSignature extends PooledEngine {

    private final Signature engine;
    /** Set before every {@code initVerify}, or {@code null}: one engine, one set of parameters for life. */
    private final AlgorithmParameterSpec parameters;
    /**
     * The key the engine is initialised with and clean for, compared by identity: the key object
     * of one imported {@link JcaKey}. {@code null} before the first call, while a call runs, and
     * after a call that threw. It keeps alive nothing the engine does not already hold after
     * {@code initVerify}.
     */
    private PublicKey readyFor;

    private KeyedSignature(Signature engine, AlgorithmParameterSpec parameters) {
        this.engine = engine;
        this.parameters = parameters;
    }

    /**
     * A pool of engines, each created when a call finds none free.
     *
     * @param parameters set before each {@code initVerify} (PSS), or {@code null}
     */
    static EnginePool<KeyedSignature> pool(String algorithm, Provider provider, AlgorithmParameterSpec parameters) {
        // A class, not a lambda: pools are made when a family is probed, on a cold start's path.
        return new EnginePool<>(new Supplier<KeyedSignature>() {
            @Override
            public KeyedSignature get() {
                try {
                    return new KeyedSignature(Signature.getInstance(algorithm, provider), parameters);
                } catch (NoSuchAlgorithmException e) {
                    // Probed when the backend was built; a provider that changes its mind is broken.
                    throw new IllegalStateException(provider.getName() + " no longer offers " + algorithm, e);
                }
            }
        });
    }

    /** {@link Signature#verify(byte[])} of {@code signature} over {@code data[off, off+len)} under {@code key}. */
    boolean verify(PublicKey key, byte[] data, int off, int len, byte[] signature) throws GeneralSecurityException {
        boolean ready = readyFor == key;
        // Marked dirty before anything can throw: if this call does not return normally, the next
        // one starts again from initVerify.
        readyFor = null;
        if (!ready) {
            if (parameters != null) {
                // Before init, and with it every time: some providers (BC-FIPS) verify RSASSA-PSS
                // without parameters by silently returning false, and some read them only at init.
                engine.setParameter(parameters);
            }
            engine.initVerify(key);
        }
        // Always called, even for len == 0: JDK 17's EdDSA verifies nothing as false when update
        // was never called (fixed in later JDKs).
        engine.update(data, off, len);
        boolean valid = engine.verify(signature);
        // A normal return reset the engine to its state right after initVerify(key).
        readyFor = key;
        return valid;
    }
}
