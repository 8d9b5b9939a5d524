package dev.sigil.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link CryptoBackend#verify} on engines an earlier call left behind. Backends keep pooled engines
 * per algorithm, shared by threads, each still initialised with the key of its last call, and skip
 * the costly initialisation when the same key comes again (HMAC engines likewise stay unreset after
 * a clean call). That is only sound if nothing of one call reaches the next: not its key, not the
 * input of a call that returned false, and not the input a call that threw part-way through left
 * inside the engine. A slip here is silent and dangerous: a signature verifying under a key that
 * did not make it, or a valid one refused until that engine happens to be re-initialised.
 *
 * <p>Every case runs on one thread through one backend, so each call after the first finds an
 * engine some earlier call prepared (a lone thread gets back the engine it returned), and checks
 * that a signature verifies under its own key only, over the call's own data only, whatever key,
 * algorithm name or failure came before: keys taking turns (with a second import of the same JWK, a
 * distinct key object the engine must not take for the one it holds), signatures refused at every
 * stage (lengths, ranges, values the engine rejects or throws on) each followed by the valid one
 * and by tampering, the call's own data range and empty input, RSASSA-PSS and PKCS#1 v1.5 taking
 * turns on one RSA key, and the {@code EdDSA} and {@code Ed25519} names taking turns on one Ed25519
 * key. Keys and signatures are real, made outside the backend; every algorithm the backend claims
 * is covered (EdDSA with an Ed25519 and an Ed448 key), and a case it claims but no signer can sign
 * is skipped, visibly.
 *
 * <pre>{@code
 * class JcaEngineReuseContractTest extends CryptoBackendEngineReuseContract {
 *     @Override
 *     protected CryptoBackend newBackend() {
 *         return new JcaCryptoBackend();
 *     }
 * }
 * }</pre>
 */
public abstract class CryptoBackendEngineReuseContract extends CryptoBackendContract {

    private static final byte[] DATA = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9".getBytes(StandardCharsets.US_ASCII);

    /** A case's body: the algorithm and a way to sign with a key of the case's kind (EdDSA: its curve). */
    @FunctionalInterface
    private interface CaseBody {
        void run(JwsAlgorithm alg, SignerSource signers) throws Throwable;
    }

    @FunctionalInterface
    private interface SignerSource {
        /**
         * A signer whose key no other call with the other {@code second} returned; RSA keys are
         * otherwise shared, being slow to make (every other kind is fresh on every call).
         */
        JwsSigner signer(boolean second) throws GeneralSecurityException;
    }

    /** The second shared RSA pair, for the cases that need two RSA keys. */
    private KeyPair secondRsa;

    /**
     * One test per algorithm the backend claims, in {@link JwsAlgorithm}'s order; EdDSA twice, with
     * an Ed25519 key and (if the backend claims Ed448) an Ed448 key.
     */
    private Stream<DynamicTest> forEachCase(CaseBody body) {
        List<DynamicTest> tests = new ArrayList<>();
        for (JwsAlgorithm alg : JwsAlgorithm.values()) {
            if (!supports(alg)) {
                continue;
            }
            if (alg == JwsAlgorithm.EdDSA) {
                for (String curve : supports(JwsAlgorithm.Ed448) ? List.of("Ed25519", "Ed448") : List.of("Ed25519")) {
                    SignerSource signers = second -> GeneratedKeys.eddsaSigner(JwsAlgorithm.EdDSA, curve);
                    tests.add(DynamicTest.dynamicTest("EdDSA with " + curve, () -> body.run(alg, signers)));
                }
            } else {
                SignerSource signers = second -> oneOfTwoSigners(alg, second);
                tests.add(DynamicTest.dynamicTest(alg.joseName(), () -> body.run(alg, signers)));
            }
        }
        return tests.stream();
    }

    /** A signer for {@code alg}: RSA over one of two shared pairs, any other kind with a fresh key. */
    private JwsSigner oneOfTwoSigners(JwsAlgorithm alg, boolean second) throws GeneralSecurityException {
        if (alg.family() == JwsAlgorithm.Family.RSA || alg.family() == JwsAlgorithm.Family.RSA_PSS) {
            return GeneratedKeys.rsaSigner(alg, second ? secondRsa() : sharedRsa());
        }
        return signer(alg);
    }

    private KeyPair secondRsa() throws GeneralSecurityException {
        if (secondRsa == null) {
            secondRsa = GeneratedKeys.generate("RSA", 2048);
        }
        return secondRsa;
    }

