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
        assertTrue(Base64Url.isAlphabet('-'));
        assertTrue(Base64Url.isAlphabet('_'));
        assertFalse(Base64Url.isAlphabet('+'));
        assertFalse(Base64Url.isAlphabet('='));
        assertFalse(Base64Url.isAlphabet(-1));
        assertFalse(Base64Url.isAlphabet(0xe9));
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
    void decodesInPlaceWithinALargerBufferLeavingWhatPrecedesTheRange() {
        Random random = new Random(7);
        for (int n = 0; n < 200; n++) {
            byte[] plain = new byte[n];
            random.nextBytes(plain);
            byte[] buffer = ("head." + Base64Url.encode(plain) + ".tail").getBytes(StandardCharsets.US_ASCII);
            int to = buffer.length - ".tail".length();
            assertEquals(n, Base64Url.decodeInPlace(buffer, 5, to));
            assertArrayEquals(plain, Arrays.copyOfRange(buffer, 5, 5 + n));
            assertEquals("head.", new String(buffer, 0, 5, StandardCharsets.US_ASCII));
            assertArrayEquals(plain, Base64Url.decode(Base64Url.encode(plain).getBytes(StandardCharsets.US_ASCII), 0,
                    Base64Url.encode(plain).length()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zm9v=", "Zm9vYg==", "Zm+v", "Zm/v", "Zm9\u00e9", "Z", "Zm9vY", "Zh", "Zm9"})
    void byteDecodersRefuseWhatTheCharDecoderRefusesWithTheSameMessage(String text) {
        IllegalArgumentException chars = assertThrows(IllegalArgumentException.class, () -> Base64Url.decode(text));
        byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
        IllegalArgumentException bytes = assertThrows(IllegalArgumentException.class,
                () -> Base64Url.decode(latin1, 0, latin1.length));
        IllegalArgumentException inPlace = assertThrows(IllegalArgumentException.class,
                () -> Base64Url.decodeInPlace(latin1.clone(), 0, latin1.length));
        assertEquals(chars.getMessage(), bytes.getMessage());
        assertEquals(chars.getMessage(), inPlace.getMessage());
    }
}
