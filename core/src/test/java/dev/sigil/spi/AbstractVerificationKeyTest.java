package dev.sigil.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class AbstractVerificationKeyTest {

    private static final class SomeKey extends AbstractVerificationKey {
        SomeKey(KeyParameters parameters) {
            super(parameters);
        }
    }

    @Test
    void describesItselfAsTheParametersItWasBuiltFrom() {
        SomeKey ec = new SomeKey(new KeyParameters.Ec("P-384", new byte[48], new byte[48]));
        assertEquals("EC", ec.keyType());
        assertEquals("P-384", ec.curve());
        assertEquals(384, ec.sizeBits());
        SomeKey rsa = new SomeKey(new KeyParameters.Rsa(BigInteger.ONE.shiftLeft(2047).setBit(0), BigInteger.valueOf(65537)));
        assertEquals("RSA", rsa.keyType());
        assertNull(rsa.curve());
        assertEquals(2048, rsa.sizeBits());
    }

    @Test
    void toStringNamesTheKindAndSizeButNoKeyMaterial() {
        assertEquals("SomeKey[256 bits]", new SomeKey(new KeyParameters.Oct(new byte[32])).toString());
        assertEquals("SomeKey[Ed448]", new SomeKey(new KeyParameters.Okp("Ed448", new byte[57])).toString());
    }
}
