package dev.sigil.jwk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwkPublicKeyFactoriesTest {

    @Test
    void writesRsaNumbersUnsignedAndMinimal() {
        // 0x80.. has a sign byte in BigInteger's two's complement; a JWK's n has none.
        BigInteger n = new BigInteger(1, new byte[] {(byte) 0x80, 0, 0, 1});
        Jwk jwk = Jwk.rsaPublicKey(n, BigInteger.valueOf(65537));
        assertEquals(Map.of("kty", "RSA", "n", "gAAAAQ", "e", "AQAB"), jwk.asMap());
        assertArrayEquals(new byte[] {(byte) 0x80, 0, 0, 1}, jwk.binaryMember("n").orElseThrow());
    }

    @Test
    void refusesANegativeNumber() {
        assertThrows(IllegalArgumentException.class, () -> Jwk.rsaPublicKey(BigInteger.valueOf(-3), BigInteger.valueOf(3)));
    }

    @Test
    void keepsEcCoordinatesAsGivenIncludingLeadingZeros() {
        byte[] x = new byte[32];
        byte[] y = new byte[32];
        y[31] = 7;
        Jwk jwk = Jwk.ecPublicKey("P-256", x, y);
        assertEquals("EC", jwk.keyType());
        assertEquals("P-256", jwk.curve().orElseThrow());
        assertArrayEquals(x, jwk.binaryMember("x").orElseThrow());
        assertArrayEquals(y, jwk.binaryMember("y").orElseThrow());
    }

    @Test
    void writesOkpKeysWithTheirCurveAndNoPrivateMembers() {
        Jwk jwk = Jwk.okpPublicKey("Ed25519", new byte[32]);
        assertEquals(Map.of("kty", "OKP", "crv", "Ed25519", "x", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), jwk.asMap());
        assertFalse(jwk.hasPrivateParameters());
    }
}
