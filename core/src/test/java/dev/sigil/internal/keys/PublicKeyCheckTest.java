package dev.sigil.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigil.jwk.Jwk;
import dev.sigil.spi.KeyParameters;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PublicKeyCheckTest {

    private static final Random RANDOM = new Random(7);
    private static final BigInteger N = modulus2048();

    /** A real two-prime modulus of exactly 2048 bits (the product of two 1024-bit primes may have 2047). */
    private static BigInteger modulus2048() {
        BigInteger n;
        do {
            n = BigInteger.probablePrime(1024, RANDOM).multiply(BigInteger.probablePrime(1024, RANDOM));
        } while (n.bitLength() != 2048);
        return n;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    /** What a verifier makes of the key: read into parameters, then judged; no minimum RSA size. */
    private static String refusal(int maxRsaBits, Map<String, Object> members) {
        return refusal(new KeyLimits(16, maxRsaBits), members);
    }

    private static String refusal(KeyLimits limits, Map<String, Object> members) {
        try {
            return new PublicKeyCheck(limits).refusal(JwkParameters.read(Jwk.of(members)));
        } catch (Refused e) {
            return e.getMessage();
        }
    }

    @Test
    void refusesAnRsaModulusBelowTheMinimumBeforeAnyCostlierCheck() {
        // Prime, too: the size is what is reported, as it is checked before the costlier tests.
        byte[] n = unsigned(BigInteger.probablePrime(1024, RANDOM));
        assertEquals("rsa modulus of 1024 bits is below the minimum of 2048: RFC 7518 section 3.3 requires 2048 bits"
                + " or more for RS256 and every RSA algorithm (minRsaKeySize(..) lowers the minimum, at the risk its"
                + " documentation states)",
                refusal(new KeyLimits(2048, 8192), Map.of("kty", "RSA", "n", b64(n), "e", "AQAB")));
        assertNull(refusal(new KeyLimits(2048, 8192), Map.of("kty", "RSA", "n", b64(unsigned(N)), "e", "AQAB")));
        assertEquals("rsa modulus of 2048 bits is below the minimum of 3072, as set with minRsaKeySize(..)",
                refusal(new KeyLimits(3072, 8192), Map.of("kty", "RSA", "n", b64(unsigned(N)), "e", "AQAB")));
    }

    @Test
    void limitsRefuseAMinimumAboveTheMaximum() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KeyLimits(4096, 2048));
        assertEquals("rsa key size limits must satisfy 0 < minimum <= maximum, got 4096 and 2048", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new KeyLimits(0, 2048));
    }

    @Test
    void readsEveryMemberAtItsExactLengthAndNamesTheOneThatIsNot() {
        assertEquals("'x' must be 32 bytes for P-256, got 31",
                refusal(8192, Map.of("kty", "EC", "crv", "P-256", "x", b64(new byte[31]), "y", b64(new byte[32]))));
        assertEquals("'y' must be 66 bytes for P-521, got 65",
                refusal(8192, Map.of("kty", "EC", "crv", "P-521", "x", b64(new byte[66]), "y", b64(new byte[65]))));
        assertEquals("'x' must be 57 bytes for Ed448, got 32",
                refusal(8192, Map.of("kty", "OKP", "crv", "Ed448", "x", b64(new byte[32]))));
        assertEquals("OKP key has no 'crv'", refusal(8192, Map.of("kty", "OKP", "x", b64(new byte[32]))));
        assertEquals("oct key 'k' is empty", refusal(8192, Map.of("kty", "oct", "k", "")));
        assertEquals("jwk member 'n' must be a string", refusal(8192, Map.of("kty", "RSA", "n", 5L, "e", "AQAB")));
        assertEquals("'pub' must be 1312 bytes for ML-DSA-44, got 1",
                refusal(8192, Map.of("kty", "AKP", "alg", "ML-DSA-44", "pub", "AA")));
        assertEquals("'pub' must be 2592 bytes for ML-DSA-87, got 1952",
                refusal(8192, Map.of("kty", "AKP", "alg", "ML-DSA-87", "pub", b64(akpKey(1952)))));
        assertEquals("AKP key has no 'alg'", refusal(8192, Map.of("kty", "AKP", "pub", b64(akpKey(1312)))));
        assertEquals("alg 'ES256' is not an ML-DSA algorithm, which an AKP key needs",
                refusal(8192, Map.of("kty", "AKP", "alg", "ES256", "pub", b64(akpKey(1312)))));
        assertEquals("AKP key has no 'pub'", refusal(8192, Map.of("kty", "AKP", "alg", "ML-DSA-65")));
        assertNull(refusal(8192, Map.of("kty", "AKP", "alg", "ML-DSA-65", "pub", b64(akpKey(1952)))));
    }

    @Test
    void refusesAnMlDsaKeyWhoseT1IsZeroWhateverItsRho() {
        // FIPS 204: pub = rho (32 bytes) || t1. With t1 = 0, anyone can sign (Wycheproof's ZeroPublicKey).
        for (int length : new int[] {1312, 1952, 2592}) {
            byte[] zero = new byte[length];
            Arrays.fill(zero, 0, 32, (byte) 0x5a);
            String alg = length == 1312 ? "ML-DSA-44" : length == 1952 ? "ML-DSA-65" : "ML-DSA-87";
            assertEquals("ML-DSA public key has t1 = 0 (every byte after rho is zero): anyone could forge signatures"
                    + " that verify with it", refusal(8192, Map.of("kty", "AKP", "alg", alg, "pub", b64(zero))), alg);
            assertEquals(refusal(8192, Map.of("kty", "AKP", "alg", alg, "pub", b64(zero))),
                    refusal(8192, Map.of("kty", "AKP", "alg", alg, "pub", b64(new byte[length]))));
            byte[] lastBitSet = zero.clone();
            lastBitSet[length - 1] = 1;
            assertNull(refusal(8192, Map.of("kty", "AKP", "alg", alg, "pub", b64(lastBitSet))), alg);
            byte[] firstT1BitSet = zero.clone();
            firstT1BitSet[32] = (byte) 0x80;
            assertNull(refusal(8192, Map.of("kty", "AKP", "alg", alg, "pub", b64(firstT1BitSet))), alg);
        }
    }

    /** A public key of {@code length} bytes that passes the core checks: t1 not zero. */
    private static byte[] akpKey(int length) {
        byte[] key = new byte[length];
        key[length - 1] = 7;
        return key;
    }

    @Test
    void judgesParametersReadFromACertificateAsItJudgesAJwks() {
        // The x5c path hands PublicKeyCheck parameters a backend made: the same rules apply.
        PublicKeyCheck check = new PublicKeyCheck(new KeyLimits(2048, 8192));
        byte[] identity = new byte[32];
        identity[0] = 1;
        assertEquals("okp key 'x' is a small-order point of Ed25519, which lets anyone forge signatures",
                check.refusal(new KeyParameters.Okp("Ed25519", identity)));
        assertEquals("rsa public exponent is even", check.refusal(new KeyParameters.Rsa(N, BigInteger.valueOf(65536))));
        assertEquals("oct key of 128 bits is shorter than the 256 bits HS256 needs (RFC 7518 section 3.2)",
                check.refusal(new KeyParameters.Oct(new byte[16])));
        assertNull(check.refusal(new KeyParameters.Ec("P-256", new byte[32], new byte[32])),
                "whether the point is on the curve is the backend's to say");
        assertNull(check.refusal(new KeyParameters.Akp("ML-DSA-44", akpKey(1312))));
        assertEquals("ML-DSA public key has t1 = 0 (every byte after rho is zero): anyone could forge signatures"
                + " that verify with it", check.refusal(new KeyParameters.Akp("ML-DSA-44", new byte[1312])));
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
        assertEquals("curve X25519 is for key agreement and cannot verify signatures: it serves ECDH-ES encryption"
                + " (RFC 8037 section 3.2), and no setting makes it a signing key",
                refusal(8192, Map.of("kty", "OKP", "crv", "X25519", "x", b64(new byte[32]))));
        assertEquals("oct key has no 'k'", refusal(8192, Map.of("kty", "oct")));
        assertNull(refusal(8192, Map.of("kty", "oct", "k", b64(new byte[32]))));
        assertNull(refusal(8192, Map.of("kty", "oct", "k", b64(new byte[1024]))));
    }
}
