package dev.sigil.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.JwkSet;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.JwtConfigurationException;
import dev.sigil.testkit.LogCapture;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * Text from a token or a key set reaches a verifier's messages and log records escaped: ESC, a C1
 * CSI, U+2028, a bidi override and a newline can neither move a terminal's cursor nor forge a line.
 * Real ES256 keys and tokens (core's own tests have no crypto backend).
 */
class HostileTextInMessagesTest {

    static final String HOSTILE = "k\u001b[2J\u009b1;1H\u2028\u202e\nx";
    static final String ESCAPED = "k\\u001b[2J\\u009b1;1H\\u2028\\u202e\\nx";

    private static final String ISSUER = "https://issuer.example/";
    private static final String AUDIENCE = "https://api.example.com";

    private final EcIssuerKey key = EcIssuerKey.generate("k1");

    private JwtVerifier verifier(String... extraKeys) {
        String[] keys = new String[extraKeys.length + 1];
        keys[0] = key.publicJwk();
        System.arraycopy(extraKeys, 0, keys, 1, extraKeys.length);
        return JwtVerifier.builder().issuer(ISSUER).audience(AUDIENCE).keys(JwkSet.parse(EcIssuerKey.jwks(keys))).build();
    }

    private String claims(String issuer) {
        long now = Instant.now().getEpochSecond();
        return "{\"iss\":" + EcIssuerKey.quote(issuer) + ",\"aud\":\"" + AUDIENCE + "\",\"exp\":" + (now + 600) + "}";
    }

    private JwtVerificationException refusal(String header, String claims) {
        return assertThrows(JwtVerificationException.class, () -> verifier().verify(key.sign(header, claims)));
    }

    /** Nothing a terminal or a log reader would act on: no control, format or separator character. */
    static void assertPrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            int type = Character.getType(text.charAt(i));
            assertFalse(type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE,
                    "raw U+" + Integer.toHexString(text.charAt(i)) + " at " + i + " in: " + text);
        }
    }

    @Test
    void aHostileKidIsEscapedInKeyNotFound() {
        JwtVerificationException e = refusal("{\"alg\":\"ES256\",\"kid\":" + EcIssuerKey.quote(HOSTILE) + "}", claims(ISSUER));
        assertEquals(Reason.KEY_NOT_FOUND, e.reason());
        assertEquals("no key with kid '" + ESCAPED + "'", e.getMessage());
    }

    @Test
    void aHostileAlgIsEscaped() {
        JwtVerificationException e = refusal("{\"alg\":" + EcIssuerKey.quote(HOSTILE) + "}", claims(ISSUER));
        assertEquals(Reason.UNSUPPORTED_ALGORITHM, e.reason());
        assertEquals("alg '" + ESCAPED + "' is not supported", e.getMessage());
    }

    @Test
    void aHostileTypIsEscaped() {
        JwtVerificationException e = refusal("{\"alg\":\"ES256\",\"typ\":" + EcIssuerKey.quote(HOSTILE) + "}", claims(ISSUER));
        assertEquals(Reason.TYPE_MISMATCH, e.reason());
        assertTrue(e.getMessage().startsWith("typ '" + ESCAPED + "' is not JWT"), e.getMessage());
        assertPrintable(e.getMessage());
    }

    @Test
    void aHostileIssuerIsEscaped() {
        JwtVerificationException e = refusal("{\"alg\":\"ES256\",\"kid\":\"k1\"}", claims(HOSTILE));
        assertEquals(Reason.ISSUER_MISMATCH, e.reason());
        assertEquals("iss '" + ESCAPED + "' is not the expected '" + ISSUER + "'", e.getMessage());
    }

    @Test
    void hostileCriticalParametersAreEscapedAndTheListBounded() {
        StringBuilder crit = new StringBuilder("[");
        for (int i = 0; i < 10; i++) {
            crit.append(i == 0 ? "" : ",").append(EcIssuerKey.quote(HOSTILE));
        }
        JwtVerificationException e = refusal("{\"alg\":\"ES256\",\"crit\":" + crit + "]}", claims(ISSUER));
        assertEquals(Reason.UNSUPPORTED_CRITICAL_HEADER, e.reason());
        String one = "'" + ESCAPED + "'";
        assertEquals("token header lists critical parameters that are not supported: ["
                + String.join(", ", Collections.nCopies(8, one)) + ", ...]", e.getMessage());
    }

    @Test
    void aDroppedKeysKidAndReasonAreEscapedInTheLogRecordAndInBuildsMessage() throws Exception {
        List<LogRecord> records = LogCapture.during("dev.sigil.jwt", () -> verifier(key.publicJwk(HOSTILE, HOSTILE)).close());
        LogRecord dropped = records.stream().filter(r -> r.getLevel() == Level.WARNING).findFirst().orElseThrow();
        assertEquals("jwk dropped: key #1 '" + ESCAPED + "': use is '" + ESCAPED + "', not 'sig'", dropped.getMessage());

        String onlyBadKeys = EcIssuerKey.jwks(key.publicJwk(HOSTILE, HOSTILE));
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class, () -> JwtVerifier.builder()
                .issuer(ISSUER).audience(AUDIENCE).keys(JwkSet.parse(onlyBadKeys)).build());
        assertTrue(e.getMessage().endsWith("; dropped: key #0 '" + ESCAPED + "': use is '" + ESCAPED + "', not 'sig'"),
                e.getMessage());
        assertPrintable(e.getMessage());
    }
}
