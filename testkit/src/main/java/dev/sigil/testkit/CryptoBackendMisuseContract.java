package dev.sigil.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link CryptoBackend#verify} says to keys that do not fit the algorithm and to arguments no
 * caller should pass: {@code false}, never an exception, and the engine still good afterwards.
 *
 * <pre>{@code
 * class JcaMisuseContractTest extends CryptoBackendMisuseContract {
 *     @Override
 *     protected CryptoBackend newBackend() {
 *         return new JcaCryptoBackend();
 *     }
 * }
 * }</pre>
 */
public abstract class CryptoBackendMisuseContract extends CryptoBackendContract {

    private static final byte[] DATA = "header.payload".getBytes(StandardCharsets.US_ASCII);

    private static final List<JwsAlgorithm> ECDSA =
            List.of(JwsAlgorithm.ES256, JwsAlgorithm.ES384, JwsAlgorithm.ES512, JwsAlgorithm.ES256K);

    private boolean verify(JwsAlgorithm alg, VerificationKey key, byte[] signature) {
        return verifyBothWays(alg, key, DATA, signature);
    }

    @Test
    void rejectsEachEcdsaSignatureClaimedAsAnotherAlgorithmForItsKey() throws Exception {
        // An ES256 signature as ES384, ES512 or ES256K on a P-256 key; an ES256K one as ES256; and so on.
        for (JwsAlgorithm alg : ECDSA) {
            if (!supports(alg) || !GeneratedKeys.SIGNABLE.contains(alg) && signerBeyondTheJdk(alg).isEmpty()) {
                continue;
            }
            JwsSigner signer = signer(alg);
            VerificationKey key = backend().importKey(signer.keyParameters());
            byte[] signature = signer.sign(DATA);
            assertTrue(verify(alg, key, signature), alg + " itself");
            for (JwsAlgorithm other : JwsAlgorithm.values()) {
                if (other != alg) {
                    assertFalse(verify(other, key, signature), alg + " signature claimed as " + other);
                }
            }
        }
    }

    @Test
    void rejectsRsaEdDsaAndHmacWithAnEcKey() throws Exception {
        assumeSupports(JwsAlgorithm.ES256);
        JwsSigner p256 = signer(JwsAlgorithm.ES256);
        VerificationKey key = backend().importKey(p256.keyParameters());
        byte[] signature = p256.sign(DATA);
        assertFalse(verify(JwsAlgorithm.RS256, key, signature));
        assertFalse(verify(JwsAlgorithm.PS256, key, signature));
        assertFalse(verify(JwsAlgorithm.EdDSA, key, signature));
        assertFalse(verify(JwsAlgorithm.HS256, key, signature));
    }

    @Test
    void rejectsEcdsaEdDsaAndHmacWithAnRsaKey() throws Exception {
        assumeSupports(JwsAlgorithm.RS256);
        JwsSigner rsa = signer(JwsAlgorithm.RS256);
        VerificationKey key = backend().importKey(rsa.keyParameters());
        byte[] signature = rsa.sign(DATA);
        assertTrue(verify(JwsAlgorithm.RS256, key, signature));
        assertFalse(verify(JwsAlgorithm.ES256, key, signature));
        assertFalse(verify(JwsAlgorithm.HS256, key, signature));
        assertFalse(verify(JwsAlgorithm.Ed25519, key, signature));
    }

    @Test
    void rejectsAPkcs1SignatureClaimedAsPssAndTheReverse() throws Exception {
        assumeSupports(JwsAlgorithm.RS256);
        assumeSupports(JwsAlgorithm.PS256);
        VerificationKey key = backend().importKey(signer(JwsAlgorithm.RS256).keyParameters());
        byte[] pkcs1 = signer(JwsAlgorithm.RS256).sign(DATA);
        byte[] pss = signer(JwsAlgorithm.PS256).sign(DATA);
        assertTrue(verify(JwsAlgorithm.RS256, key, pkcs1), "the control: RS256 verifies");
        assertFalse(verify(JwsAlgorithm.PS256, key, pkcs1));
        assertFalse(verify(JwsAlgorithm.RS256, key, pss));
        assertFalse(verify(JwsAlgorithm.PS384, key, pss));
        assertFalse(verify(JwsAlgorithm.RS384, key, pkcs1));
    }

    @Test
    void rejectsAnRsaSignatureNumericallyNotBelowTheModulus() throws Exception {
        assumeSupports(JwsAlgorithm.RS256);
        VerificationKey key = backend().importKey(signer(JwsAlgorithm.RS256).keyParameters());
        byte[] allOnes = new byte[256];
        Arrays.fill(allOnes, (byte) 0xff);
        assertFalse(verify(JwsAlgorithm.RS256, key, allOnes));
        assertFalse(verify(JwsAlgorithm.PS256, key, allOnes));
    }

