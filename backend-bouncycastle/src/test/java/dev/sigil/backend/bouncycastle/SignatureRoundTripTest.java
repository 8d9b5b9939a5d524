package dev.sigil.backend.bouncycastle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwt.JwsAlgorithm;
import dev.sigil.spi.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every algorithm, signed by the JDK (by BouncyCastle for secp256k1) and verified by the backend
 * from a hand-built JWK.
 */
class SignatureRoundTripTest {

    private static final byte[] DATA = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9".getBytes(StandardCharsets.US_ASCII);

    /** RSA key generation is slow: one pair per kind serves every test that needs no fresh one. */
    private static final Map<TestKeys.Kind, KeyPair> KEY_PAIRS = new ConcurrentHashMap<>();

    private final BouncyCastleCryptoBackend backend = new BouncyCastleCryptoBackend();

    /** What signs: a JDK key kind, secp256k1 through BouncyCastle, or an HMAC secret. */
    enum Signer {
        RSA_2048, P256, P384, P521, ED25519, ED448, SECP256K1, SECRET
    }

    static Stream<Arguments> algorithmsWithKeys() {
        return Stream.of(
                Arguments.of(JwsAlgorithm.RS256, Signer.RSA_2048),
                Arguments.of(JwsAlgorithm.RS384, Signer.RSA_2048),
                Arguments.of(JwsAlgorithm.RS512, Signer.RSA_2048),
                Arguments.of(JwsAlgorithm.PS256, Signer.RSA_2048),
                Arguments.of(JwsAlgorithm.PS384, Signer.RSA_2048),
                Arguments.of(JwsAlgorithm.PS512, Signer.RSA_2048),
                Arguments.of(JwsAlgorithm.ES256, Signer.P256),
                Arguments.of(JwsAlgorithm.ES384, Signer.P384),
                Arguments.of(JwsAlgorithm.ES512, Signer.P521),
                Arguments.of(JwsAlgorithm.ES256K, Signer.SECP256K1),
                Arguments.of(JwsAlgorithm.EdDSA, Signer.ED25519),
                Arguments.of(JwsAlgorithm.EdDSA, Signer.ED448),
                Arguments.of(JwsAlgorithm.Ed25519, Signer.ED25519),
                Arguments.of(JwsAlgorithm.Ed448, Signer.ED448),
                Arguments.of(JwsAlgorithm.HS256, Signer.SECRET),
                Arguments.of(JwsAlgorithm.HS384, Signer.SECRET),
                Arguments.of(JwsAlgorithm.HS512, Signer.SECRET));
    }

    /** A fresh key imported through the backend and a signature over the data made outside it. */
    static final class Signed {
        final VerificationKey key;
        final byte[] signature;

        Signed(BouncyCastleCryptoBackend backend, JwsAlgorithm alg, Signer signer, byte[] data) throws Exception {
            this(backend, alg, signer, data, false);
        }

        /** {@code fresh}: a newly generated JDK key pair rather than the one shared by the tests. */
        Signed(BouncyCastleCryptoBackend backend, JwsAlgorithm alg, Signer signer, byte[] data, boolean fresh)
                throws Exception {
            switch (signer) {
                case SECRET: {
                    byte[] secret = TestKeys.randomBytes(alg.componentLength());
                    this.key = backend.importKey(TestKeys.octJwk(secret));
                    this.signature = TestKeys.mac(alg, secret, data);
                    break;
                }
                case SECP256K1: {
                    TestKeys.Secp256k1 pair = new TestKeys.Secp256k1();
                    this.key = backend.importKey(pair.jwk());
                    this.signature = pair.sign(data);
                    break;
                }
                default: {
                    TestKeys.Kind kind = TestKeys.Kind.valueOf(signer.name());
                    KeyPair pair = fresh ? kind.generate() : KEY_PAIRS.computeIfAbsent(kind, TestKeys.Kind::generate);
                    this.key = backend.importKey(TestKeys.jwk(pair.getPublic()));
                    this.signature = TestKeys.sign(alg, pair.getPrivate(), data);
                }
            }
        }
    }

