package dev.sigil.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JwsAlgorithmTest {

    @Test
    void findsEveryAlgorithmByItsJoseName() {
        for (JwsAlgorithm alg : JwsAlgorithm.values()) {
            assertEquals(alg, JwsAlgorithm.fromName(alg.joseName()));
        }
    }

    @Test
    void refusesNoneUnknownAndWronglyCasedNames() {
        for (String name : new String[] {"none", "None", "NONE", "rs256", "RS1", "HS256 ", "", "EDDSA"}) {
            assertThrows(IllegalArgumentException.class, () -> JwsAlgorithm.fromName(name), name);
        }
        assertThrows(IllegalArgumentException.class, () -> JwsAlgorithm.fromName(null));
    }

    @Test
    void namesTheKeyTypeEachAlgorithmNeeds() {
        assertEquals("RSA", JwsAlgorithm.PS256.keyType());
        assertEquals("EC", JwsAlgorithm.ES512.keyType());
        assertEquals("OKP", JwsAlgorithm.Ed448.keyType());
        assertEquals("oct", JwsAlgorithm.HS384.keyType());
        assertEquals("P-521", JwsAlgorithm.ES512.requiredCurve());
        assertEquals(66, JwsAlgorithm.ES512.componentLength());
    }
}
