package dev.sigil.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwt.JwtVerifier;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** Class path: backend-jca and a provider whose constructor throws. It is reported with its cause; the search goes on. */
class BrokenProviderTest {

    @Test
    void aBrokenProviderIsReportedAndTheOthersStillServe() {
        JwtVerifier[] built = new JwtVerifier[1];
        List<LogRecord> log = Configurations.selectionLog(() -> built[0] = Configurations.verifier().build());
        assertEquals("jca", built[0].cryptoBackend().name());
        assertEquals(1, log.size(), log.toString());
        LogRecord warning = log.get(0);
        assertEquals(Level.WARNING, warning.getLevel());
        assertTrue(warning.getMessage().startsWith("a CryptoBackend provider could not be loaded and is ignored:"),
                warning.getMessage());
        assertTrue(warning.getMessage().contains("dev.sigil.selection.BrokenCryptoBackend"), warning.getMessage());
        Throwable cause = warning.getThrown().getCause();
        assertEquals("hardware token not present", cause.getMessage());
    }
}
