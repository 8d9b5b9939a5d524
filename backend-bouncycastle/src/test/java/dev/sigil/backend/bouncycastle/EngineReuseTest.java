package dev.sigil.backend.bouncycastle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwt.JwsAlgorithm;
import dev.sigil.spi.VerificationKey;
import dev.sigil.testkit.JwsSigner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A thread's RSA and ECDSA signers stay initialised with the key of their last call, and its HMAC
 * engines stay unreset after a clean call; none of that may leak into the next call. These tests
 * run on one thread through one backend, so every call after the first finds engines some earlier
 * call left behind: a signature must verify under its own key only, whatever key, algorithm or
 * failure came before. Keys and signatures come from the JDK (secp256k1 from BouncyCastle's
 * signer, as the JDK has none).
 */
class EngineReuseTest {

    private static final byte[] DATA = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9".getBytes(StandardCharsets.US_ASCII);

    private final BouncyCastleCryptoBackend backend = new BouncyCastleCryptoBackend();

    /** Each algorithm, and the algorithm whose key it is given (EdDSA over either curve). */
    static Stream<Arguments> algorithms() {
        return Stream.of(
                Arguments.of(JwsAlgorithm.RS256, JwsAlgorithm.RS256),
                Arguments.of(JwsAlgorithm.PS256, JwsAlgorithm.PS256),
                Arguments.of(JwsAlgorithm.PS512, JwsAlgorithm.PS512),
                Arguments.of(JwsAlgorithm.ES256, JwsAlgorithm.ES256),
                Arguments.of(JwsAlgorithm.ES384, JwsAlgorithm.ES384),
                Arguments.of(JwsAlgorithm.ES512, JwsAlgorithm.ES512),
                Arguments.of(JwsAlgorithm.ES256K, JwsAlgorithm.ES256K),
                Arguments.of(JwsAlgorithm.EdDSA, JwsAlgorithm.Ed25519),
                Arguments.of(JwsAlgorithm.EdDSA, JwsAlgorithm.Ed448),
                Arguments.of(JwsAlgorithm.Ed448, JwsAlgorithm.Ed448),
                Arguments.of(JwsAlgorithm.HS256, JwsAlgorithm.HS256),
                Arguments.of(JwsAlgorithm.HS512, JwsAlgorithm.HS512));
    }

    private static JwsSigner signer(JwsAlgorithm alg, JwsAlgorithm keyAlg) throws GeneralSecurityException {
        if (alg == JwsAlgorithm.ES256K) {
            return new Secp256k1Signer();
        }
        if (alg.family() == JwsAlgorithm.Family.HMAC) {
            return JdkSigner.fresh(alg);
        }
        return JdkSigner.over(alg, JdkSigner.fresh(keyAlg).pair());
    }

    @ParameterizedTest(name = "{0} with a key for {1}")
    @MethodSource("algorithms")
    void alternatingKeysEachSignatureVerifiesUnderItsOwnKeyOnly(JwsAlgorithm alg, JwsAlgorithm keyAlg) throws Exception {
        JwsSigner a = signer(alg, keyAlg);
        JwsSigner b = signer(alg, keyAlg);
        VerificationKey keyA = backend.importKey(a.jwk());
        VerificationKey keyB = backend.importKey(b.jwk());
        // Another import of A's JWK: the same key in a different object, which an engine must
        // take for a different key and initialise with, getting the same answers.
        VerificationKey keyA2 = backend.importKey(a.jwk());
        byte[] signedByA = a.sign(DATA);
        byte[] signedByB = b.sign(DATA);
        // Repeats take the path that skips init, changes the one that must not skip it.
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
    }

    @ParameterizedTest(name = "{0} with a key for {1}")
    @MethodSource("algorithms")
    void afterRefusedSignaturesTheSameKeyStillVerifiesAndStillRefusesTampering(JwsAlgorithm alg, JwsAlgorithm keyAlg)
            throws Exception {
        JwsSigner signer = signer(alg, keyAlg);
        VerificationKey key = backend.importKey(signer.jwk());
        byte[] signature = signer.sign(DATA);
        assertVerifiesAndRefusesTampering(alg, key, signature);
        for (byte[] bad : badSignatures(signature)) {
            assertFalse(verify(alg, key, DATA, bad), () -> "bad signature " + Arrays.toString(bad));
            assertVerifiesAndRefusesTampering(alg, key, signature);
        }
    }

    @ParameterizedTest(name = "{0} with a key for {1}")
    @MethodSource("algorithms")
    void aCallThatThrowsHalfwayThroughItsInputLeavesNothingBehind(JwsAlgorithm alg, JwsAlgorithm keyAlg) throws Exception {
        JwsSigner signer = signer(alg, keyAlg);
        BcKey key = (BcKey) backend.importKey(signer.jwk());
        byte[] signature = signer.sign(DATA);
        // The backend's range checks keep a bad range from ever reaching an engine; straight at a
        // verifier, a range past the end of the array makes BouncyCastle's digests throw after
        // hashing part of it: the one way to make the engines fail with input half taken.
        AlgorithmVerifier verifier = new VerifierTable(curves()).verifier(alg);
        byte[] padded = Arrays.copyOf(DATA, DATA.length + 200);
        for (int i = 0; i < 3; i++) {
            assertTrue(verifier.verify(key, DATA, 0, DATA.length, signature), "before throw " + i);
            assertThrows(RuntimeException.class, () -> verifier.verify(key, padded, 0, padded.length + 64, signature));
            assertTrue(verifier.verify(key, DATA, 0, DATA.length, signature), "after throw " + i);
            assertThrows(RuntimeException.class, () -> verifier.verify(key, padded, 0, padded.length + 64, signature));
            assertFalse(verifier.verify(key, DATA, 0, DATA.length - 1, signature), "after throw " + i);
        }
    }

