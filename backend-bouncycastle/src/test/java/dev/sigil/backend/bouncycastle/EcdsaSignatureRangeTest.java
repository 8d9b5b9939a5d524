package dev.sigil.backend.bouncycastle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.jwk.Jwk;
import dev.sigil.testkit.EcdsaScalarRange;
import dev.sigil.testkit.PublicParameters;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The backend's own range check for R and S, right on its own on every curve it has (that R and S
 * outside [1, n-1] never verify is the testkit's {@code CryptoBackendVerificationContract}).
 */
class EcdsaSignatureRangeTest {

    private final BouncyCastleCryptoBackend backend = new BouncyCastleCryptoBackend();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"P-256, secp256r1, 32", "P-384, secp384r1, 48", "P-521, secp521r1, 66", "secp256k1, secp256k1, 32"})
    void rangeCheckAcceptsOneAndOrderMinusOneAndRefusesZeroOrderAndAllOnes(String jwkCurve, String bcCurve, int length)
            throws Exception {
        X9ECParameters curve = CustomNamedCurves.getByName(bcCurve);
        // The generator is a point of the curve as good as any other for importing a key.
        ECPoint g = curve.getG().normalize();
        Map<String, Object> members = Map.of("kty", "EC", "crv", jwkCurve,
                "x", b64(BigIntegers.asUnsignedByteArray(length, g.getAffineXCoord().toBigInteger())),
                "y", b64(BigIntegers.asUnsignedByteArray(length, g.getAffineYCoord().toBigInteger())));
        EcCurve ec = ((EcKey) backend.importKey(PublicParameters.of(Jwk.of(members)))).ecCurve();
        BigInteger n = curve.getN();
        for (EcdsaScalarRange.Case edge : EcdsaScalarRange.edgesOf(n, length)) {
            assertEquals(edge.inRange(), ec.isScalarInRange(edge.bytes(), edge.offset()), edge.name());
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
