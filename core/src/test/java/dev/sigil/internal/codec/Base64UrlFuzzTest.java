package dev.sigil.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing of {@link Base64Url#decode}. In {@code mvn verify} the committed inputs
 * under {@code Base64UrlFuzzTestInputs/} are replayed; {@code JAZZER_FUZZ=1} fuzzes for real (see
 * the README's "Fuzzing" section).
 */
@Tag("fuzz")
class Base64UrlFuzzTest {

    /** Error messages are fixed text and an offset; anything longer would be echoing the input. */
    private static final int LONGEST_MESSAGE = 120;

    /**
     * The input, read as UTF-8, is decoded whole, then range by range: each dot-separated segment (as
     * JwtVerifier decodes a token's parts) and the ranges that cut up to three characters off either
     * end, so that every remainder modulo 4 is reached whatever the input's length.
     */
    @FuzzTest
    void decodingReturnsTheOnlyCanonicalBytesOrThrowsIllegalArgumentException(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Outcome whole = decode(text, 0, text.length());
        checkAgainstTheJdk(text, whole);

        int segmentStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '.') {
                checkRange(text, segmentStart, i);
                segmentStart = i + 1;
            }
        }
        for (int cutFront = 0; cutFront <= 3; cutFront++) {
            for (int cutBack = 0; cutBack <= 3; cutBack++) {
                int to = text.length() - cutBack;
                if (cutFront <= to) {
                    checkRange(text, cutFront, to);
                }
            }
        }
    }

    /** A range decodes exactly as the same characters on their own would. */
    private static void checkRange(String text, int from, int to) {
        Outcome inRange = decode(text, from, to);
        Outcome alone = decode(text.substring(from, to), 0, to - from);
        assertEquals(alone.bytes == null, inRange.bytes == null,
                () -> "decode(s, " + from + ", " + to + ") and decode(s.substring(..)) disagree on acceptance");
        if (alone.bytes != null) {
            assertArrayEquals(alone.bytes, inRange.bytes, "decode(s, from, to) differs from decode(s.substring(from, to))");
        }
        checkBytePaths(text, from, to, inRange);
    }

    /**
     * {@link Base64Url#decodeInto} (JwtVerifier's path: into the narrowed copy of the token it
     * holds) accepts exactly what {@link Base64Url#decode} accepts, with the same bytes or the same
     * error, whatever the buffer holds: it reads only the chars.
     */
    private static void checkBytePaths(String text, int from, int to, Outcome chars) {
        byte[] buffer = new byte[text.length()];
        for (int i = 0; i < buffer.length; i++) {
            // As JwtVerifier's copy: each char narrowed to its low byte.
            buffer[i] = (byte) text.charAt(i);
        }
        int decodedLength = -1;
        String error = null;
        try {
            decodedLength = Base64Url.decodeInto(text, from, to, buffer, 0);
        } catch (IllegalArgumentException e) {
            assertEquals(IllegalArgumentException.class, e.getClass(), "unexpected exception type");
            error = e.getMessage();
        }
        if (chars.bytes == null) {
            assertEquals(chars.error.getMessage(), error, "decodeInto's verdict differs from decode's");
        } else {
            assertEquals(chars.bytes.length, decodedLength, "decodeInto's decoded length");
            assertArrayEquals(chars.bytes, Arrays.copyOf(buffer, decodedLength), "decodeInto's output differs from decode's");
        }
    }

    /**
     * The JDK's URL decoder is laxer (padding, non-canonical trailing bits) but never stricter, so
     * whatever Sigil accepts it must accept with the same bytes, and whatever it accepts in
     * canonical, unpadded form Sigil must accept too.
     */
    private static void checkAgainstTheJdk(String text, Outcome sigil) {
        byte[] jdk;
        try {
            jdk = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            jdk = null;
        }
        if (sigil.bytes != null) {
            if (jdk == null) {
                fail("accepted text the JDK's decoder refuses");
            }
            assertArrayEquals(jdk, sigil.bytes, "decoded bytes differ from the JDK's");
        } else if (jdk != null && Base64Url.encode(jdk).equals(text)) {
            fail("refused the canonical encoding of " + jdk.length + " bytes: " + sigil.error.getMessage());
        }
    }

    private static Outcome decode(String text, int from, int to) {
        byte[] bytes;
        try {
            bytes = Base64Url.decode(text, from, to);
        } catch (IllegalArgumentException e) {
            // Only IllegalArgumentException itself: a subclass such as NumberFormatException or an
            // IndexOutOfBoundsException from a bad offset computation would be a bug.
            assertEquals(IllegalArgumentException.class, e.getClass(), "unexpected exception type");
            assertNull(e.getCause(), "an IllegalArgumentException with a cause hides another failure");
            assertTrue(e.getMessage() != null && e.getMessage().length() <= LONGEST_MESSAGE,
                    "the message must be short and never hold the input: " + e.getMessage());
            return new Outcome(null, e);
        }
        // Exactly one encoding per byte string: what was accepted is what encoding gives back.
        assertEquals(text.substring(from, to), Base64Url.encode(bytes), "decode then encode is not the identity");
        return new Outcome(bytes, null);
    }

    private record Outcome(byte[] bytes, IllegalArgumentException error) {
    }
}
