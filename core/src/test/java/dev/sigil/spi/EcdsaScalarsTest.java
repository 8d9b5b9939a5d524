package dev.sigil.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The backends' tests hold the group orders to their providers'; these the shape of the check. */
class EcdsaScalarsTest {

    private static byte[] signature(int half, int r, int s) {
        byte[] signature = new byte[2 * half];
        signature[half - 1] = (byte) r;
        signature[2 * half - 1] = (byte) s;
        return signature;
    }

    @Test
    void knowsTheFourCurvesAndTheirScalarLengths() {
        assertEquals(32, EcdsaScalars.of("P-256").scalarBytes());
        assertEquals(48, EcdsaScalars.of("P-384").scalarBytes());
        assertEquals(66, EcdsaScalars.of("P-521").scalarBytes());
        assertEquals(32, EcdsaScalars.of("secp256k1").scalarBytes());
        assertNull(EcdsaScalars.of("Ed25519"));
        assertNull(EcdsaScalars.of("secp256r1"));
    }

    @Test
    void refusesZeroScalarsAndSignaturesOfAnyOtherLength() {
        EcdsaScalars p256 = EcdsaScalars.of("P-256");
        assertTrue(p256.inRange(signature(32, 1, 1)));
        assertFalse(p256.inRange(signature(32, 0, 0)), "CVE-2022-21449");
        assertFalse(p256.inRange(signature(32, 0, 1)));
        assertFalse(p256.inRange(signature(32, 1, 0)));
        assertFalse(p256.inRange(Arrays.copyOf(signature(32, 1, 1), 63)));
        assertFalse(p256.inRange(Arrays.copyOf(signature(32, 1, 1), 65)));
        assertFalse(p256.inRange(signature(48, 1, 1)), "a P-384 length");
        byte[] allOnes = new byte[64];
        Arrays.fill(allOnes, (byte) 0xff);
        assertFalse(p256.inRange(allOnes));
    }
}
