package dev.sigil.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.TokenBuffers;
import dev.sigil.spi.VerificationKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link CryptoBackend#verify}, as its javadoc promises it, for every algorithm the backend claims:
 * signatures made outside the backend verify, once and again, over exactly the given range; a
 * flipped bit of the data or of the signature, a signature one byte short or long, another key's
 * signature, an HMAC tag cut short and ECDSA {@code r} or {@code s} outside {@code [1, n-1]} all
 * verify as false; and eight threads through one backend get every answer right. Keys that do not
 * fit the algorithm are {@link CryptoBackendMisuseContract}'s. ML-DSA-44/65/87 are among the cases
 * where the backend claims them and a signer exists: the JDK's own from JDK 24, else
 * {@link #signerBeyondTheJdk(JwsAlgorithm)}.
 *
 * <pre>{@code
 * class JcaVerificationContractTest extends CryptoBackendVerificationContract {
 *     @Override
 *     protected CryptoBackend newBackend() {
 *         return new JcaCryptoBackend();
 *     }
 * }
 * }</pre>
 */
// Tagged so that .ci/run's JDK 25 pass runs it again where backend-jca has ML-DSA and the JDK signs it.
@Tag("conformance")
public abstract class CryptoBackendVerificationContract extends CryptoBackendContract {

    private static final byte[] DATA = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9".getBytes(StandardCharsets.US_ASCII);

    /** The order of secp256k1 (SEC 2, section 2.4.1), which JDK 17 cannot give. */
    private static final BigInteger SECP256K1_ORDER =
            new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

    private static final List<JwsAlgorithm> HMAC = List.of(JwsAlgorithm.HS256, JwsAlgorithm.HS384, JwsAlgorithm.HS512);
    private static final List<JwsAlgorithm> ECDSA =
            List.of(JwsAlgorithm.ES256, JwsAlgorithm.ES384, JwsAlgorithm.ES512, JwsAlgorithm.ES256K);

    /** One algorithm with one kind of key: EdDSA runs twice, with an Ed25519 and an Ed448 key. */
    private static final class Case {
        final JwsAlgorithm alg;
        final String key;

        Case(JwsAlgorithm alg, String key) {
            this.alg = alg;
            this.key = key;
        }

        @Override
        public String toString() {
            return alg.joseName() + " with " + key;
        }
    }

    private static final List<Case> CASES = List.of(
            new Case(JwsAlgorithm.RS256, "RSA-2048"), new Case(JwsAlgorithm.RS384, "RSA-2048"),
            new Case(JwsAlgorithm.RS512, "RSA-2048"), new Case(JwsAlgorithm.PS256, "RSA-2048"),
            new Case(JwsAlgorithm.PS384, "RSA-2048"), new Case(JwsAlgorithm.PS512, "RSA-2048"),
            new Case(JwsAlgorithm.ES256, "P-256"), new Case(JwsAlgorithm.ES384, "P-384"),
            new Case(JwsAlgorithm.ES512, "P-521"), new Case(JwsAlgorithm.ES256K, "secp256k1"),
            new Case(JwsAlgorithm.EdDSA, "Ed25519"), new Case(JwsAlgorithm.EdDSA, "Ed448"),
            new Case(JwsAlgorithm.Ed25519, "Ed25519"), new Case(JwsAlgorithm.Ed448, "Ed448"),
            new Case(JwsAlgorithm.HS256, "a secret"), new Case(JwsAlgorithm.HS384, "a secret"),
            new Case(JwsAlgorithm.HS512, "a secret"),
            new Case(JwsAlgorithm.ML_DSA_44, "ML-DSA-44"), new Case(JwsAlgorithm.ML_DSA_65, "ML-DSA-65"),
            new Case(JwsAlgorithm.ML_DSA_87, "ML-DSA-87"));

    /** A case's body: the algorithm and a way to sign with a fresh key of the case's kind. */
    @FunctionalInterface
    private interface CaseBody {
        void run(JwsAlgorithm alg, SignerSource signers) throws Throwable;
    }

    @FunctionalInterface
    private interface SignerSource {
        /** {@code fresh}: a key no other call returned (RSA keys are otherwise shared, being slow to make). */
        JwsSigner signer(boolean fresh) throws GeneralSecurityException;
    }

    /** A key imported through a backend and a signature over the data made outside it. */
    private static final class Signed {
        final VerificationKey key;
        final byte[] signature;

        Signed(CryptoBackend importer, JwsSigner signer, byte[] data) throws Exception {
            this.key = importer.importKey(signer.keyParameters());
            this.signature = signer.sign(data);
        }
    }

    private Stream<DynamicTest> forEachCase(CaseBody body) {
        return forEachCase(EnumSet.allOf(JwsAlgorithm.Family.class), body);
    }

    private Stream<DynamicTest> forEachCase(Set<JwsAlgorithm.Family> families, CaseBody body) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : CASES) {
            boolean ed448Key = "Ed448".equals(c.key);
            if (!families.contains(c.alg.family()) || !supports(c.alg) || ed448Key && !supports(JwsAlgorithm.Ed448)) {
                continue;
            }
            SignerSource signers = c.alg == JwsAlgorithm.EdDSA
                    ? fresh -> GeneratedKeys.eddsaSigner(JwsAlgorithm.EdDSA, c.key)
                    : fresh -> signer(c.alg, fresh);
            tests.add(DynamicTest.dynamicTest(c.toString(), () -> body.run(c.alg, signers)));
        }
        return tests.stream();
    }

    private boolean verify(JwsAlgorithm alg, VerificationKey key, byte[] signature) {
        return verifyBothWays(alg, key, DATA, signature);
    }

    private static byte[] flipBit(byte[] bytes, int index, int bit) {
        byte[] copy = bytes.clone();
        copy[index] ^= (byte) (1 << bit);
        return copy;
    }

    // ---- Round trips --------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> verifiesASignatureMadeOutsideTheBackend() {
        return forEachCase((alg, signers) -> {
            Signed signed = new Signed(backend(), signers.signer(false), DATA);
            assertTrue(verify(alg, signed.key, signed.signature));
        });
    }

    @TestFactory
    Stream<DynamicTest> verifiesTheSameSignatureAgainOnTheCachedEngine() {
        return forEachCase((alg, signers) -> {
            Signed signed = new Signed(backend(), signers.signer(false), DATA);
            for (int i = 0; i < 3; i++) {
                assertTrue(verify(alg, signed.key, signed.signature), "round " + i);
                assertFalse(backend().verify(alg, signed.key, DATA, 0, DATA.length - 1, signed.signature), "round " + i);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> verifiesOnlyTheGivenRangeOfALargerBuffer() {
        return forEachCase((alg, signers) -> {
            Signed signed = new Signed(backend(), signers.signer(false), DATA);
            byte[] buffer = new byte[DATA.length + 10];
            Arrays.fill(buffer, (byte) '.');
            System.arraycopy(DATA, 0, buffer, 7, DATA.length);
            assertTrue(backend().verify(alg, signed.key, buffer, 7, DATA.length, signed.signature));
            assertFalse(backend().verify(alg, signed.key, buffer, 6, DATA.length, signed.signature));
            assertFalse(backend().verify(alg, signed.key, buffer, 7, DATA.length + 1, signed.signature));
        });
    }

    @TestFactory
    Stream<DynamicTest> verifiesASignatureOverEmptyData() {
        return forEachCase((alg, signers) -> {
            byte[] empty = new byte[0];
            Signed signed = new Signed(backend(), signers.signer(false), empty);
            assertTrue(backend().verify(alg, signed.key, empty, 0, 0, signed.signature));
            assertFalse(backend().verify(alg, signed.key, DATA, 0, 1, signed.signature));
        });
    }

    @TestFactory
    Stream<DynamicTest> verifiesWithAKeyImportedByAnotherInstance() {
        return forEachCase((alg, signers) -> {
            Signed signed = new Signed(newBackend(), signers.signer(false), DATA);
            assertTrue(verify(alg, signed.key, signed.signature));
        });
    }

    // ---- Tampering and lengths ----------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> rejectsTheSignatureWhenOneBitOfTheDataIsFlipped() {
        return forEachCase((alg, signers) -> {
            Signed signed = new Signed(backend(), signers.signer(false), DATA);
            for (int index : new int[] {0, DATA.length / 2, DATA.length - 1}) {
                byte[] tampered = flipBit(DATA, index, 0);
                assertFalse(backend().verify(alg, signed.key, tampered, 0, tampered.length, signed.signature), "byte " + index);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> rejectsTheSignatureWhenOneOfItsBitsIsFlipped() {
        return forEachCase((alg, signers) -> {
            Signed signed = new Signed(backend(), signers.signer(false), DATA);
            int length = signed.signature.length;
            for (int index : new int[] {0, length / 2 - 1, length / 2, length - 1}) {
                for (int bit : new int[] {0, 7}) {
                    assertFalse(verify(alg, signed.key, flipBit(signed.signature, index, bit)), "byte " + index + " bit " + bit);
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> rejectsASignatureOneByteShort() {
        return forEachCase((alg, signers) -> {
            Signed signed = new Signed(backend(), signers.signer(false), DATA);
            byte[] shorter = Arrays.copyOf(signed.signature, signed.signature.length - 1);
            byte[] headless = Arrays.copyOfRange(signed.signature, 1, signed.signature.length);
            assertFalse(verify(alg, signed.key, shorter), "last byte cut");
            assertFalse(verify(alg, signed.key, headless), "first byte cut");
        });
    }

    @TestFactory
    Stream<DynamicTest> rejectsASignatureOneByteLong() {
        return forEachCase((alg, signers) -> {
            Signed signed = new Signed(backend(), signers.signer(false), DATA);
            // A zero appended (for lenient decoders) and a zero prepended (the same number for RSA).
            byte[] appended = Arrays.copyOf(signed.signature, signed.signature.length + 1);
            byte[] prepended = new byte[signed.signature.length + 1];
            System.arraycopy(signed.signature, 0, prepended, 1, signed.signature.length);
            assertFalse(verify(alg, signed.key, appended), "zero appended");
            assertFalse(verify(alg, signed.key, prepended), "zero prepended");
        });
    }

    @TestFactory
    Stream<DynamicTest> rejectsASignatureOfAnotherKeyOfTheSameKind() {
        return forEachCase((alg, signers) -> {
            Signed signed = new Signed(backend(), signers.signer(false), DATA);
            Signed other = new Signed(backend(), signers.signer(true), DATA);
            assertFalse(verify(alg, other.key, signed.signature));
        });
    }

    // ---- HMAC: full-length comparison -------------------------------------------------------

    private Stream<DynamicTest> forEachHmac(CaseBody body) {
        return forEachCase(EnumSet.of(JwsAlgorithm.Family.HMAC), body);
    }

    @TestFactory
    Stream<DynamicTest> rejectsAMacWhoseLastByteIsChanged() {
        return forEachHmac((alg, signers) -> {
            byte[] secret = GeneratedKeys.randomBytes(64);
            VerificationKey key = backend().importKey(GeneratedKeys.hmacSigner(alg, secret).keyParameters());
            byte[] mac = GeneratedKeys.hmacSigner(alg, secret).sign(DATA);
            assertTrue(verify(alg, key, mac));
            byte[] changed = mac.clone();
            changed[changed.length - 1] ^= 0x01;
            assertFalse(verify(alg, key, changed));
        });
    }

    @TestFactory
    Stream<DynamicTest> rejectsEveryTruncationOfACorrectMac() {
        return forEachHmac((alg, signers) -> {
            byte[] secret = GeneratedKeys.randomBytes(64);
            VerificationKey key = backend().importKey(GeneratedKeys.hmacSigner(alg, secret).keyParameters());
            byte[] mac = GeneratedKeys.hmacSigner(alg, secret).sign(DATA);
            for (int length = 0; length < mac.length; length++) {
                assertFalse(verify(alg, key, Arrays.copyOf(mac, length)), "length " + length);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> rejectsTheMacOfAnotherHmacAlgorithmWithTheSameSecret() {
        return forEachHmac((alg, signers) -> {
            byte[] secret = GeneratedKeys.randomBytes(64);
            VerificationKey key = backend().importKey(GeneratedKeys.hmacSigner(alg, secret).keyParameters());
            for (JwsAlgorithm other : HMAC) {
                if (other != alg) {
                    assertFalse(verify(alg, key, GeneratedKeys.hmacSigner(other, secret).sign(DATA)), other.name());
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> keepsTwoSecretsApartOnOneThread() {
        // Per-key engines: verifying with one key must not leave the other's MAC state behind.
        return forEachHmac((alg, signers) -> {
            JwsSigner first = GeneratedKeys.hmacSigner(alg, GeneratedKeys.randomBytes(64));
            JwsSigner second = GeneratedKeys.hmacSigner(alg, GeneratedKeys.randomBytes(64));
            VerificationKey firstKey = backend().importKey(first.keyParameters());
            VerificationKey secondKey = backend().importKey(second.keyParameters());
            byte[] firstMac = first.sign(DATA);
            byte[] secondMac = second.sign(DATA);
            for (int i = 0; i < 3; i++) {
                assertTrue(verify(alg, firstKey, firstMac));
                assertFalse(verify(alg, firstKey, secondMac));
                assertTrue(verify(alg, secondKey, secondMac));
                assertFalse(verify(alg, secondKey, firstMac));
            }
        });
    }

    @Test
    void rejectsHs256WithASixteenByteSecretEvenWhenTheMacIsRight() throws Exception {
        assumeSupports(JwsAlgorithm.HS256);
        JwsSigner signer = GeneratedKeys.hmacSigner(JwsAlgorithm.HS256, GeneratedKeys.randomBytes(16));
        assertFalse(verify(JwsAlgorithm.HS256, backend().importKey(signer.keyParameters()), signer.sign(DATA)));
    }

    @Test
    void acceptsAnHmacSecretOfExactlyTheHashLengthButNotOneByteLess() throws Exception {
        for (JwsAlgorithm alg : HMAC) {
            if (!supports(alg)) {
                continue;
            }
            JwsSigner exact = GeneratedKeys.hmacSigner(alg, GeneratedKeys.randomBytes(alg.componentLength()));
            JwsSigner shorter = GeneratedKeys.hmacSigner(alg, GeneratedKeys.randomBytes(alg.componentLength() - 1));
            assertTrue(verify(alg, backend().importKey(exact.keyParameters()), exact.sign(DATA)), alg.name());
            assertFalse(verify(alg, backend().importKey(shorter.keyParameters()), shorter.sign(DATA)), alg.name());
        }
    }

    // ---- ECDSA: r and s outside [1, n-1] (CVE-2022-21449, "psychic signatures") ----------------

    private Stream<DynamicTest> forEachEcdsa(CaseBody body) {
        return forEachCase(EnumSet.of(JwsAlgorithm.Family.ECDSA), body);
    }

    private static BigInteger order(JwsAlgorithm alg) {
        if (alg == JwsAlgorithm.ES256K) {
            return SECP256K1_ORDER;
        }
        return GeneratedKeys.ec(alg).getParams().getOrder();
    }

    /** R || S, each as exactly {@code half} unsigned big-endian bytes. */
    private static byte[] signature(BigInteger r, BigInteger s, int half) {
        byte[] signature = new byte[2 * half];
        System.arraycopy(GeneratedKeys.fixed(r, half), 0, signature, 0, half);
        System.arraycopy(GeneratedKeys.fixed(s, half), 0, signature, half, half);
        return signature;
    }

    @TestFactory
    Stream<DynamicTest> rejectsRAndSBothZero() {
        return forEachEcdsa((alg, signers) -> {
            VerificationKey key = backend().importKey(signers.signer(false).keyParameters());
            int half = alg.componentLength();
            assertFalse(verify(alg, key, new byte[2 * half]));
            assertFalse(backend().verify(alg, key, new byte[0], 0, 0, new byte[2 * half]));
        });
    }

    @TestFactory
    Stream<DynamicTest> rejectsROrSEqualToTheOrderOrAbove() {
        return forEachEcdsa((alg, signers) -> {
            VerificationKey key = backend().importKey(signers.signer(false).keyParameters());
            BigInteger n = order(alg);
            int half = alg.componentLength();
            assertFalse(verify(alg, key, signature(n, BigInteger.ONE, half)), "r = n");
            assertFalse(verify(alg, key, signature(BigInteger.ONE, n, half)), "s = n");
            assertFalse(verify(alg, key, signature(n, n, half)), "r = s = n");
            assertFalse(verify(alg, key, signature(n.add(BigInteger.ONE), BigInteger.ONE, half)), "r = n + 1");
        });
    }

    @TestFactory
    Stream<DynamicTest> rejectsAValidSignatureWithRZeroedOrSZeroed() {
        return forEachEcdsa((alg, signers) -> {
            Signed signed = new Signed(backend(), signers.signer(false), DATA);
            int half = alg.componentLength();
            assertTrue(verify(alg, signed.key, signed.signature));
            byte[] rZero = signed.signature.clone();
            Arrays.fill(rZero, 0, half, (byte) 0);
            byte[] sZero = signed.signature.clone();
            Arrays.fill(sZero, half, 2 * half, (byte) 0);
            assertFalse(verify(alg, signed.key, rZero), "r = 0");
            assertFalse(verify(alg, signed.key, sZero), "s = 0");
        });
    }

    @Test
    void rejectsAValidP521SignatureWithTheOrderAddedToROrS() throws Exception {
        // Only on P-521 does r + n still fit R's 66 bytes, so only the range check can refuse it
        // (on P-256 and P-384 the order is so close to 2^bits that the sum overflows the length).
        assumeSupports(JwsAlgorithm.ES512);
        Signed signed = new Signed(backend(), signer(JwsAlgorithm.ES512), DATA);
        BigInteger n = order(JwsAlgorithm.ES512);
        BigInteger r = new BigInteger(1, Arrays.copyOf(signed.signature, 66));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signed.signature, 66, 132));
        assertTrue(verify(JwsAlgorithm.ES512, signed.key, signed.signature));
        assertFalse(verify(JwsAlgorithm.ES512, signed.key, signature(r.add(n), s, 66)), "r + n");
        assertFalse(verify(JwsAlgorithm.ES512, signed.key, signature(r, s.add(n), 66)), "s + n");
    }

    @TestFactory
    Stream<DynamicTest> verifiesManySignaturesWhoseRAndSHaveLeadingZerosOrHighBits() {
        return forEachEcdsa((alg, signers) -> {
            // Enough signatures that R and S with leading zero bytes and with the top bit set all occur;
            // a fresh key each time, since a deterministic signer (RFC 6979) repeats itself on one key.
            for (int i = 0; i < 100; i++) {
                JwsSigner signer = signers.signer(true);
                VerificationKey key = backend().importKey(signer.keyParameters());
                byte[] signature = signer.sign(DATA);
                assertTrue(verify(alg, key, signature), "signature " + i);
                assertFalse(backend().verify(alg, key, DATA, 0, DATA.length - 1, signature), "signature " + i);
            }
        });
    }

    // ---- From a token's chars ----------------------------------------------------------------

    private static String token(byte[] data, byte[] signature) {
        return new String(data, StandardCharsets.ISO_8859_1) + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    /**
     * Read from a token's chars, a signature is verified only in its one canonical spelling: padded,
     * with the standard alphabet's '+' or '/', with the last char's unused bits set, with a char whose
     * low byte is a base64url char, or with whitespace, it is false; so is a {@code dot2} that does
     * not point at the token's second dot. The canonical token still verifies after each refusal.
     */
    @TestFactory
    Stream<DynamicTest> readsOnlyTheCanonicalSignatureFromATokensChars() {
        return forEachCase((alg, signers) -> {
            Signed signed = new Signed(backend(), signers.signer(false), DATA);
            String token = token(DATA, signed.signature);
            int dot2 = DATA.length;
            String encoded = token.substring(dot2 + 1);
            List<String> flawed = new ArrayList<>();
            flawed.add(encoded + "=");
            flawed.add(encoded + "==");
            flawed.add(" " + encoded);
            flawed.add(encoded.substring(0, 4) + "\n" + encoded.substring(4));
            flawed.add(encoded.substring(0, encoded.length() - 1));
            flawed.add(encoded + "A");
            String standard = Base64.getEncoder().withoutPadding().encodeToString(signed.signature);
            if (!standard.equals(encoded)) {
                flawed.add(standard);
            }
            for (int at : new int[] {0, encoded.length() / 2, encoded.length() - 1}) {
                // The same low byte, eight bits higher: U+0141 for 'A', and so on.
                flawed.add(encoded.substring(0, at) + (char) (encoded.charAt(at) + 0x100) + encoded.substring(at + 1));
            }
            int remainder = encoded.length() & 3;
            if (remainder != 0) {
                char last = encoded.charAt(encoded.length() - 1);
                int alphabetIndex = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".indexOf(last);
                char unusedBitSet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charAt(alphabetIndex ^ 1);
                flawed.add(encoded.substring(0, encoded.length() - 1) + unusedBitSet);
            }
            String signingInput = token.substring(0, dot2 + 1);
            for (String signature : flawed) {
                assertFalse(backend().verify(alg, signed.key, signingInput + signature, dot2),
                        () -> "signature spelled " + signature.replace("\n", "\\n"));
            }
            // DATA's own dot too: the signature would then start with the payload and hold a dot.
            for (int wrongDot : new int[] {-1, dot2 - 1, dot2 + 1, token.length(), token.length() + 5, DATA.length / 2}) {
                assertFalse(backend().verify(alg, signed.key, token, wrongDot), "dot2 " + wrongDot);
            }
            assertFalse(backend().verify(alg, signed.key, null, dot2), "no token");
            assertFalse(backend().verify(null, signed.key, token, dot2), "no algorithm");
            assertFalse(backend().verify(alg, null, token, dot2), "no key");
            assertTrue(backend().verify(alg, signed.key, token, dot2));
        });
    }

    /**
     * Tokens of every size in turn through the same engines: a signing input longer than the buffers
     * keep ({@link TokenBuffers#KEPT_LENGTH}), then short ones again, and, for RSA, keys of two
     * sizes taking turns, so that the signature buffer changes length between calls.
     */
    @TestFactory
    Stream<DynamicTest> verifiesTokensOfEverySizeInTurnFromTheirChars() {
        return forEachCase((alg, signers) -> {
            JwsSigner signer = signers.signer(false);
            VerificationKey key = backend().importKey(signer.keyParameters());
            List<JwsSigner> signersInTurn = new ArrayList<>(List.of(signer));
            List<VerificationKey> keysInTurn = new ArrayList<>(List.of(key));
            if (alg.family() == JwsAlgorithm.Family.RSA || alg.family() == JwsAlgorithm.Family.RSA_PSS) {
                JwsSigner larger = GeneratedKeys.rsaSigner(alg, GeneratedKeys.generate("RSA", 3072));
                signersInTurn.add(larger);
                keysInTurn.add(backend().importKey(larger.keyParameters()));
            }
            for (int length : new int[] {DATA.length, 3 * TokenBuffers.KEPT_LENGTH / 2, 0, 700, TokenBuffers.KEPT_LENGTH + 1, 5}) {
                byte[] data = new byte[length];
                for (int i = 0; i < length; i++) {
                    data[i] = (byte) "abcdefghijklmnopqrstuvwxyz012345-_".charAt(i % 34);
                }
                for (int k = 0; k < signersInTurn.size(); k++) {
                    byte[] signature = signersInTurn.get(k).sign(data);
                    String token = token(data, signature);
                    String what = length + " bytes signed, key " + k;
                    assertTrue(backend().verify(alg, keysInTurn.get(k), token, length), what);
                    if (length > 0) {
                        byte[] changed = data.clone();
                        changed[length - 1] ^= 1;
                        assertFalse(backend().verify(alg, keysInTurn.get(k), token(changed, signature), length), what);
                    }
                    if (keysInTurn.size() > 1) {
                        assertFalse(backend().verify(alg, keysInTurn.get(1 - k), token, length), what + ", other key");
                    }
                }
            }
        });
    }

    // ---- Threads ------------------------------------------------------------------------------

    @Test
    void eightThreadsGetEveryAnswerRightThroughOneBackend() throws Exception {
        List<JwsAlgorithm> algs = new ArrayList<>();
        List<VerificationKey> keys = new ArrayList<>();
        List<byte[]> signatures = new ArrayList<>();
        for (JwsAlgorithm alg : List.of(JwsAlgorithm.RS256, JwsAlgorithm.PS256, JwsAlgorithm.ES256, JwsAlgorithm.ES256K,
                JwsAlgorithm.EdDSA, JwsAlgorithm.Ed448, JwsAlgorithm.HS256, JwsAlgorithm.ML_DSA_44, JwsAlgorithm.ML_DSA_65,
                JwsAlgorithm.ML_DSA_87)) {
            boolean signable = GeneratedKeys.SIGNABLE.contains(alg) || signerBeyondTheJdk(alg).isPresent();
            if (supports(alg) && signable) {
                Signed signed = new Signed(backend(), signer(alg), DATA);
                algs.add(alg);
                keys.add(signed.key);
                signatures.add(signed.signature);
            }
        }
        assertTrue(algs.size() > 1, "backend '" + backend().name() + "' claims too few signable algorithms: " + algs);

        int threads = 8;
        int rounds = 200;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                Callable<Integer> task = () -> {
                    start.await();
                    int wrong = 0;
                    for (int i = 0; i < rounds; i++) {
                        int k = (i + offset) % algs.size();
                        boolean tamper = (i + offset) % 3 == 0;
                        int len = tamper ? DATA.length - 1 : DATA.length;
                        if (backend().verify(algs.get(k), keys.get(k), DATA, 0, len, signatures.get(k)) == tamper) {
                            wrong++;
                        }
                    }
                    return wrong;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            int wrong = 0;
            for (Future<Integer> result : results) {
                wrong += result.get(2, TimeUnit.MINUTES);
            }
            assertEquals(0, wrong, "wrong answers among " + threads * rounds + " verifications over " + algs);
        } finally {
            pool.shutdownNow();
        }
    }
}
