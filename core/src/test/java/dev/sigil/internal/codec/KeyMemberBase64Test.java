package dev.sigil.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The lenient decoder of JWK members: either alphabet, padded or not, and nothing else. Properties over
 * random byte strings, then the refusals by name.
 */
class KeyMemberBase64Test {

    private static final Random RANDOM = new Random(19);

    @Test
    void everySpellingOfEveryByteStringDecodesToItsBytes() {
        for (int round = 0; round < 2000; round++) {
            byte[] bytes = new byte[RANDOM.nextInt(70)];
            RANDOM.nextBytes(bytes);
            for (String spelling : new String[] {Base64.getEncoder().encodeToString(bytes),
                    Base64.getEncoder().withoutPadding().encodeToString(bytes), Base64.getUrlEncoder().encodeToString(bytes),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)}) {
                assertArrayEquals(bytes, KeyMemberBase64.decode(spelling), spelling);
                assertEquals(spelling.equals(Base64Url.encode(bytes)), KeyMemberBase64.isBase64Url(spelling), spelling);
            }
        }
    }

    @Test
    void refusesBothAlphabetsMixedInOneValue() {
        for (int round = 0; round < 2000; round++) {
            byte[] bytes = new byte[3 + RANDOM.nextInt(70)];
            RANDOM.nextBytes(bytes);
            String standard = Base64.getEncoder().encodeToString(bytes);
            int plus = firstOf(standard, '+', '/');
            if (plus < 0) {
                continue;
            }
            // One character of the standard spelling swapped for its url-safe twin: the same bits, both alphabets.
            for (int i = 0; i < standard.length(); i++) {
                char c = standard.charAt(i);
                if ((c == '+' || c == '/') && i != plus) {
                    String mixed = standard.substring(0, i) + (c == '+' ? '-' : '_') + standard.substring(i + 1);
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyMemberBase64.decode(mixed));
                    assertEquals("base64 text mixes the standard and url-safe alphabets", e.getMessage());
                    break;
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> KeyMemberBase64.decode("+-AA"));
        assertThrows(IllegalArgumentException.class, () -> KeyMemberBase64.decode("ab/_"));
    }

    @Test
    void refusesPaddingThatIsNotExactlyWhatTheLengthNeedsAtTheEnd() {
        for (String bad : new String[] {"AQAB=", "AQAB==", "AQA==", "AQ=", "AQ===", "A===", "====", "=", "AQ=B", "=AQAB",
                "A=QB", "AQ==AQ==", "AQ=\u003d="}) {
            assertThrows(IllegalArgumentException.class, () -> KeyMemberBase64.decode(bad), bad);
        }
        assertArrayEquals(new byte[] {1}, KeyMemberBase64.decode("AQ=="));
        assertArrayEquals(new byte[] {1, 0}, KeyMemberBase64.decode("AQA="));
    }

    @Test
    void refusesWhitespaceAnywhere() {
        for (int round = 0; round < 500; round++) {
            byte[] bytes = new byte[1 + RANDOM.nextInt(70)];
            RANDOM.nextBytes(bytes);
            String spelling = RANDOM.nextBoolean() ? Base64.getEncoder().encodeToString(bytes)
                    : Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            int at = RANDOM.nextInt(spelling.length() + 1);
            for (String space : new String[] {" ", "\n", "\r\n", "\t", "\u00a0"}) {
                String spaced = spelling.substring(0, at) + space + spelling.substring(at);
                assertThrows(IllegalArgumentException.class, () -> KeyMemberBase64.decode(spaced));
            }
        }
    }

    @Test
    void refusesUnusedBitsThatAreSetAndCharactersOfNeitherAlphabet() {
        assertThrows(IllegalArgumentException.class, () -> KeyMemberBase64.decode("AR=="));
        assertThrows(IllegalArgumentException.class, () -> KeyMemberBase64.decode("AR"));
        assertThrows(IllegalArgumentException.class, () -> KeyMemberBase64.decode("AQ.B"));
        assertThrows(IllegalArgumentException.class, () -> KeyMemberBase64.decode("AQ\u00e9B"));
        assertThrows(IllegalArgumentException.class, () -> KeyMemberBase64.decode("A"));
    }

    @Test
    void messagesNeverHoldTheText() {
        String secretLooking = "c2VjcmV0c2VjcmV0" + "+_";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyMemberBase64.decode(secretLooking));
        assertFalse(e.getMessage().contains("c2Vj"), e.getMessage());
        assertTrue(KeyMemberBase64.isBase64Url("AQAB"));
        assertFalse(KeyMemberBase64.isBase64Url("AQ=="));
        assertFalse(KeyMemberBase64.isBase64Url("a+b/"));
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
