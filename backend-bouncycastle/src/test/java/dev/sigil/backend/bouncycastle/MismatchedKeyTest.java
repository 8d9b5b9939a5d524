package dev.sigil.backend.bouncycastle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwt.JwsAlgorithm;
import dev.sigil.spi.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keys that do not fit the algorithm, and arguments no caller should pass, all verify as false. */
class MismatchedKeyTest {

    private static final byte[] DATA = "header.payload".getBytes(StandardCharsets.US_ASCII);
    private static KeyPair rsa;
    private static KeyPair p256;
    private static KeyPair ed25519;
    private static KeyPair ed448;

    private final BouncyCastleCryptoBackend backend = new BouncyCastleCryptoBackend();

    @BeforeAll
    static void generateKeys() {
        rsa = TestKeys.Kind.RSA_2048.generate();
        p256 = TestKeys.Kind.P256.generate();
        ed25519 = TestKeys.Kind.ED25519.generate();
        ed448 = TestKeys.Kind.ED448.generate();
    }

    private boolean verify(JwsAlgorithm alg, VerificationKey key, byte[] signature) {
        return backend.verify(alg, key, DATA, 0, DATA.length, signature);
    }

    @Test
    void rejectsAnEs256SignatureClaimedAsEs384Es512OrEs256kForAP256Key() throws Exception {
        VerificationKey key = backend.importKey(TestKeys.jwk(p256.getPublic()));
        byte[] signature = TestKeys.sign(JwsAlgorithm.ES256, p256.getPrivate(), DATA);
        assertTrue(verify(JwsAlgorithm.ES256, key, signature));
        assertFalse(verify(JwsAlgorithm.ES384, key, signature));
        assertFalse(verify(JwsAlgorithm.ES512, key, signature));
        assertFalse(verify(JwsAlgorithm.ES256K, key, signature));
    }

    @Test
    void rejectsAnEs256kSignatureClaimedAsEs256ForASecp256k1Key() throws Exception {
        TestKeys.Secp256k1 pair = new TestKeys.Secp256k1();
        VerificationKey key = backend.importKey(pair.jwk());
        byte[] signature = pair.sign(DATA);
        assertTrue(verify(JwsAlgorithm.ES256K, key, signature));
        assertFalse(verify(JwsAlgorithm.ES256, key, signature));
        assertFalse(verify(JwsAlgorithm.RS256, key, signature));
        assertFalse(verify(JwsAlgorithm.EdDSA, key, signature));
    }

    @Test
    void rejectsRs256AndPs256WithAnEcKey() throws Exception {
        VerificationKey key = backend.importKey(TestKeys.jwk(p256.getPublic()));
        byte[] signature = TestKeys.sign(JwsAlgorithm.ES256, p256.getPrivate(), DATA);
        assertFalse(verify(JwsAlgorithm.RS256, key, signature));
        assertFalse(verify(JwsAlgorithm.PS256, key, signature));
        assertFalse(verify(JwsAlgorithm.EdDSA, key, signature));
        assertFalse(verify(JwsAlgorithm.HS256, key, signature));
    }

    @Test
    void rejectsEcdsaAndHmacWithAnRsaKey() throws Exception {
        VerificationKey key = backend.importKey(TestKeys.jwk(rsa.getPublic()));
        byte[] signature = TestKeys.sign(JwsAlgorithm.RS256, rsa.getPrivate(), DATA);
        assertTrue(verify(JwsAlgorithm.RS256, key, signature));
        assertFalse(verify(JwsAlgorithm.ES256, key, signature));
        assertFalse(verify(JwsAlgorithm.HS256, key, signature));
        assertFalse(verify(JwsAlgorithm.Ed25519, key, signature));
    }

    @Test
    void rejectsAPkcs1SignatureClaimedAsPssAndTheReverse() throws Exception {
        VerificationKey key = backend.importKey(TestKeys.jwk(rsa.getPublic()));
        byte[] pkcs1 = TestKeys.sign(JwsAlgorithm.RS256, rsa.getPrivate(), DATA);
        byte[] pss = TestKeys.sign(JwsAlgorithm.PS256, rsa.getPrivate(), DATA);
        assertFalse(verify(JwsAlgorithm.PS256, key, pkcs1));
        assertFalse(verify(JwsAlgorithm.RS256, key, pss));
        assertFalse(verify(JwsAlgorithm.PS384, key, pss));
        assertFalse(verify(JwsAlgorithm.RS384, key, pkcs1));
    }

    @Test
    void rejectsAnRsaSignatureNumericallyNotBelowTheModulus() throws Exception {
        VerificationKey key = backend.importKey(TestKeys.jwk(rsa.getPublic()));
        byte[] allOnes = new byte[256];
        Arrays.fill(allOnes, (byte) 0xff);
        assertFalse(verify(JwsAlgorithm.RS256, key, allOnes));
        assertFalse(verify(JwsAlgorithm.PS256, key, allOnes));
    }

