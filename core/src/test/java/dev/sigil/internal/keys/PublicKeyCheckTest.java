package dev.sigil.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sigil.jwk.Jwk;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PublicKeyCheckTest {

    private static final Random RANDOM = new Random(7);
    private static final BigInteger N = BigInteger.probablePrime(1024, RANDOM).multiply(BigInteger.probablePrime(1024, RANDOM));

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String refusal(int maxRsaBits, Map<String, Object> members) {
        return new PublicKeyCheck(new KeyLimits(maxRsaBits)).refusal(Jwk.of(members));
    }

    @Test
    void theRsaSizeLimitCountsSignificantBitsOnly() {
        byte[] n = unsigned(N);
        byte[] padded = new byte[n.length + 3];
        System.arraycopy(n, 0, padded, 3, n.length);
        assertNull(refusal(2048, Map.of("kty", "RSA", "n", b64(padded), "e", "AAEAAQ")));
        BigInteger longer = N.setBit(2048);
        assertEquals("rsa modulus of 2049 bits is above the verifier's limit of 2048",
                refusal(2048, Map.of("kty", "RSA", "n", b64(unsigned(longer)), "e", "AQAB")));
    }

    @Test
    void refusesAnRsaExponentNotBelowTheModulus() {
        BigInteger small = BigInteger.valueOf(1009).multiply(BigInteger.valueOf(1013));
        assertEquals("rsa public exponent is not below the modulus",
                refusal(2048, Map.of("kty", "RSA", "n", b64(unsigned(small)), "e", b64(unsigned(small.add(BigInteger.TWO))))));
    }

    @Test
    void refusesMissingMembersAndUnknownCurvesWithTheirNamesMadePrintable() {
        assertEquals("RSA key has no 'e'", refusal(8192, Map.of("kty", "RSA", "n", b64(unsigned(N)))));
        assertEquals("EC key has no 'y'", refusal(8192, Map.of("kty", "EC", "crv", "P-256", "x", b64(new byte[32]))));
        assertEquals("unsupported curve 'P-\\u001b[2J' for key type EC",
                refusal(8192, Map.of("kty", "EC", "crv", "P-\u001b[2J", "x", "AA", "y", "AA")));
        assertEquals("curve X25519 is for key agreement and cannot verify signatures",
                refusal(8192, Map.of("kty", "OKP", "crv", "X25519", "x", b64(new byte[32]))));
        assertEquals("oct key has no 'k'", refusal(8192, Map.of("kty", "oct")));
        assertNull(refusal(8192, Map.of("kty", "oct", "k", b64(new byte[32]))));
        assertNull(refusal(8192, Map.of("kty", "oct", "k", b64(new byte[1024]))));
    }
}
