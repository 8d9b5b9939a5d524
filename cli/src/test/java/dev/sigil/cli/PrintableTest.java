package dev.sigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sigil.spi.UntrustedText;
import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void aMessageKeepsPlainTextAndEscapesWhatUntrustedTextEscapes() {
        String plain = "no key with kid 'k1' (caf\u00e9, \u65e5\u672c, \ud83d\udd11)";
        assertSame(plain, Printable.message(plain));
        assertEquals("a\\u001bb\\u009bc\\u2028d\\u202ee\\nf\\u007f\\ud800", Printable.message("a\u001bb\u009bc\u2028d\u202ee\nf\u007f\ud800"));
    }

    @Test
    void escapingALibraryMessageTwiceChangesNothing() {
        String once = Printable.message("kid 'k\\u001b' and a raw \u001b, a path C:\\keys");
        assertEquals("kid 'k\\u001b' and a raw \\u001b, a path C:\\keys", once);
        assertEquals(once, Printable.message(once));
    }

    @Test
    void eachCharacterButTheBackslashIsWrittenAsUntrustedTextWritesIt() {
        String[] samples = {"a", "\u00e9", "\u001b", "\n", "\r", "\t", "\u007f", "\u009b", "\u2028", "\u2029", "\u202e",
            "\u200d", "\ufeff", "\ud800", "\udc00", "\udb40\udc41", "\ud83d\udd11", "\u0378"};
        for (String one : samples) {
            assertEquals(UntrustedText.printable(one), Printable.message(one), one);
        }
        assertEquals("\\", Printable.message("\\"));
    }

    @Test
    void aLongMessageIsNeverCut() {
        String longer = "x".repeat(UntrustedText.MAX_CHARS * 2) + "\u001b";
        assertEquals("x".repeat(UntrustedText.MAX_CHARS * 2) + "\\u001b", Printable.message(longer));
    }

    @Test
    void jsonKeepsItsLineBreaksAndEscapesInsideStringsAsJson() {
        assertEquals("{\n  \"kid\": \"k\\u009b\\u202e\"\n}", Printable.json("{\n  \"kid\": \"k\u009b\u202e\"\n}"));
    }

    @Test
    void anArgumentThatMayBeATokenIsNeverEchoed() {
        assertEquals("(an argument of 11 characters, not shown)", Printable.argument("aaa.bbb.ccc"));
        assertEquals("'--x\\u001b'", Printable.argument("--x\u001b"));
    }
}
