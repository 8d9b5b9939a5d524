package dev.sigil.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.jwt.JwtVerifier;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Class path: both backends, both transports and both codecs. The highest priority wins, logged once with
 * all candidates; Jackson replaces the built-in codec, which is listed as the fallback, never ranked.
 */
class SeveralProvidersTest {

    @Test
    void theHighestPriorityWinsAndIsLoggedOnceWithEveryCandidate() {
        List<LogRecord> log = Configurations.selectionLog(() -> {
            JwtVerifier verifier = Configurations.verifier().build();
            assertEquals("bouncycastle", verifier.cryptoBackend().name());
            assertEquals("jackson", verifier.jsonCodec().name());
            assertEquals("okhttp", Configurations.cache().build().httpTransport().name());
        });
        List<String> messages = log.stream().map(LogRecord::getMessage).collect(Collectors.toList());
        assertEquals(List.of(
                "using CryptoBackend 'bouncycastle' (priority 200) of bouncycastle (200), jca (100); pin one with the"
                        + " system property sigil.crypto",
                "using JsonCodec 'jackson' (priority 100) of jackson (100), builtin (fallback); pin one with the"
                        + " system property sigil.json",
                "using HttpTransport 'okhttp' (priority 200) of okhttp (200), jdk (100); pin one with the system"
                        + " property sigil.http",
                "using JsonCodec 'jackson' (priority 100) of jackson (100), builtin (fallback); pin one with the"
                        + " system property sigil.json"), messages);
        log.forEach(r -> assertEquals(Level.INFO, r.getLevel()));
    }
}
