package dev.sigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static Arguments.Spec spec() {
        return Arguments.spec().option("--issuer").repeatableOption("--audience").flag("--ignore-audience");
    }

    @Test
    void readsOptionsInBothSpellingsFlagsAndPositionals() throws UsageException {
        Arguments a = spec().parse(List.of("--issuer=https://a/", "--audience", "x", "--audience", "y",
                "--ignore-audience", "-"));
        assertEquals("https://a/", a.value("--issuer").orElseThrow());
        assertEquals(List.of("x", "y"), a.values("--audience"));
        assertTrue(a.flag("--ignore-audience"));
        assertEquals(List.of("-"), a.positionals());
    }

    @Test
    void treatsEverythingAfterADoubleDashAsPositional() throws UsageException {
        assertEquals(List.of("--issuer"), spec().parse(List.of("--", "--issuer")).positionals());
    }

    @Test
    void understandsShortHelp() throws UsageException {
        assertTrue(spec().parse(List.of("-h")).help());
    }

    @Test
    void refusesASingleOptionGivenTwice() {
        UsageException e = assertThrows(UsageException.class,
                () -> spec().parse(List.of("--issuer", "a", "--issuer", "b")));
        assertEquals("--issuer may be given only once", e.getMessage());
    }

    @Test
    void refusesAnOptionWithoutItsValue() {
        assertEquals("--issuer needs a value",
                assertThrows(UsageException.class, () -> spec().parse(List.of("--issuer"))).getMessage());
    }

    @Test
    void refusesAValueOnAFlag() {
        assertEquals("--ignore-audience takes no value",
                assertThrows(UsageException.class, () -> spec().parse(List.of("--ignore-audience=yes"))).getMessage());
    }
}
