package dev.sigil.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigil.spi.JwtConfigurationException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Class path: everything; -Dsigil.crypto=jca -Dsigil.http=jdk -Dsigil.json=builtin pin the lower-priority providers. */
class PinnedProviderTest {

    @Test
    void theSystemPropertiesPinProvidersByName() {
        assertEquals("jca", Configurations.verifier().build().cryptoBackend().name());
        assertEquals("builtin", Configurations.verifier().build().jsonCodec().name());
        assertEquals("jdk", Configurations.cache().build().httpTransport().name());
    }

    @Test
    void aBackendNamedInTheBuilderComesAheadOfTheSystemProperty() {
        assertEquals("bouncycastle", Configurations.verifier().cryptoBackendNamed("bouncycastle").build().cryptoBackend().name());
    }

    @Test
    void aPinnedNameThatIsNotFoundIsAnError() {
        String before = System.getProperty("sigil.crypto");
        System.setProperty("sigil.crypto", "pkcs11");
        try {
            JwtConfigurationException e = assertThrows(JwtConfigurationException.class,
                    () -> Configurations.verifier().build());
            assertEquals("system property sigil.crypto=pkcs11 names no CryptoBackend that was found; found:"
                    + " bouncycastle, jca", sortedFound(e.getMessage()));
        } finally {
            System.setProperty("sigil.crypto", before);
        }
    }

    /** The found list follows class-path order; compare it sorted. */
    private static String sortedFound(String message) {
        int at = message.indexOf("found: ") + "found: ".length();
        String[] names = message.substring(at).split(", ");
        Arrays.sort(names);
        return message.substring(0, at) + String.join(", ", names);
    }
}
