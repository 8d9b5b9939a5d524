package dev.sigil.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
}
