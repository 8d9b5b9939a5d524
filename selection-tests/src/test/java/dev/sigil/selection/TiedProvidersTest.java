package dev.sigil.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigil.backend.jca.JcaCryptoBackend;
import dev.sigil.spi.JwtConfigurationException;
import org.junit.jupiter.api.Test;

/**
 * Class path: backend-jca and a second backend of the same priority; json-jackson and a second codec of
 * Jackson's priority. A tie is never settled by class-path order, and the built-in codec, found too, is
 * never part of one.
 */
class TiedProvidersTest {

    @Test
    void aTieAtTheTopIsAConfigurationError() {
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class, () -> Configurations.verifier().build());
        assertEquals("several CryptoBackends share the highest priority 100: jca, tied; choose one with the system"
                + " property sigil.crypto or JwtVerifier.builder().cryptoBackend(..)", e.getMessage());
    }

    @Test
    void aCodecTiedWithJacksonIsAConfigurationErrorThatLeavesTheBuiltInCodecOut() {
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class,
                () -> Configurations.verifier().cryptoBackend(new JcaCryptoBackend()).build());
        assertEquals("several JsonCodecs share the highest priority 100: jackson, tied; choose one with the system"
                + " property sigil.json or JwtVerifier.builder().jsonCodec(..)", e.getMessage());
    }
}
