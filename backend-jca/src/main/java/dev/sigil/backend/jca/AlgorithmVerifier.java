package dev.sigil.backend.jca;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Signature;

/**
 * Verifies one JWS algorithm with a provider resolved when the backend was built.
 *
 * <p>JCA engines are stateful and not thread-safe, and {@code getInstance} is slow (a provider
 * service lookup plus reflection), so each verifier keeps one engine per thread in a
 * {@link ThreadLocal} held by the verifier, itself held by one backend instance: nothing is
 * static, and a discarded backend takes its engines with it once the threads' maps drop the
 * stale entries. Each call re-initialises the engine with the call's key, which also discards any
 * state a previous, failed call may have left.
 */
abstract class AlgorithmVerifier {

    /**
     * Whether {@code signature} is valid for {@code data[off, off+len)} under {@code key}; false if
     * the key does not fit the algorithm or the signature is of the wrong length. May throw; the
     * backend turns every exception into {@code false}.
     */
    abstract boolean verify(JcaKey key, byte[] data, int off, int len, byte[] signature) throws GeneralSecurityException;

    /** One {@link Signature} per thread, created on that thread's first use. */
    static ThreadLocal<Signature> perThread(String algorithm, Provider provider) {
        return ThreadLocal.withInitial(() -> {
            try {
                return Signature.getInstance(algorithm, provider);
            } catch (NoSuchAlgorithmException e) {
                // Probed when the backend was built; a provider that changes its mind is broken.
                throw new IllegalStateException(provider.getName() + " no longer offers " + algorithm, e);
            }
        });
    }
}
