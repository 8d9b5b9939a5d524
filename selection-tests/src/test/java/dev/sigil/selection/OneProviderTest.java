package dev.sigil.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.backend.jca.JcaCryptoBackend;
import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.jwt.JwtVerifier;
import org.junit.jupiter.api.Test;

/**
 * Class path: core, backend-jca, http-jdk. The only provider of each SPI is taken, silently; for JSON
 * that is core's built-in codec, found through core's own services file since no other codec is there.
 */
class OneProviderTest {

    @Test
    void takesTheOnlyProviderOfEachSpi() {
        assertTrue(Configurations.selectionLog(() -> {
            JwtVerifier verifier = Configurations.verifier().build();
            assertEquals("jca", verifier.cryptoBackend().name());
            assertEquals("builtin", verifier.jsonCodec().name());
            assertInstanceOf(BuiltinJsonCodec.class, verifier.jsonCodec());
            assertEquals("jdk", Configurations.cache().build().httpTransport().name());
        }).isEmpty(), "a single provider is not worth a log line");
    }

    @Test
    void anExplicitInstanceWins() {
        JcaCryptoBackend pinned = JcaCryptoBackend.builder().provider("SunEC").build();
        assertSame(pinned, Configurations.verifier().cryptoBackend(pinned).build().cryptoBackend());
    }
}
