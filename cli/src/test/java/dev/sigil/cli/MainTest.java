package dev.sigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

    @Test
    void topLevelHelpListsEveryCommandAndExitsZero() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.exit());
        for (String command : new String[] {"verify", "inspect", "jwks", "demo"}) {
            assertTrue(r.out().contains("  " + command + " "), command);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify", "inspect", "jwks", "demo"})
    void everyCommandHasItsOwnHelp(String command) {
        Cli.Result r = Cli.run(command, "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("usage: sigil " + command), r.out());
        assertTrue(r.out().contains("Exit status"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void noArgumentsIsAUsageError() {
        Cli.Result r = Cli.run();
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("usage: sigil COMMAND"));
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Cli.Result r = Cli.run("verfy");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown command 'verfy'"), r.err());
    }

    @Test
    void aTokenTypedWhereTheCommandBelongsIsNeverEchoed() {
        String token = TestTokens.rsa("k1").valid("https://issuer.example/");
        Cli.Result r = Cli.run(token);
        assertEquals(2, r.exit());
        assertFalse(r.all().contains(token.substring(0, 20)), r.all());
        assertTrue(r.err().contains("not shown"), r.err());
    }

    @Test
    void anUnknownOptionIsAUsageErrorThatPointsAtTheCommandsHelp() {
        Cli.Result r = Cli.run("inspect", "--verbose", "x.y.z");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown option '--verbose'"), r.err());
        assertTrue(r.err().contains("sigil inspect --help"), r.err());
    }

    @Test
    void outputToAnythingButTheProcessTerminalHasNoColour() {
        Cli.Result r = Cli.run("demo", "--help");
        assertFalse(r.all().contains("\u001b["));
    }
}
