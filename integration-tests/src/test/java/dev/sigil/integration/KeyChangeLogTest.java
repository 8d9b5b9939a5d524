package dev.sigil.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwt.JwtVerifier;
import dev.sigil.testkit.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * A rotation of the issuer's keys is logged at INFO; the first set is not a change and is not logged
 * (logging it would start the JDK's logging back end before the first token), though the listener
 * hears both.
 */
class KeyChangeLogTest extends IssuerScenario {

    @Test
    void aRotationIsLoggedAndTheFirstSetIsNot() throws Exception {
        IssuerKey first = IssuerKey.plain("k0");
        IssuerKey next = IssuerKey.plain("k1");
        issuer.publishKeys(IssuerKey.jwks(first));
        try (JwtVerifier verifier = builder().build()) {
            List<LogRecord> firstLoad = LogCapture.during("dev.sigil.jwk",
                    () -> verifier.verify(first.mint(issuer.issuer(), START)));
            assertEquals(List.of(), firstLoad.stream().map(LogRecord::getMessage).toList());
            assertTrue(listener.events.contains("changed +[k0] -[]"), listener.events.toString());

            issuer.publishKeys(IssuerKey.jwks(next));
            clock.advance(Duration.ofMinutes(1));
            List<LogRecord> rotation = LogCapture.during("dev.sigil.jwk",
                    () -> verifier.verify(next.mint(issuer.issuer(), START)));
            assertEquals(List.of("jwks keys changed: added ['k1'], removed ['k0']"),
                    rotation.stream().map(LogRecord::getMessage).toList());
            assertEquals(Level.INFO, rotation.get(0).getLevel());
            assertTrue(listener.events.contains("changed +[k1] -[k0]"), listener.events.toString());
        }
    }
}
