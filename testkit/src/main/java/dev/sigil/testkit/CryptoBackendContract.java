package dev.sigil.testkit;

import dev.sigil.jwk.DroppedKey;
import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksListener;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.KeyParameters;
import dev.sigil.spi.VerificationKey;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
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
 * application would. An optional hook widens what the kits can check:
 * {@link #signerBeyondTheJdk(JwsAlgorithm)} for algorithms the JDK cannot sign.
 *
 * <h2>Two ways in</h2>
 *
 * A case that is about building and using keys calls {@link CryptoBackend#importKey} with
 * parameters ({@link JwsSigner#keyParameters()}, {@link PublicParameters}). A case that is about
 * refusing keys loads them into a verifier over the backend, the path every key takes in an
 * application: Sigil's core judges the parameters first (sizes, exponents, encodings), and the
 * backend then makes the checks that need arithmetic (point on curve). Either way the refusal is
 * the backend's promise to its users.
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

    /**
     * Creates the backend under test; called once per test class, and again where a case needs a second instance.
     *
     * @return a new backend, configured as an application would use it
     */
    protected abstract CryptoBackend newBackend();

    /**
     * A signer with a fresh key for {@code alg}, an algorithm the JDK cannot sign, or empty (the
     * default): ES256K cases are then skipped even if the backend claims ES256K. Each call returns
     * a new key.
     *
     * @param alg an algorithm the JDK cannot sign, such as {@code ES256K}
     * @return a signer with a fresh key, or empty to skip the cases that need one
     * @throws GeneralSecurityException if making the key fails
     */
    protected Optional<JwsSigner> signerBeyondTheJdk(JwsAlgorithm alg) throws GeneralSecurityException {
        return Optional.empty();
    }

    /** {@return the backend under test} */
    protected final CryptoBackend backend() {
        return backend;
    }

    /**
     * Verifies {@code signature} over all of {@code data} both ways a backend is asked: from arrays,
     * and from the chars of a compact token, {@code data} as the signing input and the signature in
     * base64url ({@link CryptoBackend#verify(JwsAlgorithm, VerificationKey, String, int)}). Fails
     * unless both give the same answer, so every case of a kit holds both ways to its promise.
     *
     * @param alg the algorithm
     * @param key a key the backend imported
     * @param data the signing input; each byte becomes the char of the same value
     * @param signature the signature bytes
     * @return the answer both ways gave
     */
    protected final boolean verifyBothWays(JwsAlgorithm alg, VerificationKey key, byte[] data, byte[] signature) {
        return Verdicts.verifyBothWays(backend, alg, key, data, signature);
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

    /**
     * Loads {@code set} into a verifier over the backend under test (issuer and audience ignored),
     * as an application's static keys are loaded, recording what the verifier dropped and what the
     * backend was asked to build. The set must keep one usable key, or {@code build()} fails.
     *
     * @param configure changes the builder before {@code build()}: a clock, a minimum RSA size
     */
    final LoadedKeys load(JwkSet set, UnaryOperator<JwtVerifier.Builder> configure) {
        List<String> dropped = new ArrayList<>();
        List<KeyParameters> imported = new ArrayList<>();
        JwtVerifier.Builder builder = JwtVerifier.builder().ignoreIssuer().ignoreAudience()
                .cryptoBackend(new RecordingBackend(backend, imported))
                .keys(set)
                .listener(new JwksListener() {
                    @Override
                    public void keyDropped(DroppedKey key) {
                        dropped.add(key.keyId() + ": " + key.reason());
                    }
                });
        return new LoadedKeys(configure.apply(builder).build(), dropped, imported);
    }

    /**
     * What a verifier over the backend makes of {@code keys} beside one good key ({@code kid}
     * {@code good}, ES256 or else RS256, so that {@code build()} succeeds): the reasons it dropped
     * keys for, as {@code kid: reason}.
     */
    final List<String> dropped(UnaryOperator<JwtVerifier.Builder> configure, Jwk... keys) throws GeneralSecurityException {
        Map<String, Object> good = new LinkedHashMap<>(signer(supports(JwsAlgorithm.ES256) ? JwsAlgorithm.ES256
                : JwsAlgorithm.RS256).jwk().asMap());
        good.put("kid", "good");
        List<Jwk> all = new ArrayList<>(List.of(keys));
        all.add(Jwk.of(good));
        return load(JwkSet.of(all), configure).dropped;
    }
}
