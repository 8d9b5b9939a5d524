package dev.sigil.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyParametersTest {

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    @Test
    void copiesArraysInAndOutSoThatNobodyCanChangeAKeyAfterTheFact() {
        byte[] x = filled(32, 1);
        byte[] y = filled(32, 2);
        KeyParameters.Ec ec = new KeyParameters.Ec("P-256", x, y);
        x[0] = 9;
        ec.y()[0] = 9;
        assertArrayEquals(filled(32, 1), ec.x());
        assertArrayEquals(filled(32, 2), ec.y());

        byte[] k = filled(32, 3);
        KeyParameters.Oct oct = new KeyParameters.Oct(k);
        k[0] = 0;
        oct.k()[1] = 0;
        assertArrayEquals(filled(32, 3), oct.k());
    }

    @Test
    void equalsComparesContentsAndRsaNumbersAsNumbers() {
        assertEquals(new KeyParameters.Ec("P-384", filled(48, 1), filled(48, 2)),
                new KeyParameters.Ec("P-384", filled(48, 1), filled(48, 2)));
        assertEquals(new KeyParameters.Ec("P-384", filled(48, 1), filled(48, 2)).hashCode(),
                new KeyParameters.Ec("P-384", filled(48, 1), filled(48, 2)).hashCode());
        assertNotEquals(new KeyParameters.Ec("P-256", filled(32, 1), filled(32, 2)),
                new KeyParameters.Ec("secp256k1", filled(32, 1), filled(32, 2)));
        assertNotEquals(new KeyParameters.Okp("Ed25519", filled(32, 1)), new KeyParameters.Okp("Ed25519", filled(32, 2)));
        assertEquals(new KeyParameters.Okp("Ed448", filled(57, 1)), new KeyParameters.Okp("Ed448", filled(57, 1)));
        BigInteger n = new BigInteger(1, filled(256, 0x7f));
        // A JWK's n with a leading zero octet reads to the same number.
        assertEquals(new KeyParameters.Rsa(n, BigInteger.valueOf(65537)),
                new KeyParameters.Rsa(new BigInteger(1, new BigInteger(1, filled(256, 0x7f)).toByteArray()), BigInteger.valueOf(65537)));
        assertEquals(new KeyParameters.Oct(filled(40, 5)), new KeyParameters.Oct(filled(40, 5)));
        assertNotEquals(new KeyParameters.Oct(filled(40, 5)), new KeyParameters.Oct(filled(40, 6)));
        assertNotEquals(new KeyParameters.Oct(filled(40, 5)), new KeyParameters.Oct(filled(41, 5)));
        assertEquals(new KeyParameters.Akp("ML-DSA-65", filled(1952, 1)), new KeyParameters.Akp("ML-DSA-65", filled(1952, 1)));
        assertFalse(new KeyParameters.Oct(filled(40, 5)).equals(null));
    }

    @Test
    void toStringNamesTypeAndSizeButNeverKeyMaterial() {
        assertEquals("Oct[256 bits]", new KeyParameters.Oct(filled(32, 0x41)).toString());
        assertEquals("Rsa[2048 bits]", new KeyParameters.Rsa(BigInteger.ONE.shiftLeft(2047).setBit(0), BigInteger.valueOf(3)).toString());
        assertEquals("Ec[P-521]", new KeyParameters.Ec("P-521", filled(66, 1), filled(66, 1)).toString());
        assertEquals("Okp[Ed25519]", new KeyParameters.Okp("Ed25519", filled(32, 1)).toString());
        assertEquals("Akp[ML-DSA-44]", new KeyParameters.Akp("ML-DSA-44", filled(1312, 1)).toString());
    }

    @Test
    void describesEachKeyAsTheVerificationKeyBuiltFromItWill() {
        KeyParameters.Ec p521 = new KeyParameters.Ec("P-521", filled(66, 1), filled(66, 1));
        assertEquals("EC", p521.keyType());
        assertEquals("P-521", p521.curve());
        assertEquals(521, p521.sizeBits());
        assertEquals(256, new KeyParameters.Ec("secp256k1", filled(32, 1), filled(32, 1)).sizeBits());
        assertEquals(456, new KeyParameters.Okp("Ed448", filled(57, 1)).sizeBits());
        KeyParameters.Rsa rsa = new KeyParameters.Rsa(BigInteger.ONE.shiftLeft(3071).setBit(0), BigInteger.valueOf(65537));
        assertEquals("RSA", rsa.keyType());
        assertNull(rsa.curve());
        assertEquals(3072, rsa.sizeBits());
        assertEquals("oct", new KeyParameters.Oct(filled(33, 1)).keyType());
        assertEquals(264, new KeyParameters.Oct(filled(33, 1)).sizeBits());
        assertEquals("AKP", new KeyParameters.Akp("ML-DSA-87", filled(2592, 1)).keyType());
    }

    @Test
    void refusesParametersThatBreakTheirTypesInvariants() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new KeyParameters.Ec("P-256", new byte[31], new byte[32]));
        assertEquals("'x' must be 32 bytes for P-256, got 31", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new KeyParameters.Ec("P-256", new byte[32], new byte[33]));
        assertThrows(IllegalArgumentException.class, () -> new KeyParameters.Ec("brainpoolP256r1", new byte[32], new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> new KeyParameters.Okp("X25519", new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> new KeyParameters.Okp("Ed448", new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> new KeyParameters.Oct(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new KeyParameters.Rsa(BigInteger.ZERO, BigInteger.valueOf(3)));
        assertThrows(IllegalArgumentException.class, () -> new KeyParameters.Rsa(BigInteger.TEN, BigInteger.valueOf(-3)));
        assertThrows(IllegalArgumentException.class, () -> new KeyParameters.Akp("ML-DSA-44", new byte[1952]));
        assertThrows(IllegalArgumentException.class, () -> new KeyParameters.Akp("ML-DSA-99", new byte[1312]));
        assertThrows(NullPointerException.class, () -> new KeyParameters.Okp(null, new byte[32]));
        assertThrows(NullPointerException.class, () -> new KeyParameters.Ec("P-256", null, new byte[32]));
        assertThrows(NullPointerException.class, () -> new KeyParameters.Oct(null));
    }

    @Test
    void knowsTheLengthsOfItsCurvesAndNoOthers() {
        assertEquals(48, KeyParameters.Ec.fieldBytes("P-384"));
        assertEquals(-1, KeyParameters.Ec.fieldBytes("Ed25519"));
        assertEquals(57, KeyParameters.Okp.keyBytes("Ed448"));
        assertEquals(-1, KeyParameters.Okp.keyBytes("P-256"));
    }
}
