package dev.sigil.backend.bouncycastle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.spi.EcdsaScalars;
import dev.sigil.testkit.EcdsaScalarRange;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The range check for R and S this backend relies on (core's {@link EcdsaScalars}), against
 * BouncyCastle's own group order of every curve the backend has (that R and S outside [1, n-1]
 * never verify is the testkit's {@code CryptoBackendVerificationContract}).
 */
class EcdsaSignatureRangeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"P-256, secp256r1, 32", "P-384, secp384r1, 48", "P-521, secp521r1, 66", "secp256k1, secp256k1, 32"})
    void rangeCheckAcceptsOneAndOrderMinusOneAndRefusesZeroOrderAndAllOnes(String jwkCurve, String bcCurve, int length) {
        BigInteger n = CustomNamedCurves.getByName(bcCurve).getN();
        EcdsaScalars scalars = EcdsaScalars.of(jwkCurve);
        assertEquals(length, scalars.scalarBytes());
        byte[] one = BigIntegers.asUnsignedByteArray(length, BigInteger.ONE);
        for (EcdsaScalarRange.Case edge : EcdsaScalarRange.edgesOf(n, length)) {
            byte[] scalar = Arrays.copyOfRange(edge.bytes(), edge.offset(), edge.offset() + length);
            assertEquals(edge.inRange(), scalars.inRange(concat(scalar, one)), edge.name() + " as r");
            assertEquals(edge.inRange(), scalars.inRange(concat(one, scalar)), edge.name() + " as s");
        }
    }

    private static byte[] concat(byte[] r, byte[] s) {
        byte[] signature = Arrays.copyOf(r, r.length + s.length);
        System.arraycopy(s, 0, signature, r.length, s.length);
        return signature;
    }
}