    @Test
    void supportsEveryAlgorithmSigilKnowsIncludingEs256k() {
        assertEquals(EnumSet.allOf(JwsAlgorithm.class), backend.algorithms());
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("algorithmsWithKeys")
    void verifiesASignatureMadeOutsideTheBackend(JwsAlgorithm alg, Signer signer) throws Exception {
        Signed signed = new Signed(backend, alg, signer, DATA);
        assertTrue(backend.verify(alg, signed.key, DATA, 0, DATA.length, signed.signature));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("algorithmsWithKeys")
    void verifiesTheSameSignatureAgainOnTheCachedEngine(JwsAlgorithm alg, Signer signer) throws Exception {
        Signed signed = new Signed(backend, alg, signer, DATA);
        for (int i = 0; i < 3; i++) {
            assertTrue(backend.verify(alg, signed.key, DATA, 0, DATA.length, signed.signature), "round " + i);
            assertFalse(backend.verify(alg, signed.key, DATA, 0, DATA.length - 1, signed.signature), "round " + i);
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("algorithmsWithKeys")
    void verifiesOnlyTheGivenRangeOfALargerBuffer(JwsAlgorithm alg, Signer signer) throws Exception {
        Signed signed = new Signed(backend, alg, signer, DATA);
        byte[] buffer = new byte[DATA.length + 10];
        Arrays.fill(buffer, (byte) '.');
        System.arraycopy(DATA, 0, buffer, 7, DATA.length);
        assertTrue(backend.verify(alg, signed.key, buffer, 7, DATA.length, signed.signature));
        assertFalse(backend.verify(alg, signed.key, buffer, 6, DATA.length, signed.signature));
        assertFalse(backend.verify(alg, signed.key, buffer, 7, DATA.length + 1, signed.signature));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("algorithmsWithKeys")
    void verifiesASignatureOverEmptyData(JwsAlgorithm alg, Signer signer) throws Exception {
        byte[] empty = new byte[0];
        Signed signed = new Signed(backend, alg, signer, empty);
        assertTrue(backend.verify(alg, signed.key, empty, 0, 0, signed.signature));
        assertFalse(backend.verify(alg, signed.key, DATA, 0, 1, signed.signature));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("algorithmsWithKeys")
    void rejectsTheSignatureWhenOneBitOfTheDataIsFlipped(JwsAlgorithm alg, Signer signer) throws Exception {
        Signed signed = new Signed(backend, alg, signer, DATA);
        for (int index : new int[] {0, DATA.length / 2, DATA.length - 1}) {
            byte[] tampered = TestKeys.flipBit(DATA, index, 0);
            assertFalse(backend.verify(alg, signed.key, tampered, 0, tampered.length, signed.signature), "byte " + index);
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("algorithmsWithKeys")
    void rejectsTheSignatureWhenOneOfItsBitsIsFlipped(JwsAlgorithm alg, Signer signer) throws Exception {
        Signed signed = new Signed(backend, alg, signer, DATA);
        int length = signed.signature.length;
        for (int index : new int[] {0, length / 2 - 1, length / 2, length - 1}) {
            for (int bit : new int[] {0, 7}) {
                byte[] tampered = TestKeys.flipBit(signed.signature, index, bit);
                assertFalse(backend.verify(alg, signed.key, DATA, 0, DATA.length, tampered), "byte " + index + " bit " + bit);
            }
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("algorithmsWithKeys")
    void rejectsASignatureOneByteShort(JwsAlgorithm alg, Signer signer) throws Exception {
        Signed signed = new Signed(backend, alg, signer, DATA);
        byte[] shorter = Arrays.copyOf(signed.signature, signed.signature.length - 1);
        byte[] headless = Arrays.copyOfRange(signed.signature, 1, signed.signature.length);
        assertFalse(backend.verify(alg, signed.key, DATA, 0, DATA.length, shorter));
        assertFalse(backend.verify(alg, signed.key, DATA, 0, DATA.length, headless));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("algorithmsWithKeys")
    void rejectsASignatureOneByteLong(JwsAlgorithm alg, Signer signer) throws Exception {
        Signed signed = new Signed(backend, alg, signer, DATA);
        // A zero appended (for lenient decoders) and a zero prepended (the same number for RSA).
        byte[] appended = Arrays.copyOf(signed.signature, signed.signature.length + 1);
        byte[] prepended = new byte[signed.signature.length + 1];
        System.arraycopy(signed.signature, 0, prepended, 1, signed.signature.length);
        assertFalse(backend.verify(alg, signed.key, DATA, 0, DATA.length, appended));
        assertFalse(backend.verify(alg, signed.key, DATA, 0, DATA.length, prepended));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("algorithmsWithKeys")
    void rejectsASignatureOfAnotherKeyOfTheSameKind(JwsAlgorithm alg, Signer signer) throws Exception {
        Signed signed = new Signed(backend, alg, signer, DATA);
        Signed other = new Signed(backend, alg, signer, DATA, true);
        assertFalse(backend.verify(alg, other.key, DATA, 0, DATA.length, signed.signature));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("algorithmsWithKeys")
    void verifiesWithAKeyImportedByAnotherInstance(JwsAlgorithm alg, Signer signer) throws Exception {
        Signed signed = new Signed(new BouncyCastleCryptoBackend(), alg, signer, DATA);
        assertTrue(backend.verify(alg, signed.key, DATA, 0, DATA.length, signed.signature));
    }
}
