package dev.sigil.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing of {@link KeyMemberBase64#decode}, the lenient decoder for JWK members, as
 * {@link Base64UrlFuzzTest} fuzzes the strict one. In {@code mvn verify} the committed inputs under
 * {@code KeyMemberBase64FuzzTestInputs/} are replayed; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
@Tag("fuzz")
class KeyMemberBase64FuzzTest {

    private static final int LONGEST_MESSAGE = 120;

    /**
     * Whatever is accepted is one of exactly four spellings of its bytes (either alphabet, padded or
     * not) and decodes as the JDK decodes that spelling; whatever one of those four spellings is, is
     * accepted; everything else is an {@link IllegalArgumentException} with a short message.
     */
    @FuzzTest
    void decodingGivesTheBytesOfOneAlphabetOrThrowsIllegalArgumentException(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        byte[] decoded;
        try {
            decoded = KeyMemberBase64.decode(text);
        } catch (IllegalArgumentException e) {
            assertEquals(IllegalArgumentException.class, e.getClass(), "unexpected exception type");
            assertNull(e.getCause(), "an IllegalArgumentException with a cause hides another failure");
            assertTrue(e.getMessage() != null && e.getMessage().length() <= LONGEST_MESSAGE,
                    "the message must be short and never hold the input: " + e.getMessage());
            if (isASpellingTheJdkReads(text)) {
                fail("refused a correct spelling of its bytes: " + e.getMessage());
            }
            return;
        }
        assertTrue(spellings(decoded).contains(text), "accepted text that is none of its bytes' four spellings");
        boolean url = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
        byte[] jdk = (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
        assertArrayEquals(jdk, decoded, "decoded bytes differ from the JDK's");
        assertEquals(KeyMemberBase64.isBase64Url(text), Base64Url.encode(decoded).equals(text),
                "isBase64Url must say exactly whether the text is the canonical spelling");
        assertFalse(text.chars().anyMatch(Character::isWhitespace), "accepted whitespace");
    }

    /** Whether the text is what one of the JDK's encoders writes for the bytes its decoder reads. */
    private static boolean isASpellingTheJdkReads(String text) {
        for (Base64.Decoder decoder : new Base64.Decoder[] {Base64.getDecoder(), Base64.getUrlDecoder()}) {
            try {
                if (spellings(decoder.decode(text)).contains(text)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // Not this alphabet.
            }
        }
        return false;
    }

    /** The four spellings of {@code bytes}. */
    private static List<String> spellings(byte[] bytes) {
        return List.of(Base64.getEncoder().encodeToString(bytes), Base64.getEncoder().withoutPadding().encodeToString(bytes),
                Base64.getUrlEncoder().encodeToString(bytes), Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
