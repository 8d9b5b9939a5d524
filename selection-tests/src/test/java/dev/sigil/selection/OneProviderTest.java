package dev.sigil.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.backend.jca.JcaCryptoBackend;
import dev.sigil.jwt.JwtVerifier;
import org.junit.jupiter.api.Test;

/** Class path: core, backend-jca, http-jdk. The only provider of each SPI is taken, silently. */
class OneProviderTest {

    @Test
    void takesTheOnlyProviderOfEachSpi() {
        assertTrue(Configurations.selectionLog(() -> {
            JwtVerifier verifier = Configurations.verifier().build();
            assertEquals("jca", verifier.cryptoBackend().name());
            assertEquals("builtin", verifier.jsonCodec().name());
            assertEquals("jdk", Configurations.cache().build().httpTransport().name());
        }).isEmpty(), "a single provider is not worth a log line");
    }

    @Test
    void anExplicitInstanceWins() {
        JcaCryptoBackend pinned = JcaCryptoBackend.builder().provider("SunEC").build();
        assertSame(pinned, Configurations.verifier().cryptoBackend(pinned).build().cryptoBackend());
    }
}
