package dev.sigil.testkit;

import dev.sigil.jwt.JwsAlgorithm;
import dev.sigil.spi.CryptoBackend;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What the {@link CryptoBackend} javadoc promises, as JUnit Jupiter tests on keys and signatures
 * made outside the backend: the common base of {@link CryptoBackendVerificationContract} and
 * {@link CryptoBackendImportContract}. Where {@link CryptoBackendConformance} holds a backend to
 * Wycheproof's vectors, these kits hold it to freshly generated keys and hand-made edge cases.
 *
 * <h2>Use</h2>
 *
 * Extend each kit with a few lines: {@link #newBackend()} builds the backend exactly as an
 * application would. Two optional hooks widen what the kits can check:
 * {@link #signerBeyondTheJdk(JwsAlgorithm)} for algorithms the JDK cannot sign, and
 * {@link #newBackendWithMinimumRsaKeySize(int)} for a backend whose RSA policy is configurable.
 *
 * <h2>Which algorithms</h2>
 *
 * Every case is parameterised over {@link CryptoBackend#algorithms()}: a case whose algorithm the
 * backend does not claim is not generated, and a case it claims but that no signer can sign is
 * skipped with that reason, visibly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CryptoBackendContract {

    private CryptoBackend backend;
    private KeyPair rsa;

    /** Creates the backend under test; called once per test class, and again where a case needs a second instance. */
    protected abstract CryptoBackend newBackend();

    /**
     * A signer with a fresh key for {@code alg}, an algorithm the JDK cannot sign, or empty (the
     * default): ES256K cases are then skipped even if the backend claims ES256K. Each call returns
     * a new key.
     */
    protected Optional<JwsSigner> signerBeyondTheJdk(JwsAlgorithm alg) throws GeneralSecurityException {
        return Optional.empty();
    }

    /**
     * The backend under test with its minimum RSA modulus set to {@code bits}, or empty (the
     * default) if it has no such setting; the cases that need one are then skipped.
     */
    protected Optional<CryptoBackend> newBackendWithMinimumRsaKeySize(int bits) {
        return Optional.empty();
    }

    /** The backend under test. */
    protected final CryptoBackend backend() {
        return backend;
    }

    @BeforeAll
    final void createBackend() {
        backend = newBackend();
        if (backend == null) {
            throw new IllegalStateException("newBackend() returned null");
        }
    }

    final boolean supports(JwsAlgorithm alg) {
        return backend.algorithms().contains(alg);
    }

    final void assumeSupports(JwsAlgorithm alg) {
        Assumptions.assumeTrue(supports(alg), () -> "skipped: unsupported: backend '" + backend.name()
                + "' does not claim " + alg);
    }

    /** A signer with a fresh key (RSA: the class's shared 2048-bit pair, which is slow to make). */
    final JwsSigner signer(JwsAlgorithm alg) throws GeneralSecurityException {
        return signer(alg, false);
    }

    /** A signer for {@code alg}; {@code freshRsa}: a new RSA pair rather than the shared one. */
    final JwsSigner signer(JwsAlgorithm alg, boolean freshRsa) throws GeneralSecurityException {
        if (!GeneratedKeys.SIGNABLE.contains(alg)) {
            Optional<JwsSigner> supplied = signerBeyondTheJdk(alg);
            Assumptions.assumeTrue(supplied.isPresent(), () -> "skipped: the JDK cannot sign " + alg
                    + " and signerBeyondTheJdk(" + alg + ") supplied no signer");
            return supplied.get();
        }
        if (alg.family() == JwsAlgorithm.Family.RSA || alg.family() == JwsAlgorithm.Family.RSA_PSS) {
            return GeneratedKeys.rsaSigner(alg, freshRsa ? GeneratedKeys.generate("RSA", 2048) : sharedRsa());
        }
        return GeneratedKeys.signer(alg);
    }

    final KeyPair sharedRsa() throws GeneralSecurityException {
        if (rsa == null) {
            rsa = GeneratedKeys.generate("RSA", 2048);
        }
        return rsa;
    }

    final CryptoBackend backendWithMinimumRsaKeySize(int bits) {
        Optional<CryptoBackend> lenient = newBackendWithMinimumRsaKeySize(bits);
        Assumptions.assumeTrue(lenient.isPresent(), () -> "skipped: backend '" + backend.name()
                + "' has no newBackendWithMinimumRsaKeySize(" + bits + ")");
        return lenient.get();
    }
}
