package dev.sigil.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigil.jwt.JwtConfigurationException;
import org.junit.jupiter.api.Test;

/** Class path: backend-jca and a second backend of the same priority. A tie is never settled by class-path order. */
class TiedProvidersTest {

    @Test
    void aTieAtTheTopIsAConfigurationError() {
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class, () -> Configurations.verifier().build());
        assertEquals("several CryptoBackends share the highest priority 100: jca, tied; choose one with the system"
                + " property sigil.crypto or JwtVerifier.builder().cryptoBackend(..)", e.getMessage());
    }
}
