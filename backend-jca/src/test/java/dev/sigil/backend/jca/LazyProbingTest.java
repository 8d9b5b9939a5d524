package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.JwsAlgorithm.Family;
import dev.sigil.spi.VerificationKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The backend probes an algorithm family only when something first needs it, and what it then
 * finds is what probing everything at once finds: a verifier of RS256 tokens leaves the other
 * families unprobed, through key import, verification and the header rules.
 */
class LazyProbingTest {

    private static final Set<Family> EVERY_FAMILY = EnumSet.allOf(Family.class);

    private static Set<Family> probed(JcaCryptoBackend backend) {
        Set<Family> probed = EnumSet.noneOf(Family.class);
        for (Family family : Family.values()) {
            if (backend.probed(family)) {
                probed.add(family);
            }
        }
        return probed;
    }

    @Test
    void aNewBackendHasProbedNothingAndEachQuestionProbesOneFamily() {
        JcaCryptoBackend backend = new JcaCryptoBackend();
        assertEquals(Set.of(), probed(backend));
        assertTrue(backend.supports(JwsAlgorithm.RS256));
        assertEquals(Set.of(Family.RSA), probed(backend));
        assertFalse(backend.supports(JwsAlgorithm.ES256K), "never on backend-jca");
        assertEquals(Set.of(Family.RSA, Family.ECDSA), probed(backend));
        assertFalse(backend.supports(null));
        assertEquals(new JcaCryptoBackend().algorithms(), backend.algorithms());
        assertEquals(EVERY_FAMILY, probed(backend));
    }

    @Test
    void everyAlgorithmIsAnsweredAsAllAtOnceWouldAnswerIt() {
        Set<JwsAlgorithm> all = new JcaCryptoBackend().algorithms();
        for (JwsAlgorithm alg : JwsAlgorithm.values()) {
            JcaCryptoBackend fresh = new JcaCryptoBackend();
            assertEquals(all.contains(alg), fresh.supports(alg), alg.name());
            assertEquals(EnumSet.of(alg.family()), probed(fresh), alg.name());
        }
    }

    @Test
    void anRs256VerifierProbesTheRsaFamilyAloneEvenForAHostileHeader() throws Exception {
        Mint.Signer rsa = Mint.signer(JwsAlgorithm.RS256);
        for (boolean listed : new boolean[] {true, false}) {
            JcaCryptoBackend backend = new JcaCryptoBackend();
            JwtVerifier.Builder builder = JwtVerifier.builder().issuer(Mint.ISSUER).audience(Mint.AUDIENCE)
                    .keys(rsa.keySet()).cryptoBackend(backend).clock(Mint.clock());
            JwtVerifier verifier = (listed ? builder.algorithms(JwsAlgorithm.RS256) : builder).build();
            assertEquals("auth0|5f7c8ec7c33c6c004bbafe82",
                    verifier.verify(rsa.mint(Mint.claims().build())).claims().subject().orElseThrow());
            assertEquals(Set.of(Family.RSA), probed(backend), listed ? "algorithms(RS256)" : "default algorithms");

            // A token naming another family has the backend probe that family once, to word its refusal.
            String es256 = Mint.signer(JwsAlgorithm.ES256).mint(Mint.claims().build());
            JwtVerificationException refused = assertThrows(JwtVerificationException.class, () -> verifier.verify(es256));
            assertEquals(listed ? Reason.ALGORITHM_NOT_ALLOWED : Reason.KEY_NOT_FOUND, refused.reason());
            assertEquals(Set.of(Family.RSA, Family.ECDSA), probed(backend));

            // Asking the verifier for its algorithms probes the rest, and answers as before.
            Set<JwsAlgorithm> expected = EnumSet.noneOf(JwsAlgorithm.class);
            for (JwsAlgorithm alg : new JcaCryptoBackend().algorithms()) {
                if (listed ? alg == JwsAlgorithm.RS256 : !alg.isSymmetric()) {
                    expected.add(alg);
                }
            }
            assertEquals(expected, verifier.algorithms());
        }
    }

    @Test
    void aKeyImportProbesNoSignatureFamily() throws Exception {
        JcaCryptoBackend backend = new JcaCryptoBackend();
        VerificationKey ec = backend.importKey(TestKeys.parameters(TestKeys.ec("secp256r1").getPublic()));
        VerificationKey rsa = backend.importKey(TestKeys.parameters(TestKeys.rsa(2048).getPublic()));
        assertEquals(Set.of(), probed(backend));
        // An HMAC secret is keyed for each HMAC algorithm the backend has, which takes the family's probe.
        backend.importKey(TestKeys.octParameters(TestKeys.randomBytes(64)));
        assertEquals(Set.of(Family.HMAC), probed(backend));
        assertFalse(backend.verify(JwsAlgorithm.ES256, ec, new byte[1], 0, 1, new byte[64]));
        assertFalse(backend.verify(JwsAlgorithm.PS256, rsa, "a.b.AAAA", 3));
        assertEquals(Set.of(Family.HMAC, Family.ECDSA, Family.RSA_PSS), probed(backend));
    }

    /** Threads that race to probe the same families of one fresh backend all get the answers of one probe. */
    @Test
    void threadsRacingToProbeAgree() throws Exception {
        Set<JwsAlgorithm> all = new JcaCryptoBackend().algorithms();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                JcaCryptoBackend backend = new JcaCryptoBackend();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Set<JwsAlgorithm>>> answers = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int offset = t;
                    answers.add(pool.submit(() -> {
                        start.await();
                        Set<JwsAlgorithm> supported = EnumSet.noneOf(JwsAlgorithm.class);
                        JwsAlgorithm[] algs = JwsAlgorithm.values();
                        for (int i = 0; i < algs.length; i++) {
                            JwsAlgorithm alg = algs[(i + offset) % algs.length];
                            if (backend.supports(alg)) {
                                supported.add(alg);
                            }
                        }
                        return supported;
                    }));
                }
                start.countDown();
                for (Future<Set<JwsAlgorithm>> answer : answers) {
                    assertEquals(all, answer.get(1, TimeUnit.MINUTES), "round " + round);
                }
                assertEquals(all, backend.algorithms());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
