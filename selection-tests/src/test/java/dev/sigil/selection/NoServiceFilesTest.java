package dev.sigil.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.backend.jca.JcaCryptoBackend;
import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.JsonLimits;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * Class path: core's classes without its {@code META-INF/services} (as a shaded jar built without
 * merging them has), and backend-jca, given explicitly. JSON needs no configuration all the same.
 */
class NoServiceFilesTest {

    @Test
    void theClassPathReallyRegistersNoCodec() {
        // Otherwise the test below would prove nothing about shaded jars.
        assertTrue(ServiceLoader.load(JsonCodec.class).findFirst().isEmpty());
    }

    @Test
    void theBuiltInCodecIsUsedSilentlyWhenNoServiceFileNamesIt() throws Exception {
        JwtVerifier[] built = new JwtVerifier[1];
        assertTrue(Configurations.selectionLog(
                () -> built[0] = Configurations.verifier().cryptoBackend(new JcaCryptoBackend()).build()).isEmpty(),
                "the fallback needs no log line");
        JsonCodec codec = built[0].jsonCodec();
        assertInstanceOf(BuiltinJsonCodec.class, codec);
        assertEquals(Map.of("kid", "k"), codec.parse("{\"kid\":\"k\"}".getBytes(StandardCharsets.UTF_8),
                JsonLimits.DEFAULT));
    }
}
