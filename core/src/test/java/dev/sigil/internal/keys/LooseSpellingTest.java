package dev.sigil.internal.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

/**
 * Issue 19: a key member may be spelled in either base64 alphabet, with correct padding, and an RSA
 * number with leading zero octets; the key read, and its RFC 7638 thumbprint, are those of the
 * canonical spelling. Fixed-length members keep their exact length, and a secret is never stripped.
 */
class LooseSpellingTest {

    private static final Random RANDOM = new Random(7638);
    private static final Base64.Encoder STANDARD = Base64.getEncoder();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    @Test
    void anRsaKeyInStandardBase64WithALeadingZeroReadsAsItsCanonicalSpellingAndSaysWhy() throws Refused {
        for (int round = 0; round < 50; round++) {
            BigInteger n = new BigInteger(2048, RANDOM).setBit(2047).setBit(0);
            byte[] signed = n.toByteArray(); // 257 octets: the top bit is set, so a zero octet leads
            Jwk canonical = Jwk.of(Map.of("kty", "RSA", "n", URL.encodeToString(unsigned(n)), "e", "AQAB"));
            Jwk battleNet = Jwk.of(Map.of("kty", "RSA", "n", STANDARD.encodeToString(signed), "e", "AQAB"));
            KeyParameters read = JwkParameters.read(battleNet);
            assertEquals(JwkParameters.read(canonical), read);
            assertEquals(Thumbprint.canonicalJson(JwkParameters.read(canonical)), Thumbprint.canonicalJson(read));
            assertNull(JwkParameters.toleratedSpelling(canonical));
            assertEquals("'n' is standard base64 or padded, not base64url; 'n' has leading zero octets"
                    + " (accepted: the key is the same)", JwkParameters.toleratedSpelling(battleNet));
        }
        Jwk zeroLedExponent = Jwk.of(Map.of("kty", "RSA", "n", URL.encodeToString(unsigned(BigInteger.TEN.pow(300))),
                "e", "AAEAAQ"));
        assertEquals(BigInteger.valueOf(65537), ((KeyParameters.Rsa) JwkParameters.read(zeroLedExponent)).exponent());
        assertEquals("'e' has leading zero octets (accepted: the key is the same)", JwkParameters.toleratedSpelling(zeroLedExponent));
    }

    @Test
    void fixedLengthMembersKeepTheirExactLengthInEitherAlphabet() throws Refused {
        byte[] x = new byte[32];
        byte[] y = new byte[32];
        RANDOM.nextBytes(x);
        RANDOM.nextBytes(y);
        Jwk standard = Jwk.of(Map.of("kty", "EC", "crv", "P-256", "x", STANDARD.encodeToString(x), "y", STANDARD.encodeToString(y)));
        KeyParameters.Ec ec = (KeyParameters.Ec) JwkParameters.read(standard);
        assertArrayEquals(x, ec.x());
        assertArrayEquals(y, ec.y());

        // A leading zero octet is not stripped from a coordinate, nor one added: 33 and 31 octets are both wrong.
        byte[] longer = new byte[33];
        System.arraycopy(x, 0, longer, 1, 32);
        assertEquals("'x' must be 32 bytes for P-256, got 33", refusal(Map.of("kty", "EC", "crv", "P-256",
                "x", STANDARD.encodeToString(longer), "y", URL.encodeToString(y))));
        assertEquals("'x' must be 32 bytes for Ed25519, got 33", refusal(Map.of("kty", "OKP", "crv", "Ed25519",
                "x", URL.encodeToString(longer))));
        byte[] shorter = new byte[31];
        assertEquals("'y' must be 32 bytes for P-256, got 31", refusal(Map.of("kty", "EC", "crv", "P-256",
                "x", URL.encodeToString(x), "y", STANDARD.encodeToString(shorter))));
    }

    @Test
    void aSecretsLeadingZeroOctetsAreKeptBecauseEveryOctetCounts() throws Refused {
        byte[] k = new byte[33];
        RANDOM.nextBytes(k);
        k[0] = 0;
        KeyParameters.Oct oct = (KeyParameters.Oct) JwkParameters.read(Jwk.of(Map.of("kty", "oct", "k", STANDARD.encodeToString(k))));
        assertArrayEquals(k, oct.k());
    }

    @Test
    void mixedAlphabetsWhitespaceAndBadPaddingStayRefusedWithTheMembersName() {
        assertEquals("jwk member 'n' is not valid base64url: base64 text mixes the standard and url-safe alphabets",
                refusal(Map.of("kty", "RSA", "n", "ab+c_d", "e", "AQAB")));
        assertEquals("jwk member 'e' is not valid base64url: illegal base64url character at offset 2",
                refusal(Map.of("kty", "RSA", "n", "AQAB", "e", "AQ B")));
        assertEquals("jwk member 'e' is not valid base64url: base64 padding of 1 after 4 characters is not what that"
                + " length needs", refusal(Map.of("kty", "RSA", "n", "AQAB", "e", "AQAB=")));
    }

    @Test
    void aZeroModulusOrExponentIsRefusedNotThrown() {
        assertEquals("rsa modulus and exponent must be positive", refusal(Map.of("kty", "RSA", "n", "AA==", "e", "AQAB")));
        assertEquals("rsa modulus and exponent must be positive", refusal(Map.of("kty", "RSA", "n", "AQAB", "e", "AAA")));
    }

    private static String refusal(Map<String, Object> members) {
        return assertThrows(Refused.class, () -> JwkParameters.read(Jwk.of(members))).getMessage();
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] bytes = n.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
