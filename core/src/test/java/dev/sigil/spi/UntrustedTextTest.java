package dev.sigil.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UntrustedTextTest {

    @Test
    void keepsShortPrintableAsciiAsItIs() {
        String kid = "rsa-2026-11_key.1";
        assertSame(kid, UntrustedText.printable(kid));
        assertEquals("'" + kid + "'", UntrustedText.quoted(kid));
    }

    @Test
    void keepsLettersOfEveryScript() {
        assertEquals("clé-日本-ключ-😀", UntrustedText.printable("clé-日本-ключ-😀"));
    }

    @ParameterizedTest(name = "U+{0} is escaped")
    @CsvSource({
        "0000, \\u0000", "0007, \\u0007", "001b, \\u001b", "007f, \\u007f",   // C0, ESC, DEL
        "0085, \\u0085", "009b, \\u009b",                                     // C1: NEL, CSI
        "2028, \\u2028", "2029, \\u2029",                                     // line, paragraph separators
        "202e, \\u202e", "202a, \\u202a", "2066, \\u2066", "2069, \\u2069",   // bidi overrides, isolates
        "200b, \\u200b", "200e, \\u200e", "200d, \\u200d", "feff, \\ufeff",   // zero-width, marks, BOM
        "00ad, \\u00ad", "d800, \\ud800", "dfff, \\udfff",                    // soft hyphen, lone surrogates
        "000a, \\n", "000d, \\r", "0009, \\t", "005c, \\\\"
    })
    void escapesEveryCharacterThatCanHideOrMoveText(String hex, String expected) {
        char c = (char) Integer.parseInt(hex, 16);
        assertEquals("a" + expected + "b", UntrustedText.printable("a" + c + "b"));
    }

    @Test
    void escapesFormatCharactersOutsideTheBasicPlaneAsTheirTwoUnits() {
        String tagLatinA = new String(Character.toChars(0xE0041));
        assertEquals("x\\udb40\\udc41", UntrustedText.printable("x" + tagLatinA));
    }

    @Test
    void aForgedLogLineStaysOnOneLine() {
        String kid = "k1\nSEVERE: admin logged in\r\n\u001b[2J";
        String shown = UntrustedText.printable(kid);
        assertEquals("k1\\nSEVERE: admin logged in\\r\\n\\u001b[2J", shown);
        assertFalse(shown.contains("\n"));
    }

    @Test
    void anEscapeCannotBeFakedWithABackslash() {
        // Without doubling, a kid spelled "\u001b" would print exactly like a real ESC's escape.
        assertEquals("\\\\u001b", UntrustedText.printable("\\u001b"));
    }

    @Test
    void neverCutsAKidOf128Characters() {
        String kid = "k".repeat(128);
        assertEquals(kid, UntrustedText.printable(kid));
        String escapedKid = "\u202e".repeat(128);
        assertEquals("\\u202e".repeat(128), UntrustedText.printable(escapedKid));
    }

    @Test
    void cutsLongTextAndSaysHowLongItWas() {
        String text = "a".repeat(100_000);
        assertEquals("a".repeat(UntrustedText.MAX_CHARS) + "... (100000 characters in all)",
                UntrustedText.printable(text));
    }

    @Test
    void neverCutsInsideASurrogatePair() {
        String text = "a".repeat(UntrustedText.MAX_CHARS - 1) + "😀" + "tail";
        String shown = UntrustedText.printable(text);
        assertEquals("a".repeat(UntrustedText.MAX_CHARS - 1) + "... (" + text.length() + " characters in all)", shown);
    }

    @Test
    void nullIsShownAsNull() {
        assertEquals("null", UntrustedText.printable(null));
        assertEquals("null", UntrustedText.quoted(null));
    }

    @Test
    void randomTextNeverYieldsAnEscapedCategoryAndStaysBounded() {
        SplittableRandom random = new SplittableRandom(20261206);
        for (int round = 0; round < 20_000; round++) {
            int length = random.nextInt(400);
            StringBuilder sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                sb.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x100) : random.nextInt(0x10000)));
            }
            String shown = UntrustedText.printable(sb.toString());
            assertTrue(shown.length() <= UntrustedText.MAX_CHARS * 12 + 40, "bounded");
            for (int i = 0; i < shown.length(); ) {
                int cp = shown.codePointAt(i);
                int type = Character.getType(cp);
                assertFalse(type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                        || type == Character.UNASSIGNED, () -> "U+" + Integer.toHexString(cp) + " came through");
                i += Character.charCount(cp);
            }
        }
    }
}
