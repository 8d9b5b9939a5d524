package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwt.JwsAlgorithm;
import dev.sigil.spi.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A thread's engine stays initialised with the key of its last call and skips {@code initVerify}
 * when the same key comes again ({@link KeyedSignature}). These tests run on one thread through
 * one backend, so every call after the first finds an engine some earlier call left behind: a
 * signature must verify under its own key only, whatever key, algorithm name or failure came
 * before. Keys and signatures are the JDK's own, made fresh for each test.
 */
class EngineReuseTest {

    private static final byte[] DATA = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9".getBytes(StandardCharsets.US_ASCII);

    private final JcaCryptoBackend backend = new JcaCryptoBackend();

    static Stream<Arguments> algorithms() {
        return Stream.of(
                Arguments.of(JwsAlgorithm.RS256, TestKeys.Kind.RSA_2048),
                Arguments.of(JwsAlgorithm.PS256, TestKeys.Kind.RSA_2048),
                Arguments.of(JwsAlgorithm.PS512, TestKeys.Kind.RSA_2048),
                Arguments.of(JwsAlgorithm.ES256, TestKeys.Kind.P256),
                Arguments.of(JwsAlgorithm.ES384, TestKeys.Kind.P384),
                Arguments.of(JwsAlgorithm.ES512, TestKeys.Kind.P521),
                Arguments.of(JwsAlgorithm.EdDSA, TestKeys.Kind.ED25519),
                Arguments.of(JwsAlgorithm.Ed25519, TestKeys.Kind.ED25519),
                Arguments.of(JwsAlgorithm.EdDSA, TestKeys.Kind.ED448),
                Arguments.of(JwsAlgorithm.Ed448, TestKeys.Kind.ED448));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("algorithms")
    void alternatingKeysEachSignatureVerifiesUnderItsOwnKeyOnly(JwsAlgorithm alg, TestKeys.Kind kind) throws Exception {
        KeyPair a = kind.generate();
        KeyPair b = kind.generate();
        VerificationKey keyA = backend.importKey(TestKeys.jwk(a.getPublic()));
        VerificationKey keyB = backend.importKey(TestKeys.jwk(b.getPublic()));
        // Another import of A's JWK: the same key in a different object, which the engine must
        // take for a different key and initialise with, getting the same answers.
        VerificationKey keyA2 = backend.importKey(TestKeys.jwk(a.getPublic()));
        byte[] signedByA = TestKeys.sign(alg, a.getPrivate(), DATA);
        byte[] signedByB = TestKeys.sign(alg, b.getPrivate(), DATA);
        // Repeats take the path that skips initVerify, changes the one that must not skip it.
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

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("algorithms")
    void afterACallThatFailedOrThrewTheSameKeyStillVerifiesAndStillRefusesTampering(JwsAlgorithm alg,
            TestKeys.Kind kind) throws Exception {
        KeyPair pair = kind.generate();
        VerificationKey key = backend.importKey(TestKeys.jwk(pair.getPublic()));
        byte[] signature = TestKeys.sign(alg, pair.getPrivate(), DATA);
        assertVerifiesAndRefusesTampering(alg, key, signature);
        for (byte[] bad : badSignatures(signature)) {
            assertFalse(verify(alg, key, DATA, bad), () -> "bad signature " + TestKeys.b64(bad));
            assertVerifiesAndRefusesTampering(alg, key, signature);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("algorithms")
    void aReadyEngineTakesTheCallsOwnRangeAndEmptyInput(JwsAlgorithm alg, TestKeys.Kind kind) throws Exception {
        KeyPair pair = kind.generate();
        VerificationKey key = backend.importKey(TestKeys.jwk(pair.getPublic()));
        byte[] signature = TestKeys.sign(alg, pair.getPrivate(), DATA);
        byte[] empty = TestKeys.sign(alg, pair.getPrivate(), new byte[0]);
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
    void anEd25519SignatureTheJdkThrowsOnLeavesNothingBehindForTheNextCall() throws Exception {
        KeyPair pair = TestKeys.Kind.ED25519.generate();
        VerificationKey key = backend.importKey(TestKeys.jwk(pair.getPublic()));
        byte[] signature = TestKeys.sign(JwsAlgorithm.EdDSA, pair.getPrivate(), DATA);
        byte[] sTooLarge = signature.clone();
        Arrays.fill(sTooLarge, 32, 64, (byte) 0xff);
        // The precondition that makes this test worth having: the JDK's EdDSA throws here, before
        // it drops the input it was given, which then poisons the next call unless it re-initialises.
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(pair.getPublic());
        jdk.update(DATA);
        assertThrows(GeneralSecurityException.class, () -> jdk.verify(sTooLarge));

        assertTrue(verify(JwsAlgorithm.EdDSA, key, DATA, signature));
        for (int i = 0; i < 3; i++) {
            assertFalse(verify(JwsAlgorithm.EdDSA, key, DATA, sTooLarge));
            assertTrue(verify(JwsAlgorithm.EdDSA, key, DATA, signature), "after throw " + i);
            assertFalse(verify(JwsAlgorithm.Ed25519, key, DATA, sTooLarge));
            assertTrue(verify(JwsAlgorithm.Ed25519, key, DATA, signature), "after throw " + i);
        }
    }

    @Test
    void edDsaAndEd25519NamesShareOneEngineAndOneKey() throws Exception {
        KeyPair a = TestKeys.Kind.ED25519.generate();
        KeyPair b = TestKeys.Kind.ED25519.generate();
        VerificationKey keyA = backend.importKey(TestKeys.jwk(a.getPublic()));
        VerificationKey keyB = backend.importKey(TestKeys.jwk(b.getPublic()));
        byte[] signedByA = TestKeys.sign(JwsAlgorithm.EdDSA, a.getPrivate(), DATA);
        byte[] signedByB = TestKeys.sign(JwsAlgorithm.EdDSA, b.getPrivate(), DATA);
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

    @Test
    void pssAndPkcs1OnOneRsaKeyTakeTurns() throws Exception {
        KeyPair pair = TestKeys.Kind.RSA_2048.generate();
        VerificationKey key = backend.importKey(TestKeys.jwk(pair.getPublic()));
        byte[] ps256 = TestKeys.sign(JwsAlgorithm.PS256, pair.getPrivate(), DATA);
        byte[] ps384 = TestKeys.sign(JwsAlgorithm.PS384, pair.getPrivate(), DATA);
        byte[] rs256 = TestKeys.sign(JwsAlgorithm.RS256, pair.getPrivate(), DATA);
        for (int i = 0; i < 3; i++) {
            assertTrue(verify(JwsAlgorithm.PS256, key, DATA, ps256));
            assertTrue(verify(JwsAlgorithm.RS256, key, DATA, rs256));
            assertFalse(verify(JwsAlgorithm.RS256, key, DATA, ps256));
            assertFalse(verify(JwsAlgorithm.PS256, key, DATA, rs256));
            assertTrue(verify(JwsAlgorithm.PS384, key, DATA, ps384));
            assertFalse(verify(JwsAlgorithm.PS256, key, DATA, ps384));
            assertFalse(verify(JwsAlgorithm.PS384, key, DATA, ps256));
            assertTrue(verify(JwsAlgorithm.PS256, key, DATA, ps256));
        }
    }

    @Test
    void aDerOnlyEngineRecoversFromTheSignaturesItRefuses() throws Exception {
        KeyPair a = TestKeys.Kind.P256.generate();
        KeyPair b = TestKeys.Kind.P256.generate();
        JcaKey keyA = (JcaKey) backend.importKey(TestKeys.jwk(a.getPublic()));
        JcaKey keyB = (JcaKey) backend.importKey(TestKeys.jwk(b.getPublic()));
        Signature der = Signature.getInstance("SHA256withECDSA");
        // The path of providers without P1363 (BC-FIPS), here over the JDK's DER engine.
        EcdsaVerifier derOnly = new EcdsaVerifier("P-256", "SHA256withECDSA", der.getProvider(), false);
        byte[] signedByA = TestKeys.sign(JwsAlgorithm.ES256, a.getPrivate(), DATA);
        byte[] signedByB = TestKeys.sign(JwsAlgorithm.ES256, b.getPrivate(), DATA);
        for (int i = 0; i < 3; i++) {
            assertTrue(derOnly.verify(keyA, DATA, 0, DATA.length, signedByA));
            assertFalse(derOnly.verify(keyA, DATA, 0, DATA.length, signedByB));
            assertTrue(derOnly.verify(keyB, DATA, 0, DATA.length, signedByB));
            for (byte[] bad : badSignatures(signedByB)) {
                assertFalse(derOnly.verify(keyB, DATA, 0, DATA.length, bad));
            }
            assertTrue(derOnly.verify(keyB, DATA, 0, DATA.length, signedByB));
            assertFalse(derOnly.verify(keyB, DATA, 0, DATA.length - 1, signedByB));
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
     * Signatures refused at every stage: before the engine (lengths, ECDSA's range check), by the
     * engine returning false, and by the engine throwing (the JDK's EdDSA throws for an S of n or
     * more and for an R that encodes no point, leaving the call's input behind).
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
        bad.add(TestKeys.randomBytes(n));
        return bad;
    }
}
