package dev.sigil.integration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.testkit.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * Text from a key set, a discovery document or an HTTP response reaches log records, messages and
 * listener reasons only through {@code UntrustedText}: it cannot forge a log line (newline), move a
 * terminal's cursor (ESC) or reorder what a reader sees (U+2028, bidi overrides).
 */
class HostileTextTest extends IssuerScenario {

    private static final String FORGERY = "\n2026-11-28 WARNING forged line\u001b[2J\u2028\u202e";

    private static void assertPrintable(String text) {
        for (char c : new char[] {'\n', '\r', '\u001b', '\u2028', '\u202e'}) {
            assertFalse(text.indexOf(c) >= 0, "raw U+" + Integer.toHexString(c) + " in: " + text);
        }
    }

    @Test
    void aKidCannotForgeALogRecord() throws Exception {
        // A rotation is logged (the first set is not): the hostile kid arrives in the second.
        IssuerKey first = IssuerKey.plain("k0");
        IssuerKey hostile = IssuerKey.plain("k1" + FORGERY);
        issuer.publishKeys(IssuerKey.jwks(first));
        List<LogRecord> records = LogCapture.during("dev.sigil.jwk", () -> {
            try (JwtVerifier verifier = builder().build()) {
                verifier.verify(first.mint(issuer.issuer(), START));
                issuer.publishKeys(IssuerKey.jwks(hostile));
                clock.advance(Duration.ofMinutes(1));
                verifier.verify(hostile.mint(issuer.issuer(), START));
            }
        });
        List<String> messages = records.stream().map(LogRecord::getMessage).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains("k1\\n2026-11-28 WARNING forged line\\u001b[2J\\u2028\\u202e")),
                messages.toString());
        messages.forEach(HostileTextTest::assertPrintable);
    }

    @Test
    void aDiscoveryDocumentCannotForgeAMessageALogRecordOrAListenerReason() throws Exception {
        issuer.setDiscoveryDocument("{\"issuer\":\"https://evil.example/" + FORGERY.replace("\n", "\\n")
                .replace("\u001b", "\\u001b") + "\",\"jwks_uri\":\"" + issuer.jwksUri() + "\"}");
        List<LogRecord> records = LogCapture.during("dev.sigil.jwk", () -> {
            try (JwtVerifier verifier = builder().build()) {
                JwtVerificationException e = assertThrows(JwtVerificationException.class, verifier::prefetch);

                assertTrue(e.getMessage().contains("names issuer 'https://evil.example/\\n2026-11-28 WARNING forged line"
                        + "\\u001b[2J\\u2028\\u202e'"), e.getMessage());
                assertPrintable(e.getMessage());
            }
        });
        listener.events.forEach(HostileTextTest::assertPrintable);
        assertFalse(records.isEmpty(), "the failure was not logged");
        records.forEach(r -> assertPrintable(r.getMessage()));
    }
}
