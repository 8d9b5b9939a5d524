package dev.sigil.backend.bouncycastle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwt.JwsAlgorithm;
import dev.sigil.spi.VerificationKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * R and S outside [1, n-1] never verify on any curve (CVE-2022-21449, "psychic signatures"), and
 * the backend's own range check is right on its own.
 */
class EcdsaSignatureRangeTest {

    private static final byte[] DATA = "header.payload".getBytes(StandardCharsets.US_ASCII);

    private final BouncyCastleCryptoBackend backend = new BouncyCastleCryptoBackend();

    /** The ECDSA algorithms, each with a fresh key of its curve and a valid signature over {@link #DATA}. */
    enum Curve {
        ES256(JwsAlgorithm.ES256, "secp256r1"),
        ES384(JwsAlgorithm.ES384, "secp384r1"),
        ES512(JwsAlgorithm.ES512, "secp521r1"),
        ES256K(JwsAlgorithm.ES256K, "secp256k1");

        final JwsAlgorithm alg;
        final BigInteger order;

        Curve(JwsAlgorithm alg, String name) {
            this.alg = alg;
            this.order = CustomNamedCurves.getByName(name).getN();
        }

        SignatureRoundTripTest.Signed sign(BouncyCastleCryptoBackend backend) throws Exception {
            SignatureRoundTripTest.Signer signer = this == ES256K ? SignatureRoundTripTest.Signer.SECP256K1
                    : SignatureRoundTripTest.Signer.valueOf(alg.requiredCurve().replace("-", ""));
            return new SignatureRoundTripTest.Signed(backend, alg, signer, DATA);
        }
    }

    private static byte[] signature(BigInteger r, BigInteger s, int half) {
        byte[] signature = new byte[2 * half];
        System.arraycopy(TestKeys.unsigned(r, half), 0, signature, 0, half);
        System.arraycopy(TestKeys.unsigned(s, half), 0, signature, half, half);
        return signature;
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void rejectsRAndSBothZero(Curve curve) throws Exception {
        VerificationKey key = curve.sign(backend).key;
        int half = curve.alg.componentLength();
        assertFalse(backend.verify(curve.alg, key, DATA, 0, DATA.length, new byte[2 * half]));
        assertFalse(backend.verify(curve.alg, key, new byte[0], 0, 0, new byte[2 * half]));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void rejectsREqualToTheOrderAndSOne(Curve curve) throws Exception {
        VerificationKey key = curve.sign(backend).key;
        BigInteger n = curve.order;
        int half = curve.alg.componentLength();
        assertFalse(backend.verify(curve.alg, key, DATA, 0, DATA.length, signature(n, BigInteger.ONE, half)));
        assertFalse(backend.verify(curve.alg, key, DATA, 0, DATA.length, signature(BigInteger.ONE, n, half)));
        assertFalse(backend.verify(curve.alg, key, DATA, 0, DATA.length, signature(n, n, half)));
        assertFalse(backend.verify(curve.alg, key, DATA, 0, DATA.length, signature(n.add(BigInteger.ONE), BigInteger.ONE, half)));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void rejectsAValidSignatureWithRZeroedOrSZeroed(Curve curve) throws Exception {
        SignatureRoundTripTest.Signed signed = curve.sign(backend);
        int half = curve.alg.componentLength();
        assertTrue(backend.verify(curve.alg, signed.key, DATA, 0, DATA.length, signed.signature));
        byte[] rZero = signed.signature.clone();
        Arrays.fill(rZero, 0, half, (byte) 0);
        byte[] sZero = signed.signature.clone();
        Arrays.fill(sZero, half, 2 * half, (byte) 0);
        assertFalse(backend.verify(curve.alg, signed.key, DATA, 0, DATA.length, rZero));
        assertFalse(backend.verify(curve.alg, signed.key, DATA, 0, DATA.length, sZero));
    }

    @Test
    void rejectsAValidP521SignatureWithTheOrderAddedToROrS() throws Exception {
        // Only on P-521 does r + n still fit R's 66 bytes, so only the range check can refuse it.
        SignatureRoundTripTest.Signed signed = Curve.ES512.sign(backend);
        BigInteger n = Curve.ES512.order;
        BigInteger r = new BigInteger(1, Arrays.copyOf(signed.signature, 66));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signed.signature, 66, 132));
        assertTrue(backend.verify(JwsAlgorithm.ES512, signed.key, DATA, 0, DATA.length, signed.signature));
        assertFalse(backend.verify(JwsAlgorithm.ES512, signed.key, DATA, 0, DATA.length, signature(r.add(n), s, 66)));
        assertFalse(backend.verify(JwsAlgorithm.ES512, signed.key, DATA, 0, DATA.length, signature(r, s.add(n), 66)));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void rangeCheckAcceptsOneAndOrderMinusOneAndRefusesZeroOrderAndAllOnes(Curve curve) throws Exception {
        EcCurve ec = ((EcKey) curve.sign(backend).key).ecCurve();
        BigInteger n = curve.order;
        int half = curve.alg.componentLength();
        assertFalse(ec.isScalarInRange(TestKeys.unsigned(BigInteger.ZERO, half), 0));
        assertTrue(ec.isScalarInRange(TestKeys.unsigned(BigInteger.ONE, half), 0));
        assertTrue(ec.isScalarInRange(TestKeys.unsigned(n.subtract(BigInteger.ONE), half), 0));
        assertFalse(ec.isScalarInRange(TestKeys.unsigned(n, half), 0));
        assertFalse(ec.isScalarInRange(TestKeys.unsigned(n.add(BigInteger.ONE), half), 0));
        assertFalse(ec.isScalarInRange(TestKeys.unsigned(BigInteger.ONE.shiftLeft(8 * half).subtract(BigInteger.ONE), half), 0));
        byte[] offset = new byte[2 * half];
        System.arraycopy(TestKeys.unsigned(BigInteger.ONE, half), 0, offset, half, half);
        assertFalse(ec.isScalarInRange(offset, 0));
        assertTrue(ec.isScalarInRange(offset, half));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void verifiesManySignaturesWhoseRAndSHaveLeadingZerosOrHighBits(Curve curve) throws Exception {
        SignatureRoundTripTest.Signed signed = curve.sign(backend);
        assertTrue(backend.verify(curve.alg, signed.key, DATA, 0, DATA.length, signed.signature));
        for (int i = 0; i < 50; i++) {
            SignatureRoundTripTest.Signed another = curve.sign(backend);
            assertTrue(backend.verify(curve.alg, another.key, DATA, 0, DATA.length, another.signature), "signature " + i);
        }
    }
}
