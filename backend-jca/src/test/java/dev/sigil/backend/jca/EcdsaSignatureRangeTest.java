package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwt.JwsAlgorithm;
import dev.sigil.spi.VerificationKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Provider;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R and S outside [1, n-1] never verify, whatever the JDK (CVE-2022-21449, "psychic signatures"),
 * and the library's own range check and DER conversion are right on their own.
 */
class EcdsaSignatureRangeTest {

    private static final byte[] DATA = "header.payload".getBytes(StandardCharsets.US_ASCII);

    private final JcaCryptoBackend backend = new JcaCryptoBackend();

    static Stream<Arguments> curves() {
        return Stream.of(
                Arguments.of(JwsAlgorithm.ES256, TestKeys.Kind.P256),
                Arguments.of(JwsAlgorithm.ES384, TestKeys.Kind.P384),
                Arguments.of(JwsAlgorithm.ES512, TestKeys.Kind.P521));
    }

    private static BigInteger order(KeyPair pair) {
        return ((ECPublicKey) pair.getPublic()).getParams().getOrder();
    }

    private static byte[] signature(BigInteger r, BigInteger s, int half) {
        byte[] signature = new byte[2 * half];
        System.arraycopy(TestKeys.unsigned(r, half), 0, signature, 0, half);
        System.arraycopy(TestKeys.unsigned(s, half), 0, signature, half, half);
        return signature;
    }

    private static EcCurve curve(JcaCryptoBackend backend, KeyPair pair) throws Exception {
        return ((EcKey) backend.importKey(TestKeys.jwk(pair.getPublic()))).ecCurve();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("curves")
    void rejectsRAndSBothZero(JwsAlgorithm alg, TestKeys.Kind kind) throws Exception {
        KeyPair pair = kind.generate();
        VerificationKey key = backend.importKey(TestKeys.jwk(pair.getPublic()));
        int half = alg.componentLength();
        assertFalse(backend.verify(alg, key, DATA, 0, DATA.length, new byte[2 * half]));
        assertFalse(backend.verify(alg, key, new byte[0], 0, 0, new byte[2 * half]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("curves")
    void rejectsREqualToTheOrderAndSOne(JwsAlgorithm alg, TestKeys.Kind kind) throws Exception {
        KeyPair pair = kind.generate();
        VerificationKey key = backend.importKey(TestKeys.jwk(pair.getPublic()));
        BigInteger n = order(pair);
        int half = alg.componentLength();
        assertFalse(backend.verify(alg, key, DATA, 0, DATA.length, signature(n, BigInteger.ONE, half)));
        assertFalse(backend.verify(alg, key, DATA, 0, DATA.length, signature(BigInteger.ONE, n, half)));
        assertFalse(backend.verify(alg, key, DATA, 0, DATA.length, signature(n, n, half)));
    }

    @Test
    void rejectsAValidP521SignatureWithTheOrderAddedToR() throws Exception {
        // Only on P-521 does r + n still fit R's 66 bytes, so only the range check can refuse it
        // (on P-256 and P-384 the order is so close to 2^bits that the sum overflows the length).
        KeyPair pair = TestKeys.Kind.P521.generate();
        VerificationKey key = backend.importKey(TestKeys.jwk(pair.getPublic()));
        byte[] valid = TestKeys.sign(JwsAlgorithm.ES512, pair.getPrivate(), DATA);
        BigInteger r = new BigInteger(1, Arrays.copyOf(valid, 66));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(valid, 66, 132));
        assertTrue(backend.verify(JwsAlgorithm.ES512, key, DATA, 0, DATA.length, valid));
        assertFalse(backend.verify(JwsAlgorithm.ES512, key, DATA, 0, DATA.length, signature(r.add(order(pair)), s, 66)));
        assertFalse(backend.verify(JwsAlgorithm.ES512, key, DATA, 0, DATA.length, signature(r, s.add(order(pair)), 66)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("curves")
    void rangeCheckAcceptsOneAndOrderMinusOneAndRefusesZeroOrderAndAllOnes(JwsAlgorithm alg, TestKeys.Kind kind)
            throws Exception {
        KeyPair pair = kind.generate();
        EcCurve curve = curve(backend, pair);
        BigInteger n = order(pair);
        int half = alg.componentLength();
        assertFalse(curve.isScalarInRange(TestKeys.unsigned(BigInteger.ZERO, half), 0));
        assertTrue(curve.isScalarInRange(TestKeys.unsigned(BigInteger.ONE, half), 0));
        assertTrue(curve.isScalarInRange(TestKeys.unsigned(n.subtract(BigInteger.ONE), half), 0));
        assertFalse(curve.isScalarInRange(TestKeys.unsigned(n, half), 0));
        assertFalse(curve.isScalarInRange(TestKeys.unsigned(n.add(BigInteger.ONE), half), 0));
        assertFalse(curve.isScalarInRange(TestKeys.unsigned(BigInteger.ONE.shiftLeft(8 * half).subtract(BigInteger.ONE), half), 0));
        byte[] offset = new byte[2 * half];
        System.arraycopy(TestKeys.unsigned(BigInteger.ONE, half), 0, offset, half, half);
        assertFalse(curve.isScalarInRange(offset, 0));
        assertTrue(curve.isScalarInRange(offset, half));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("curves")
    void verifiesThroughTheDerConversionForProvidersWithoutP1363(JwsAlgorithm alg, TestKeys.Kind kind) throws Exception {
        KeyPair pair = kind.generate();
        VerificationKey key = backend.importKey(TestKeys.jwk(pair.getPublic()));
        String derName = alg.hashName().replace("-", "") + "withECDSA";
        Provider provider = Signature.getInstance(derName).getProvider();
        EcdsaVerifier derOnly = new EcdsaVerifier(key.curve(), derName, provider, false);
        // Enough signatures that R and S with leading zero bytes and with the top bit set all occur.
        for (int i = 0; i < 100; i++) {
            byte[] signature = TestKeys.sign(alg, pair.getPrivate(), DATA);
            assertTrue(derOnly.verify((JcaKey) key, DATA, 0, DATA.length, signature), "signature " + i);
            assertFalse(derOnly.verify((JcaKey) key, DATA, 0, DATA.length - 1, signature), "signature " + i);
        }
        assertFalse(derOnly.verify((JcaKey) key, DATA, 0, DATA.length, new byte[2 * alg.componentLength()]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("curves")
    void convertsToMinimalPositiveDerIntegers(JwsAlgorithm alg, TestKeys.Kind kind) {
        int half = alg.componentLength();
        byte[] signature = new byte[2 * half];
        signature[half - 1] = 0x7f;             // r = 0x7f: one byte, no padding
        signature[half] = (byte) 0x80;          // s: top bit set, full length, needs a leading zero
        byte[] der = EcdsaVerifier.toDer(signature, half);
        int body = (2 + 1) + (2 + 1 + half);
        int header = body < 128 ? 2 : 3;
        assertEquals(header + body, der.length);
        assertEquals(0x30, der[0]);
        int i = header;
        assertEquals(0x02, der[i]);
        assertEquals(1, der[i + 1]);
        assertEquals(0x7f, der[i + 2]);
        assertEquals(0x02, der[i + 3]);
        assertEquals(half + 1, der[i + 4]);
        assertEquals(0, der[i + 5]);
        assertEquals((byte) 0x80, der[i + 6]);
    }
}
