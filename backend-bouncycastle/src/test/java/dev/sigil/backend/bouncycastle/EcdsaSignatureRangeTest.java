package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.EcdsaScalars;
import dev.sigil.testkit.EcdsaScalarRange;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
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
        EcdsaScalarRange.assertCoreCheckAgreesWith(jwkCurve, CustomNamedCurves.getByName(bcCurve).getN(), length);
    }
}
