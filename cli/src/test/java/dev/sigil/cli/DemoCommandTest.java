package dev.sigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void runsTheWholeTourByItselfAndExitsZero() {
        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Cli.run("demo"));
        assertEquals(0, r.exit(), r.all());
        String out = r.out();
        assertTrue(out.contains("verified  RS256  kid rsa-1  sub alice"), out);
        assertTrue(out.contains("verified  ES256  kid ec-1   sub bob"), out);
        assertTrue(out.contains("verified  EdDSA  kid ed-1   sub carol"), out);
        assertTrue(out.contains("verified  RS256  kid rsa-2  sub alice  (unknown kid: one refresh of the key set, then verified)"), out);
        assertTrue(out.contains("keys changed: added [rsa-2], removed [rsa-1]"), out);
        for (String reason : new String[] {"EXPIRED", "AUDIENCE_MISMATCH", "KEY_NOT_FOUND", "ALGORITHM_NOT_ALLOWED",
                "INVALID_SIGNATURE"}) {
            assertTrue(out.contains(" " + reason + " "), reason + " in\n" + out);
        }
        assertTrue(out.contains("issuer has served 1 discovery and 2 key-set requests: forged tokens"), out);
        assertTrue(out.contains("JwksStats: fetches 2, failures 0"), out);
        assertTrue(out.contains("every step turned out as expected; the issuer is stopped"), out);
        assertFalse(out.contains("UNEXPECTED"), out);
    }

    @Test
    void takesNoArguments() {
        assertEquals(2, Cli.run("demo", "now").exit());
    }
}
