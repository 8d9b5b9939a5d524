package dev.sigil.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base64UrlTest {

    @ParameterizedTest
    @CsvSource(value = {"'',''", "f,Zg", "fo,Zm8", "foo,Zm9v", "foob,Zm9vYg", "fooba,Zm9vYmE", "foobar,Zm9vYmFy"})
    void encodesAndDecodesTheRfc4648TestVectorsWithoutPadding(String plain, String encoded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
        assertEquals(encoded, Base64Url.encode(bytes));
        assertArrayEquals(bytes, Base64Url.decode(encoded));
    }

    @Test
    void usesTheUrlSafeAlphabet() {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf};
        assertEquals("-_-_", Base64Url.encode(bytes));
        assertArrayEquals(bytes, Base64Url.decode("-_-_"));
        assertThrows(IllegalArgumentException.class, () -> Base64Url.decode("+/+/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zg==", "Zg=", "Zm8=", "Zm9vYg==", "====", "Zm9v===="})
    void rejectsPadding(String encoded) {
        assertThrows(IllegalArgumentException.class, () -> Base64Url.decode(encoded));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+_-_", "-/-_", "Zm9v+g", "Zm/v", "Zm9 v", " Zm9v", "Zm9v\n", "Zm\t9v", "Zm9\r",
        "Zm9v\u00e9A", "Zm.v", "Zm9\u0000"})
    void rejectsCharactersOutsideTheUrlAlphabetIncludingWhitespace(String encoded) {
        assertThrows(IllegalArgumentException.class, () -> Base64Url.decode(encoded));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Z", "Zm9vY", "Zm9vYmFyZ"})
    void rejectsLengthsThatLeaveOneCharacterOver(String encoded) {
        assertThrows(IllegalArgumentException.class, () -> Base64Url.decode(encoded));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zh", "Zv", "Z_", "Zm9", "Zm-", "Zm9vYmF", "Zm9vYh"})
    void rejectsNonCanonicalTrailingBits(String encoded) {
        assertThrows(IllegalArgumentException.class, () -> Base64Url.decode(encoded));
    }

    @Test
    void acceptsOnlyTheCanonicalSpellingOfTheLastCharacter() {
        int accepted = 0;
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
            try {
                Base64Url.decode("Z" + c);
                accepted++;
            } catch (IllegalArgumentException e) {
                // expected for 60 of the 64 characters
            }
        }
        // Two characters encode one byte: only the 4 characters with the low 4 bits clear are canonical.
        assertEquals(4, accepted);
        assertArrayEquals(new byte[] {'f'}, Base64Url.decode("Zg"));
    }

    @Test
    void decodesASubrange() {
        assertArrayEquals("foo".getBytes(StandardCharsets.US_ASCII), Base64Url.decode("..Zm9v..", 2, 6));
        assertArrayEquals("fo".getBytes(StandardCharsets.US_ASCII), Base64Url.decode("Zm8.Zm9v", 0, 3));
    }

    @Test
    void agreesWithTheJdkUrlEncoderForRandomBytesOfEveryLengthUpTo100() {
        Random random = new Random(4648);
        Base64.Encoder jdk = Base64.getUrlEncoder().withoutPadding();
        for (int length = 0; length <= 100; length++) {
            for (int round = 0; round < 20; round++) {
                byte[] data = new byte[length];
                random.nextBytes(data);
                String expected = jdk.encodeToString(data);
                assertEquals(expected, Base64Url.encode(data));
                assertArrayEquals(data, Base64Url.decode(expected));
            }
        }
    }

    @Test
    void decodesIntoABufferFromAnyOffsetReadingOnlyTheChars() {
        Random random = new Random(7);
        for (int n = 0; n < 200; n++) {
            byte[] plain = new byte[n];
            random.nextBytes(plain);
            String text = "head." + Base64Url.encode(plain) + ".tail";
            // The buffer holds what JwtVerifier's does, a narrowed copy of the text, here garbled.
            byte[] buffer = new byte[text.length() + 3];
            Arrays.fill(buffer, (byte) '!');
            assertEquals(n, Base64Url.decodeInto(text, 5, text.length() - 5, buffer, 3));
            assertArrayEquals(plain, Arrays.copyOfRange(buffer, 3, 3 + n));
            assertEquals('!', buffer[2]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zm9v=", "Zm9vYg==", "Zm+v", "Zm/v", "Zm9\u00e9", "Zm9\u0141", "Z", "Zm9vY", "Zh", "Zm9"})
    void decodeIntoRefusesWhatDecodeRefusesWithTheSameMessage(String text) {
        IllegalArgumentException decode = assertThrows(IllegalArgumentException.class, () -> Base64Url.decode(text));
        IllegalArgumentException into = assertThrows(IllegalArgumentException.class,
                () -> Base64Url.decodeInto(text, 0, text.length(), new byte[8], 0));
        assertEquals(decode.getMessage(), into.getMessage());
    }

    /**
     * Long ranges go to the JDK's decoder, short ones char by char ({@link Base64Url#decodeInto}
     * always does): over every length remainder, both accept the same text with the same bytes and
     * refuse the same text with the same message, whatever flaw sits wherever, including chars
     * that narrowing to a byte would turn into the alphabet (U+0141 into 'A', U+012D into '-').
     */
    @Test
    void longRangesAreDecodedExactlyAsCharByChar() {
        Random random = new Random(11);
        String[] flaws = {"=", "==", "+", "/", " ", "\n", "\u00e9", "\u0141", "\u012d", "\u0000", ".", "\uff21",
            "\ud83d\ude00"};
        int checked = 0;
        for (int n = Base64Url.JDK_DECODER_FROM - 4; n < Base64Url.JDK_DECODER_FROM + 8; n++) {
            byte[] plain = new byte[n * 3 / 4];
            random.nextBytes(plain);
            String clean = Base64Url.encode(plain);
            sameOnBothPaths("ab." + clean + ".cd", 3, 3 + clean.length());
            for (String flaw : flaws) {
                for (int at : new int[] {0, 1, clean.length() / 2, clean.length() - 2, clean.length() - 1, clean.length()}) {
                    String text = clean.substring(0, at) + flaw + clean.substring(Math.min(clean.length(), at + 1));
                    sameOnBothPaths(text, 0, text.length());
                    checked++;
                }
            }
            // The last char's unused bits set, when the length leaves any.
            char last = clean.charAt(clean.length() - 1);
            if ((clean.length() & 3) != 0 && last != '_') {
                String text = clean.substring(0, clean.length() - 1) + (char) (last == 'z' ? '0' : last + 1);
                sameOnBothPaths(text, 0, text.length());
            }
        }
        assertTrue(checked > 800);
    }

    private static void sameOnBothPaths(String text, int from, int to) {
        byte[] buffer = new byte[to - from];
        byte[] decoded = null;
        String decodeError = null;
        try {
            decoded = Base64Url.decode(text, from, to);
        } catch (IllegalArgumentException e) {
            decodeError = e.getMessage();
        }
        try {
            int length = Base64Url.decodeInto(text, from, to, buffer, 0);
            assertNull(decodeError, () -> "decode refused what decodeInto accepts");
            assertArrayEquals(Arrays.copyOf(buffer, length), decoded);
        } catch (IllegalArgumentException e) {
            assertEquals(e.getMessage(), decodeError);
        }
    }
}
