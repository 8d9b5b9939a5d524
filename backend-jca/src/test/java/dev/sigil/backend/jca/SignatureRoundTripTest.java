package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwt.JwsAlgorithm;
import dev.sigil.spi.KeyImportException;
import dev.sigil.spi.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every algorithm, signed by the JDK and verified by the backend from a hand-built JWK. */
class SignatureRoundTripTest {

    private static final byte[] DATA = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9".getBytes(StandardCharsets.US_ASCII);
    private static final Map<TestKeys.Kind, KeyPair> KEY_PAIRS = new EnumMap<>(TestKeys.Kind.class);

    private final JcaCryptoBackend backend = new JcaCryptoBackend();

    @BeforeAll
    static void generateKeys() {
        for (TestKeys.Kind kind : TestKeys.Kind.values()) {
            KEY_PAIRS.put(kind, kind.generate());
        }
    }

    /** An algorithm with a key it fits; {@code kind} is null for HMAC, which takes a random secret. */
    static Stream<Arguments> algorithmsWithKeys() {
        return Stream.of(
                Arguments.of(JwsAlgorithm.RS256, TestKeys.Kind.RSA_2048),
                Arguments.of(JwsAlgorithm.RS384, TestKeys.Kind.RSA_2048),
                Arguments.of(JwsAlgorithm.RS512, TestKeys.Kind.RSA_2048),
                Arguments.of(JwsAlgorithm.PS256, TestKeys.Kind.RSA_2048),
                Arguments.of(JwsAlgorithm.PS384, TestKeys.Kind.RSA_2048),
                Arguments.of(JwsAlgorithm.PS512, TestKeys.Kind.RSA_2048),
                Arguments.of(JwsAlgorithm.ES256, TestKeys.Kind.P256),
                Arguments.of(JwsAlgorithm.ES384, TestKeys.Kind.P384),
                Arguments.of(JwsAlgorithm.ES512, TestKeys.Kind.P521),
                Arguments.of(JwsAlgorithm.EdDSA, TestKeys.Kind.ED25519),
                Arguments.of(JwsAlgorithm.EdDSA, TestKeys.Kind.ED448),
                Arguments.of(JwsAlgorithm.Ed25519, TestKeys.Kind.ED25519),
                Arguments.of(JwsAlgorithm.Ed448, TestKeys.Kind.ED448),
                Arguments.of(JwsAlgorithm.HS256, null),
                Arguments.of(JwsAlgorithm.HS384, null),
                Arguments.of(JwsAlgorithm.HS512, null));
    }

    /** A key imported through the backend and a signature over {@link #DATA} made by the JDK. */
    private static final class Signed {
        final VerificationKey key;
        final byte[] signature;

        Signed(JcaCryptoBackend backend, JwsAlgorithm alg, TestKeys.Kind kind, byte[] data)
                throws GeneralSecurityException, KeyImportException {
            if (kind == null) {
                byte[] secret = TestKeys.randomBytes(alg.componentLength());
                this.key = backend.importKey(TestKeys.octJwk(secret));
                this.signature = TestKeys.mac(alg, secret, data);
            } else {
                KeyPair pair = KEY_PAIRS.get(kind);
                this.key = backend.importKey(TestKeys.jwk(pair.getPublic()));
                this.signature = TestKeys.sign(alg, pair.getPrivate(), data);
            }
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("algorithmsWithKeys")
    void verifiesASignatureMadeByTheJdk(JwsAlgorithm alg, TestKeys.Kind kind) throws Exception {
        Signed signed = new Signed(backend, alg, kind, DATA);
        assertTrue(backend.verify(alg, signed.key, DATA, 0, DATA.length, signed.signature));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("algorithmsWithKeys")
    void verifiesTheSameSignatureAgainOnTheCachedEngine(JwsAlgorithm alg, TestKeys.Kind kind) throws Exception {
        Signed signed = new Signed(backend, alg, kind, DATA);
        for (int i = 0; i < 3; i++) {
            assertTrue(backend.verify(alg, signed.key, DATA, 0, DATA.length, signed.signature), "round " + i);
            assertFalse(backend.verify(alg, signed.key, DATA, 0, DATA.length - 1, signed.signature), "round " + i);
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("algorithmsWithKeys")
    void verifiesOnlyTheGivenRangeOfALargerBuffer(JwsAlgorithm alg, TestKeys.Kind kind) throws Exception {
        Signed signed = new Signed(backend, alg, kind, DATA);
        byte[] buffer = new byte[DATA.length + 10];
        Arrays.fill(buffer, (byte) '.');
        System.arraycopy(DATA, 0, buffer, 7, DATA.length);
        assertTrue(backend.verify(alg, signed.key, buffer, 7, DATA.length, signed.signature));
        assertFalse(backend.verify(alg, signed.key, buffer, 6, DATA.length, signed.signature));
        assertFalse(backend.verify(alg, signed.key, buffer, 7, DATA.length + 1, signed.signature));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("algorithmsWithKeys")
    void rejectsTheSignatureWhenOneBitOfTheDataIsFlipped(JwsAlgorithm alg, TestKeys.Kind kind) throws Exception {
        Signed signed = new Signed(backend, alg, kind, DATA);
        for (int index : new int[] {0, DATA.length / 2, DATA.length - 1}) {
            byte[] tampered = TestKeys.flipBit(DATA, index, 0);
            assertFalse(backend.verify(alg, signed.key, tampered, 0, tampered.length, signed.signature), "byte " + index);
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("algorithmsWithKeys")
    void rejectsTheSignatureWhenOneOfItsBitsIsFlipped(JwsAlgorithm alg, TestKeys.Kind kind) throws Exception {
        Signed signed = new Signed(backend, alg, kind, DATA);
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
    void rejectsASignatureOneByteShort(JwsAlgorithm alg, TestKeys.Kind kind) throws Exception {
        Signed signed = new Signed(backend, alg, kind, DATA);
        byte[] shorter = Arrays.copyOf(signed.signature, signed.signature.length - 1);
        assertFalse(backend.verify(alg, signed.key, DATA, 0, DATA.length, shorter));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("algorithmsWithKeys")
    void rejectsASignatureOneByteLong(JwsAlgorithm alg, TestKeys.Kind kind) throws Exception {
        Signed signed = new Signed(backend, alg, kind, DATA);
        // A zero appended (for DER-tolerant providers) and a zero prepended (same number for RSA).
        byte[] appended = Arrays.copyOf(signed.signature, signed.signature.length + 1);
        byte[] prepended = new byte[signed.signature.length + 1];
        System.arraycopy(signed.signature, 0, prepended, 1, signed.signature.length);
        assertFalse(backend.verify(alg, signed.key, DATA, 0, DATA.length, appended));
        assertFalse(backend.verify(alg, signed.key, DATA, 0, DATA.length, prepended));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("algorithmsWithKeys")
    void rejectsASignatureOfAnotherKeyOfTheSameKind(JwsAlgorithm alg, TestKeys.Kind kind) throws Exception {
        Signed signed = new Signed(backend, alg, kind, DATA);
        VerificationKey otherKey = kind == null
                ? backend.importKey(TestKeys.octJwk(TestKeys.randomBytes(alg.componentLength())))
                : backend.importKey(TestKeys.jwk(kind.generate().getPublic()));
        assertFalse(backend.verify(alg, otherKey, DATA, 0, DATA.length, signed.signature));
    }
}