    @ParameterizedTest(name = "{0} with a key for {1}")
    @MethodSource("algorithms")
    void aReadyEngineTakesTheCallsOwnRangeAndEmptyInput(JwsAlgorithm alg, JwsAlgorithm keyAlg) throws Exception {
        JwsSigner signer = signer(alg, keyAlg);
        VerificationKey key = backend.importKey(signer.jwk());
        byte[] signature = signer.sign(DATA);
        byte[] empty = signer.sign(new byte[0]);
        byte[] padded = new byte[DATA.length + 10];
        System.arraycopy(DATA, 0, padded, 7, DATA.length);
        for (int i = 0; i < 3; i++) {
            assertTrue(verify(alg, key, DATA, signature));
            assertTrue(backend.verify(alg, key, padded, 7, DATA.length, signature));
            assertFalse(backend.verify(alg, key, padded, 6, DATA.length, signature));
            // Nothing of the previous call's input may be left for this one, which has none.
            assertTrue(backend.verify(alg, key, padded, 3, 0, empty));
            assertFalse(backend.verify(alg, key, padded, 3, 0, signature));
            assertFalse(verify(alg, key, DATA, empty));
        }
    }

    @Test
    void pssAndPkcs1OnOneRsaKeyTakeTurns() throws Exception {
        KeyPair pair = JdkSigner.fresh(JwsAlgorithm.RS256).pair();
        JdkSigner rs256 = JdkSigner.over(JwsAlgorithm.RS256, pair);
        VerificationKey key = backend.importKey(rs256.jwk());
        byte[] ps256 = JdkSigner.over(JwsAlgorithm.PS256, pair).sign(DATA);
        byte[] ps384 = JdkSigner.over(JwsAlgorithm.PS384, pair).sign(DATA);
        byte[] pkcs1 = rs256.sign(DATA);
        for (int i = 0; i < 3; i++) {
            assertTrue(verify(JwsAlgorithm.PS256, key, DATA, ps256));
            assertTrue(verify(JwsAlgorithm.RS256, key, DATA, pkcs1));
            assertFalse(verify(JwsAlgorithm.RS256, key, DATA, ps256));
            assertFalse(verify(JwsAlgorithm.PS256, key, DATA, pkcs1));
            assertTrue(verify(JwsAlgorithm.PS384, key, DATA, ps384));
            assertFalse(verify(JwsAlgorithm.PS256, key, DATA, ps384));
            assertFalse(verify(JwsAlgorithm.PS384, key, DATA, ps256));
            assertTrue(verify(JwsAlgorithm.PS256, key, DATA, ps256));
        }
    }

    @Test
    void edDsaAndEd25519NamesOnOneKeyTakeTurns() throws Exception {
        JdkSigner a = JdkSigner.fresh(JwsAlgorithm.EdDSA);
        JdkSigner b = JdkSigner.fresh(JwsAlgorithm.EdDSA);
        VerificationKey keyA = backend.importKey(a.jwk());
        VerificationKey keyB = backend.importKey(b.jwk());
        byte[] signedByA = a.sign(DATA);
        byte[] signedByB = b.sign(DATA);
        for (int i = 0; i < 3; i++) {
            assertTrue(verify(JwsAlgorithm.EdDSA, keyA, DATA, signedByA));
            assertTrue(verify(JwsAlgorithm.Ed25519, keyA, DATA, signedByA));
            assertFalse(verify(JwsAlgorithm.Ed25519, keyA, DATA, signedByB));
            assertFalse(verify(JwsAlgorithm.Ed448, keyA, DATA, signedByA));
            assertTrue(verify(JwsAlgorithm.Ed25519, keyB, DATA, signedByB));
            assertFalse(verify(JwsAlgorithm.EdDSA, keyB, DATA, signedByA));
            assertTrue(verify(JwsAlgorithm.EdDSA, keyB, DATA, signedByB));
        }
    }

    private boolean verify(JwsAlgorithm alg, VerificationKey key, byte[] data, byte[] signature) {
        return backend.verify(alg, key, data, 0, data.length, signature);
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
     * Signatures refused at every stage: before any engine (lengths, ECDSA's range check) and by
     * the engine, including values BouncyCastle fails on inside the signer (RSA values above the
     * modulus, EdDSA encodings that are no point or an S of n or more).
     */
    private static List<byte[]> badSignatures(byte[] valid) {
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
        byte[] random = new byte[n];
        new Random(n).nextBytes(random);
        bad.add(random);
        return bad;
    }

    /** The curves the backend loads, for a verifier table of this test's own. */
    private static Map<String, EcCurve> curves() {
        return Map.of(
                "P-256", EcCurve.load("P-256", "secp256r1"),
                "P-384", EcCurve.load("P-384", "secp384r1"),
                "P-521", EcCurve.load("P-521", "secp521r1"),
                "secp256k1", EcCurve.load("secp256k1", "secp256k1"));
    }
}
