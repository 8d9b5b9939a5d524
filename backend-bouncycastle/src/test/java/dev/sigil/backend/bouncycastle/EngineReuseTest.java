package dev.sigil.backend.bouncycastle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.testkit.JwsSigner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A thread's RSA and ECDSA signers stay initialised with the key of their last call, and its HMAC
 * engines stay unreset after a clean call; none of that may leak into the next call. What every
 * backend owes there, through the SPI alone, is {@link BouncyCastleEngineReuseContractTest}'s; this
 * is the one case the SPI cannot reach: a call that throws with its input half taken, straight at
 * the backend's verifiers. Keys and signatures come from the JDK (secp256k1 from BouncyCastle's
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
        if (alg.family() == JwsAlgorithm.Family.EDDSA) {
            return JwsSigner.withFreshEdDsaKey(alg, keyAlg.name());
        }
        return JwsSigner.withFreshKey(alg);
    }

    @ParameterizedTest(name = "{0} with a key for {1}")
    @MethodSource("algorithms")
    void aCallThatThrowsHalfwayThroughItsInputLeavesNothingBehind(JwsAlgorithm alg, JwsAlgorithm keyAlg) throws Exception {
        JwsSigner signer = signer(alg, keyAlg);
        BcKey key = (BcKey) backend.importKey(signer.keyParameters());
        byte[] signature = signer.sign(DATA);
        // The backend's range checks keep a bad range from ever reaching an engine; straight at a
        // verifier, a range past the end of the array makes BouncyCastle's digests throw after
        // hashing part of it: the one way to make the engines fail with input half taken.
        AlgorithmVerifier<?> verifier = new VerifierTable().verifier(alg);
        byte[] padded = Arrays.copyOf(DATA, DATA.length + 200);
        for (int i = 0; i < 3; i++) {
            assertTrue(verifier.verify(key, DATA, 0, DATA.length, signature), "before throw " + i);
            assertThrows(RuntimeException.class, () -> verifier.verify(key, padded, 0, padded.length + 64, signature));
            assertTrue(verifier.verify(key, DATA, 0, DATA.length, signature), "after throw " + i);
            assertThrows(RuntimeException.class, () -> verifier.verify(key, padded, 0, padded.length + 64, signature));
            assertFalse(verifier.verify(key, DATA, 0, DATA.length - 1, signature), "after throw " + i);
        }
    }
}
