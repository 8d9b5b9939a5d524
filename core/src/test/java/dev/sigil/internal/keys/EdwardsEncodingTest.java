package dev.sigil.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EdwardsEncodingTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void acceptsTheRfc8032TestKeys() {
        // RFC 8032 section 7.1 TEST 1 and section 7.4 "Blank".
        assertNull(EdwardsEncoding.ED25519.refusal(HEX.parseHex(
                "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")));
        assertNull(EdwardsEncoding.ED448.refusal(HEX.parseHex("5fd7449b59b461fd2ce787ec616ad46a1da1342485a70e1f8a0ea75d80e9"
                + "6778edf124769b46c7061bd6783df1e50f6cd1fa1abeafe8256180")));
    }

    @Test
    void acceptsTheLargestCanonicalYThatIsNotOfSmallOrder() {
        // y = p - 2, sign 0: canonical; whether a point has it is the backend's arithmetic to find out.
        byte[] y = HEX.parseHex("ebffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        assertNull(EdwardsEncoding.ED25519.refusal(y));
    }

    @Test
    void refusesTheIdentityAndYEqualToPOnBothCurves() {
        byte[] identity = new byte[32];
        identity[0] = 1;
        assertEquals("okp key 'x' is a small-order point of Ed25519, which lets anyone forge signatures",
                EdwardsEncoding.ED25519.refusal(identity));
        byte[] p = HEX.parseHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        assertEquals("okp key 'x' is not a canonical Ed25519 encoding: y is not below the field prime",
                EdwardsEncoding.ED25519.refusal(p));
        byte[] p448 = HEX.parseHex("ffffffffffffffffffffffffffffffffffffffffffffffffffffff"
                + "fffeffffffffffffffffffffffffffffffffffffffffffffffffffffff00");
        assertEquals("okp key 'x' is not a canonical Ed448 encoding: y is not below the field prime",
                EdwardsEncoding.ED448.refusal(p448));
        byte[] topBits448 = new byte[57];
        topBits448[56] = 0x01;
        assertEquals("okp key 'x' is not a canonical Ed448 encoding: y is not below the field prime",
                EdwardsEncoding.ED448.refusal(topBits448));
    }

    @Test
    void refusesAWrongLengthAndKnowsOnlyTheTwoSignatureCurves() {
        assertEquals("'x' must be 32 bytes for Ed25519, got 31", EdwardsEncoding.ED25519.refusal(new byte[31]));
        assertNull(EdwardsEncoding.of("X25519"));
        assertEquals(EdwardsEncoding.ED448, EdwardsEncoding.of("Ed448"));
    }
}