    private boolean verify(JwsAlgorithm alg, VerificationKey key, byte[] data, byte[] signature) {
        return verifyBothWays(alg, key, data, signature);
    }

    // ---- Keys taking turns --------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> alternatingKeysEachSignatureVerifiesUnderItsOwnKeyOnly() {
        return forEachCase((alg, signers) -> {
            JwsSigner a = signers.signer(false);
            JwsSigner b = signers.signer(true);
            VerificationKey keyA = backend().importKey(a.keyParameters());
            VerificationKey keyB = backend().importKey(b.keyParameters());
            // Another import of A's JWK: the same key in a different object, which an engine must
            // take for a different key and initialise with, getting the same answers.
            VerificationKey keyA2 = backend().importKey(a.keyParameters());
            byte[] signedByA = a.sign(DATA);
            byte[] signedByB = b.sign(DATA);
            // Repeats take the path that skips initialisation, changes the one that must not skip it.
            VerificationKey[] order = {keyA, keyA, keyB, keyB, keyA, keyB, keyA2, keyA, keyA2, keyB};
            for (int i = 0; i < order.length; i++) {
                VerificationKey key = order[i];
                boolean isB = key == keyB;
                byte[] own = isB ? signedByB : signedByA;
                byte[] other = isB ? signedByA : signedByB;
                assertTrue(verify(alg, key, DATA, own), "call " + i + ": its own signature");
                assertFalse(verify(alg, key, DATA, other), "call " + i + ": the other key's signature");
                assertTrue(verify(alg, key, DATA, own), "call " + i + ": its own signature after a refusal");
            }
        });
    }

    // ---- Failed calls -------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> afterRefusedSignaturesTheSameKeyStillVerifiesAndStillRefusesTampering() {
        return forEachCase((alg, signers) -> {
            JwsSigner signer = signers.signer(false);
            VerificationKey key = backend().importKey(signer.keyParameters());
            byte[] signature = signer.sign(DATA);
            assertVerifiesAndRefusesTampering(alg, key, signature);
            for (byte[] bad : refusedSignatures(signature)) {
                assertFalse(verify(alg, key, DATA, bad), () -> "bad signature " + WycheproofSignatures.b64(bad));
                assertVerifiesAndRefusesTampering(alg, key, signature);
            }
        });
    }

    private void assertVerifiesAndRefusesTampering(JwsAlgorithm alg, VerificationKey key, byte[] signature) {
        assertTrue(verify(alg, key, DATA, signature), "the valid signature");
        byte[] data = DATA.clone();
        data[data.length - 1] ^= 1;
        assertFalse(verify(alg, key, data, signature), "tampered data");
        byte[] tampered = signature.clone();
        tampered[tampered.length / 4] ^= 0x10;
        assertFalse(verify(alg, key, DATA, tampered), "a tampered signature");
        assertTrue(verify(alg, key, DATA, signature), "the valid signature again");
    }

    /**
     * Signatures of the same length as {@code valid} or one byte off, each refused at some stage:
     * before any engine (lengths, ECDSA's range check), by the engine returning false, or by the
     * engine failing inside (RSA values above the modulus, EdDSA encodings that are no point or an
     * S of n or more, on which some engines throw with the call's input still inside): all zeros,
     * all ones, the first or the second half set to ones, the last bit flipped, one byte short,
     * one byte long, and random bytes. Public for a backend's own tests of its engines.
     *
     * @param valid a valid signature, whose length the refused ones follow
     * @return the refused signatures, new arrays
     */
    public static List<byte[]> refusedSignatures(byte[] valid) {
        int n = valid.length;
        List<byte[]> bad = new ArrayList<>();
        bad.add(new byte[n]);
        byte[] ones = new byte[n];
        Arrays.fill(ones, (byte) 0xff);
        bad.add(ones);
        byte[] highSecondHalf = valid.clone();
        Arrays.fill(highSecondHalf, n / 2, n, (byte) 0xff);
        bad.add(highSecondHalf);
        byte[] highFirstHalf = valid.clone();
        Arrays.fill(highFirstHalf, 0, n / 2, (byte) 0xff);
        bad.add(highFirstHalf);
        byte[] lastBit = valid.clone();
        lastBit[n - 1] ^= 1;
        bad.add(lastBit);
        bad.add(Arrays.copyOf(valid, n - 1));
        bad.add(Arrays.copyOf(valid, n + 1));
        bad.add(GeneratedKeys.randomBytes(n));
        return bad;
    }

    // ---- Input --------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> aReadyEngineTakesTheCallsOwnRangeAndEmptyInput() {
        return forEachCase((alg, signers) -> {
            JwsSigner signer = signers.signer(false);
            VerificationKey key = backend().importKey(signer.keyParameters());
            byte[] signature = signer.sign(DATA);
            byte[] empty = signer.sign(new byte[0]);
            byte[] padded = new byte[DATA.length + 10];
            System.arraycopy(DATA, 0, padded, 7, DATA.length);
            for (int i = 0; i < 3; i++) {
                assertTrue(verify(alg, key, DATA, signature), "round " + i);
                assertTrue(backend().verify(alg, key, padded, 7, DATA.length, signature), "round " + i);
                assertFalse(backend().verify(alg, key, padded, 6, DATA.length, signature), "round " + i);
                // Nothing of the previous call's input may be left for this one, which has none.
                assertTrue(backend().verify(alg, key, padded, 3, 0, empty), "round " + i);
                assertFalse(backend().verify(alg, key, padded, 3, 0, signature), "round " + i);
                assertFalse(verify(alg, key, DATA, empty), "round " + i);
            }
        });
    }

    // ---- Algorithm names taking turns on one key ----------------------------------------------

    @Test
    void pssAndPkcs1OnOneRsaKeyTakeTurns() throws Exception {
        assumeSupports(JwsAlgorithm.RS256);
        assumeSupports(JwsAlgorithm.PS256);
        assumeSupports(JwsAlgorithm.PS384);
        JwsSigner rs256 = GeneratedKeys.rsaSigner(JwsAlgorithm.RS256, sharedRsa());
        VerificationKey key = backend().importKey(rs256.keyParameters());
        byte[] pkcs1 = rs256.sign(DATA);
        byte[] ps256 = GeneratedKeys.rsaSigner(JwsAlgorithm.PS256, sharedRsa()).sign(DATA);
        byte[] ps384 = GeneratedKeys.rsaSigner(JwsAlgorithm.PS384, sharedRsa()).sign(DATA);
        for (int i = 0; i < 3; i++) {
            assertTrue(verify(JwsAlgorithm.PS256, key, DATA, ps256), "round " + i);
            assertTrue(verify(JwsAlgorithm.RS256, key, DATA, pkcs1), "round " + i);
            assertFalse(verify(JwsAlgorithm.RS256, key, DATA, ps256), "round " + i);
            assertFalse(verify(JwsAlgorithm.PS256, key, DATA, pkcs1), "round " + i);
            assertTrue(verify(JwsAlgorithm.PS384, key, DATA, ps384), "round " + i);
            assertFalse(verify(JwsAlgorithm.PS256, key, DATA, ps384), "round " + i);
            assertFalse(verify(JwsAlgorithm.PS384, key, DATA, ps256), "round " + i);
            assertTrue(verify(JwsAlgorithm.PS256, key, DATA, ps256), "round " + i);
        }
    }

    @Test
    void edDsaAndEd25519NamesOnOneKeyTakeTurns() throws Exception {
        assumeSupports(JwsAlgorithm.EdDSA);
        assumeSupports(JwsAlgorithm.Ed25519);
        JwsSigner a = GeneratedKeys.eddsaSigner(JwsAlgorithm.EdDSA, "Ed25519");
        JwsSigner b = GeneratedKeys.eddsaSigner(JwsAlgorithm.EdDSA, "Ed25519");
        VerificationKey keyA = backend().importKey(a.keyParameters());
        VerificationKey keyB = backend().importKey(b.keyParameters());
        byte[] signedByA = a.sign(DATA);
        byte[] signedByB = b.sign(DATA);
        for (int i = 0; i < 3; i++) {
            assertTrue(verify(JwsAlgorithm.EdDSA, keyA, DATA, signedByA), "round " + i);
            assertTrue(verify(JwsAlgorithm.Ed25519, keyA, DATA, signedByA), "round " + i);
            assertFalse(verify(JwsAlgorithm.Ed25519, keyA, DATA, signedByB), "round " + i);
            // Ed448 names the other curve: an Ed25519 key is never one, whatever engine is ready.
            assertFalse(verify(JwsAlgorithm.Ed448, keyA, DATA, signedByA), "round " + i);
            assertTrue(verify(JwsAlgorithm.Ed25519, keyB, DATA, signedByB), "round " + i);
            assertFalse(verify(JwsAlgorithm.EdDSA, keyB, DATA, signedByA), "round " + i);
            assertTrue(verify(JwsAlgorithm.EdDSA, keyB, DATA, signedByB), "round " + i);
        }
    }
}
