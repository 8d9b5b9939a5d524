package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.VerificationKey;
import dev.sigil.testkit.EcdsaScalarRange;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Provider;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The range check for R and S the backend relies on and its DER conversion, right on their own (that R and
 * S outside [1, n-1] never verify is the testkit's {@code CryptoBackendVerificationContract}).
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("curves")
    void rangeCheckAcceptsOneAndOrderMinusOneAndRefusesZeroOrderAndAllOnes(JwsAlgorithm alg, TestKeys.Kind kind)
            throws Exception {
        // Core's check, which this backend relies on, against the group order the provider reports.
        KeyPair pair = kind.generate();
        BigInteger n = ((ECPublicKey) pair.getPublic()).getParams().getOrder();
        EcdsaScalarRange.assertCoreCheckAgreesWith(alg.requiredCurve(), n, alg.componentLength());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("curves")
    void verifiesThroughTheDerConversionForProvidersWithoutP1363(JwsAlgorithm alg, TestKeys.Kind kind) throws Exception {
        KeyPair pair = kind.generate();
        VerificationKey key = backend.importKey(TestKeys.parameters(pair.getPublic()));
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