    @Test
    void rejectsPs512WithA1024BitKeyTooSmallForItsSalt() throws Exception {
        // 8 * (64 + 64) + 9 bits do not fit a 1024-bit modulus: BouncyCastle throws at init, we say false.
        KeyPair small = TestKeys.rsa(1024);
        BouncyCastleCryptoBackend lenient = BouncyCastleCryptoBackend.builder().minimumRsaKeySize(1024).build();
        VerificationKey key = lenient.importKey(TestKeys.jwk(small.getPublic()));
        assertFalse(lenient.verify(JwsAlgorithm.PS512, key, DATA, 0, DATA.length, new byte[128]));
        byte[] ps256 = TestKeys.sign(JwsAlgorithm.PS256, small.getPrivate(), DATA);
        assertTrue(lenient.verify(JwsAlgorithm.PS256, key, DATA, 0, DATA.length, ps256));
    }

    @Test
    void rejectsHs256WithASixteenByteSecretEvenWhenTheMacIsRight() throws Exception {
        byte[] secret = TestKeys.randomBytes(16);
        VerificationKey key = backend.importKey(TestKeys.octJwk(secret));
        assertFalse(verify(JwsAlgorithm.HS256, key, TestKeys.mac(JwsAlgorithm.HS256, secret, DATA)));
    }

    @Test
    void acceptsAnHmacSecretOfExactlyTheHashLengthButNotOneByteLess() throws Exception {
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.HS256, JwsAlgorithm.HS384, JwsAlgorithm.HS512}) {
            byte[] exact = TestKeys.randomBytes(alg.componentLength());
            byte[] shorter = TestKeys.randomBytes(alg.componentLength() - 1);
            assertTrue(verify(alg, backend.importKey(TestKeys.octJwk(exact)), TestKeys.mac(alg, exact, DATA)), alg.name());
            assertFalse(verify(alg, backend.importKey(TestKeys.octJwk(shorter)), TestKeys.mac(alg, shorter, DATA)), alg.name());
        }
    }

    @Test
    void rejectsHmacWithAPublicKey() throws Exception {
        VerificationKey key = backend.importKey(TestKeys.jwk(p256.getPublic()));
        assertFalse(verify(JwsAlgorithm.HS256, key, new byte[32]));
    }

    @Test
    void rejectsAnEd25519KeyForTheEd448AlgorithmAndTheReverse() throws Exception {
        VerificationKey key25519 = backend.importKey(TestKeys.jwk(ed25519.getPublic()));
        VerificationKey key448 = backend.importKey(TestKeys.jwk(ed448.getPublic()));
        byte[] signature25519 = TestKeys.sign(JwsAlgorithm.Ed25519, ed25519.getPrivate(), DATA);
        byte[] signature448 = TestKeys.sign(JwsAlgorithm.Ed448, ed448.getPrivate(), DATA);
        assertTrue(verify(JwsAlgorithm.Ed25519, key25519, signature25519));
        assertFalse(verify(JwsAlgorithm.Ed448, key25519, signature25519));
        assertTrue(verify(JwsAlgorithm.Ed448, key448, signature448));
        assertFalse(verify(JwsAlgorithm.Ed25519, key448, signature448));
        assertFalse(verify(JwsAlgorithm.EdDSA, key25519, signature448));
    }

    @Test
    void rejectsAKeyThisBackendDidNotImport() throws Exception {
        byte[] secret = TestKeys.randomBytes(32);
        VerificationKey foreign = new VerificationKey() {
            @Override
            public String keyType() {
                return "oct";
            }

            @Override
            public String curve() {
                return null;
            }

            @Override
            public int sizeBits() {
                return 256;
            }

            @Override
            public boolean samePublicKey(VerificationKey other) {
                return true;
            }
        };
        assertFalse(verify(JwsAlgorithm.HS256, foreign, TestKeys.mac(JwsAlgorithm.HS256, secret, DATA)));
        assertFalse(backend.importKey(TestKeys.octJwk(secret)).samePublicKey(foreign));
    }

    @Test
    void returnsFalseInsteadOfThrowingForNullsAndRangesOutsideTheData() throws Exception {
        VerificationKey key = backend.importKey(TestKeys.jwk(p256.getPublic()));
        byte[] signature = TestKeys.sign(JwsAlgorithm.ES256, p256.getPrivate(), DATA);
        assertFalse(backend.verify(null, key, DATA, 0, DATA.length, signature));
        assertFalse(backend.verify(JwsAlgorithm.ES256, null, DATA, 0, DATA.length, signature));
        assertFalse(backend.verify(JwsAlgorithm.ES256, key, null, 0, 0, signature));
        assertFalse(backend.verify(JwsAlgorithm.ES256, key, DATA, 0, DATA.length, null));
        assertFalse(backend.verify(JwsAlgorithm.ES256, key, DATA, -1, DATA.length, signature));
        assertFalse(backend.verify(JwsAlgorithm.ES256, key, DATA, 1, DATA.length, signature));
        assertFalse(backend.verify(JwsAlgorithm.ES256, key, DATA, 0, -1, signature));
        assertFalse(backend.verify(JwsAlgorithm.ES256, key, DATA, Integer.MAX_VALUE, 2, signature));
        assertFalse(backend.verify(JwsAlgorithm.ES256, key, DATA, 0, DATA.length, new byte[0]));
        // And the engine is still good afterwards.
        assertTrue(backend.verify(JwsAlgorithm.ES256, key, DATA, 0, DATA.length, signature));
    }
}