    @Test
    void rejectsPs512WithA1024BitKeyTooSmallForItsSalt() throws Exception {
        // 8 * (64 + 64) + 9 bits do not fit a 1024-bit modulus: an engine may throw at init; verify says false.
        assumeSupports(JwsAlgorithm.PS512);
        CryptoBackend lenient = backend();
        JwsSigner small = GeneratedKeys.rsaSigner(JwsAlgorithm.PS256, GeneratedKeys.generate("RSA", 1024));
        VerificationKey key = lenient.importKey(small.keyParameters());
        assertFalse(lenient.verify(JwsAlgorithm.PS512, key, DATA, 0, DATA.length, new byte[128]));
        assertTrue(lenient.verify(JwsAlgorithm.PS256, key, DATA, 0, DATA.length, small.sign(DATA)));
    }

    @Test
    void rejectsHmacWithAPublicKey() throws Exception {
        assumeSupports(JwsAlgorithm.ES256);
        VerificationKey key = backend().importKey(signer(JwsAlgorithm.ES256).keyParameters());
        assertFalse(verify(JwsAlgorithm.HS256, key, new byte[32]));
    }

    @Test
    void rejectsAnEd25519KeyForTheEd448AlgorithmAndTheReverse() throws Exception {
        assumeSupports(JwsAlgorithm.Ed25519);
        assumeSupports(JwsAlgorithm.Ed448);
        JwsSigner ed25519 = signer(JwsAlgorithm.Ed25519);
        JwsSigner ed448 = signer(JwsAlgorithm.Ed448);
        VerificationKey key25519 = backend().importKey(ed25519.keyParameters());
        VerificationKey key448 = backend().importKey(ed448.keyParameters());
        byte[] signature25519 = ed25519.sign(DATA);
        byte[] signature448 = ed448.sign(DATA);
        assertTrue(verify(JwsAlgorithm.Ed25519, key25519, signature25519));
        assertFalse(verify(JwsAlgorithm.Ed448, key25519, signature25519));
        assertTrue(verify(JwsAlgorithm.Ed448, key448, signature448));
        assertFalse(verify(JwsAlgorithm.Ed25519, key448, signature448));
        assertFalse(verify(JwsAlgorithm.EdDSA, key25519, signature448));
    }

    @Test
    void rejectsEveryAlgorithmTheBackendDoesNotClaim() throws Exception {
        assumeSupports(JwsAlgorithm.ES256);
        JwsSigner p256 = signer(JwsAlgorithm.ES256);
        VerificationKey key = backend().importKey(p256.keyParameters());
        byte[] signature = p256.sign(DATA);
        for (JwsAlgorithm alg : JwsAlgorithm.values()) {
            if (!supports(alg)) {
                assertFalse(verify(alg, key, signature), alg + " is not claimed");
            }
        }
    }

    @Test
    void rejectsAKeyThisBackendDidNotImport() throws Exception {
        assumeSupports(JwsAlgorithm.HS256);
        JwsSigner hmac = GeneratedKeys.hmacSigner(JwsAlgorithm.HS256, GeneratedKeys.randomBytes(32));
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
        };
        assertFalse(verify(JwsAlgorithm.HS256, foreign, hmac.sign(DATA)));
    }

    @Test
    void returnsFalseInsteadOfThrowingForNullsAndRangesOutsideTheData() throws Exception {
        assumeSupports(JwsAlgorithm.ES256);
        JwsSigner p256 = signer(JwsAlgorithm.ES256);
        VerificationKey key = backend().importKey(p256.keyParameters());
        byte[] signature = p256.sign(DATA);
        CryptoBackend backend = backend();
        assertFalse(backend.verify(null, key, DATA, 0, DATA.length, signature), "null algorithm");
        assertFalse(backend.verify(JwsAlgorithm.ES256, null, DATA, 0, DATA.length, signature), "null key");
        assertFalse(backend.verify(JwsAlgorithm.ES256, key, null, 0, 0, signature), "null data");
        assertFalse(backend.verify(JwsAlgorithm.ES256, key, DATA, 0, DATA.length, null), "null signature");
        assertFalse(backend.verify(JwsAlgorithm.ES256, key, DATA, -1, DATA.length, signature), "negative offset");
        assertFalse(backend.verify(JwsAlgorithm.ES256, key, DATA, 1, DATA.length, signature), "range past the end");
        assertFalse(backend.verify(JwsAlgorithm.ES256, key, DATA, 0, -1, signature), "negative length");
        assertFalse(backend.verify(JwsAlgorithm.ES256, key, DATA, Integer.MAX_VALUE, 2, signature), "offset overflow");
        assertFalse(backend.verify(JwsAlgorithm.ES256, key, DATA, 0, DATA.length, new byte[0]), "empty signature");
        // And the engine is still good afterwards.
        assertTrue(backend.verify(JwsAlgorithm.ES256, key, DATA, 0, DATA.length, signature));
    }
}
