package dev.sigil.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.KeyImportException;
import dev.sigil.spi.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Several {@link CryptoBackend}s must give the same answer to the same question: every Wycheproof
 * vector of {@link CryptoBackendConformance} (ML-DSA's included), and tokens freshly signed by the
 * JDK for every algorithm it signs (ML-DSA from JDK 24), intact and tampered. A JUnit Jupiter
 * class to extend in a module that has all the backends on its test class path.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * class JcaAndBouncyCastleAgreementTest extends CryptoBackendAgreement {
 *     @Override
 *     protected List<CryptoBackend> backends() {
 *         return List.of(new JcaCryptoBackend(), new BouncyCastleCryptoBackend());
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #backends()} is called once per test class. Each question is put to the backends that
 * claim its algorithm; with fewer than two of them it is skipped, visibly. "The same answer" is the
 * same verdict, accepted or not: one backend refusing a key at import and another rejecting the
 * signature agree. The only tolerance is the conformance policy's own: where it lets a backend refuse
 * a key (RSA e = 3), each backend need only meet that policy. Conformance to the policy itself is
 * {@link CryptoBackendConformance}'s job; run both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Tagged so that .ci/run's JDK 25 pass runs it again, where backend-jca has ML-DSA to compare.
@Tag("conformance")
public abstract class CryptoBackendAgreement {

    private final VectorTally tally = new VectorTally();
    private List<CryptoBackend> backends;

    /** {@return the backends to compare, at least two; called once, before the first test of the class} */
    protected abstract List<CryptoBackend> backends();

    @BeforeAll
    final void createBackends() {
        backends = List.copyOf(backends());
        if (backends.size() < 2) {
            throw new IllegalStateException("backends() must return at least two backends, got " + backends.size());
        }
    }

    @AfterAll
    final void reportCounts() {
        StringBuilder names = new StringBuilder();
        for (CryptoBackend backend : backends) {
            names.append(names.length() == 0 ? "" : "+").append(backend.name());
        }
        tally.summary(names.toString(), "agreement").forEach(System.out::println);
    }

    private List<CryptoBackend> claiming(JwsAlgorithm alg) {
        List<CryptoBackend> claiming = new ArrayList<>();
        for (CryptoBackend backend : backends) {
            if (backend.algorithms().contains(alg)) {
                claiming.add(backend);
            }
        }
        return claiming;
    }

    private List<CryptoBackend> assumeTwoClaim(String family, JwsAlgorithm alg) {
        List<CryptoBackend> claiming = claiming(alg);
        if (claiming.size() < 2) {
            tally.skipped(family, alg.joseName() + " claimed by fewer than two backends");
            Assumptions.abort("skipped: unsupported: fewer than two backends claim " + alg);
        }
        tally.started(family, false);
        return claiming;
    }

    @TestFactory
    Stream<DynamicNode> wycheproofSignatureVectorsGetOneVerdictFromEveryBackend() {
        List<DynamicNode> containers = new ArrayList<>();
        List<WycheproofSignatures.Family> families = new ArrayList<>(WycheproofSignatures.all());
        families.addAll(WycheproofSignatures.ML_DSA);
        for (WycheproofSignatures.Family family : families) {
            tally.family(family.name(), false);
            List<DynamicTest> tests = new ArrayList<>();
            for (SignatureVector vector : WycheproofSignatures.load(family)) {
                tests.add(DynamicTest.dynamicTest(vector.displayName(), () -> {
                    if (vector.expected() == Expectation.NOT_APPLICABLE) {
                        tally.notApplicable(vector.family(), vector.why());
                        Assumptions.abort("skipped: not applicable: " + vector.why());
                    }
                    List<CryptoBackend> claiming = assumeTwoClaim(vector.family(), vector.algorithm());
                    Map<String, Outcome> outcomes = new LinkedHashMap<>();
                    for (CryptoBackend backend : claiming) {
                        // ML-DSA keys are judged by a verifier's key filter, as in CryptoBackendConformance:
                        // t1 = 0 is refused in core, before any backend sees the key.
                        outcomes.put(backend.name() + "@" + claiming.indexOf(backend),
                                vector.algorithm().family() == JwsAlgorithm.Family.ML_DSA
                                        ? Verdicts.throughVerifier(backend, vector) : Verdicts.of(backend, vector));
                    }
                    assertAgree(vector.id() + " " + vector.comment(), vector.expected(), outcomes);
                    tally.passed(vector.family());
                }));
            }
            containers.add(DynamicContainer.dynamicContainer(family.file(), tests));
        }
        return containers.stream();
    }

    @TestFactory
    Stream<DynamicNode> wycheproofJoseVectorsGetOneVerdictFromEveryBackend() {
        List<DynamicNode> containers = new ArrayList<>();
        for (String family : WycheproofJose.FAMILIES) {
            tally.family(family, false);
            List<DynamicTest> tests = new ArrayList<>();
            for (JoseVector vector : WycheproofJose.load(family)) {
                tests.add(DynamicTest.dynamicTest(vector.displayName(), () -> {
                    // A token whose header names no known algorithm is put to every backend: all must refuse it.
                    List<CryptoBackend> claiming = Verdicts.headerAlgorithm(vector.token())
                            .map(alg -> assumeTwoClaim(family, alg)).orElse(null);
                    if (claiming == null) {
                        tally.started(family, false);
                        claiming = backends;
                    }
                    Map<String, Outcome> outcomes = new LinkedHashMap<>();
                    for (int i = 0; i < claiming.size(); i++) {
                        outcomes.put(claiming.get(i).name() + "@" + i, Verdicts.of(claiming.get(i), vector.keySet(), vector.token()));
                    }
                    assertAgree(vector.id() + " " + vector.comment(), vector.expected(), outcomes);
                    tally.passed(family);
                }));
            }
            containers.add(DynamicContainer.dynamicContainer(family + "_test.json", tests));
        }
        return containers.stream();
    }

    @TestFactory
    Stream<DynamicNode> freshlySignedTokensGetOneVerdictFromEveryBackend() throws GeneralSecurityException {
        String family = "generated";
        tally.family(family, false);
        // One RSA key serves RS* and PS*: generating keys is the slow part.
        KeyPair rsa = GeneratedKeys.generate("RSA", 2048);
        List<DynamicNode> containers = new ArrayList<>();
        // ML-DSA always has its tests, skipped with a reason where the JDK cannot sign it (before
        // JDK 24) or fewer than two backends claim it (backend-jca before JDK 24).
        List<JwsAlgorithm> algs = new ArrayList<>(GeneratedKeys.SIGNABLE);
        for (JwsAlgorithm alg : GeneratedKeys.ML_DSA) {
            if (!algs.contains(alg)) {
                algs.add(alg);
            }
        }
        for (JwsAlgorithm alg : algs) {
            List<DynamicTest> tests = new ArrayList<>();
            GeneratedKeys.Signer signer = !GeneratedKeys.SIGNABLE.contains(alg) ? null
                    : alg.family() == JwsAlgorithm.Family.RSA || alg.family() == JwsAlgorithm.Family.RSA_PSS
                    ? GeneratedKeys.rsaSigner(alg, rsa) : GeneratedKeys.signer(alg);
            byte[] message = ("eyJhbGciOiJ" + alg + "In0.eyJzdWIiOiJhZ3JlZW1lbnQifQ").getBytes(StandardCharsets.US_ASCII);
            byte[] signature = signer == null ? null : signer.sign(message);
            for (Tampering tampering : Tampering.values()) {
                tests.add(DynamicTest.dynamicTest(alg + " " + tampering.description, () -> {
                    if (signer == null) {
                        tally.skipped(family, alg.joseName() + " cannot be signed by this JDK");
                        Assumptions.abort("skipped: the JDK cannot sign " + alg + " (its ML-DSA arrived in JDK 24)");
                    }
                    List<CryptoBackend> claiming = assumeTwoClaim(family, alg);
                    byte[] data = tampering.message(message);
                    byte[] sig = tampering.signature(signature);
                    Map<String, Outcome> outcomes = new LinkedHashMap<>();
                    for (int i = 0; i < claiming.size(); i++) {
                        outcomes.put(claiming.get(i).name() + "@" + i, verdict(claiming.get(i), signer, alg, data, sig));
                    }
                    if (tampering == Tampering.NONE) {
                        assertTrue(outcomes.values().stream().allMatch(Outcome::isAccepted),
                                alg + ": every backend must verify the JDK's own signature: " + outcomes);
                    } else {
                        assertTrue(outcomes.values().stream().noneMatch(Outcome::isAccepted),
                                alg + " " + tampering.description + ": every backend must refuse it: " + outcomes);
                    }
                    assertAgree(alg + " " + tampering.description, Expectation.REJECT, outcomes);
                    tally.passed(family);
                }));
            }
            containers.add(DynamicContainer.dynamicContainer(alg.joseName(), tests));
        }
        return containers.stream();
    }

    private static Outcome verdict(CryptoBackend backend, GeneratedKeys.Signer signer, JwsAlgorithm alg, byte[] data,
            byte[] signature) {
        VerificationKey key;
        try {
            key = backend.importKey(signer.keyParameters());
        } catch (KeyImportException e) {
            return Outcome.keyRefused(e.getMessage());
        }
        // Off the start of a larger buffer, as the verifier passes a token's signing input.
        byte[] buffer = new byte[data.length + 5];
        System.arraycopy(data, 0, buffer, 2, data.length);
        return backend.verify(alg, key, buffer, 2, data.length, signature) ? Outcome.accepted() : Outcome.rejected("");
    }

    private static void assertAgree(String what, Expectation policy, Map<String, Outcome> outcomes) {
        if (policy == Expectation.ACCEPT_OR_KEY_REFUSED || policy == Expectation.ACCEPT_OR_REJECT) {
            outcomes.forEach((backend, outcome) -> assertTrue(policy.admits(outcome),
                    what + ": " + backend + " gave " + outcome + ", which the policy does not allow"));
            return;
        }
        boolean first = outcomes.values().iterator().next().isAccepted();
        for (Outcome outcome : outcomes.values()) {
            if (outcome.isAccepted() != first) {
                fail(what + ": backends disagree: " + outcomes);
            }
        }
    }

    /** What is done to a good signature or its message; every variant but NONE must be refused. */
    private enum Tampering {
        NONE("as signed"),
        FIRST_SIGNATURE_BIT("first bit of the signature flipped"),
        LAST_SIGNATURE_BIT("last bit of the signature flipped"),
        MESSAGE_BIT("one bit of the message flipped"),
        SIGNATURE_TRUNCATED("signature one byte short"),
        SIGNATURE_EXTENDED("signature with a zero byte appended"),
        SIGNATURE_ZERO("signature all zeros"),
        SIGNATURE_EMPTY("signature empty"),
        HALVES_SWAPPED("signature halves swapped");

        final String description;

        Tampering(String description) {
            this.description = description;
        }

        byte[] message(byte[] message) {
            byte[] copy = message.clone();
            if (this == MESSAGE_BIT) {
                copy[copy.length / 2] ^= 0x10;
            }
            return copy;
        }

        byte[] signature(byte[] signature) {
            byte[] copy = signature.clone();
            switch (this) {
                case FIRST_SIGNATURE_BIT:
                    copy[0] ^= (byte) 0x80;
                    return copy;
                case LAST_SIGNATURE_BIT:
                    copy[copy.length - 1] ^= 1;
                    return copy;
                case SIGNATURE_TRUNCATED:
                    return Arrays.copyOf(signature, signature.length - 1);
                case SIGNATURE_EXTENDED:
                    return Arrays.copyOf(signature, signature.length + 1);
                case SIGNATURE_ZERO:
                    return new byte[signature.length];
                case SIGNATURE_EMPTY:
                    return new byte[0];
                case HALVES_SWAPPED:
                    int half = signature.length / 2;
                    byte[] swapped = new byte[signature.length];
                    System.arraycopy(signature, half, swapped, 0, signature.length - half);
                    System.arraycopy(signature, 0, swapped, signature.length - half, half);
                    return swapped;
                default:
                    return copy;
            }
        }
    }
}
