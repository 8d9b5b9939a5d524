package dev.sigil.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A string value that {@link JsonReader} found to be printable ASCII without escapes (nearly every
 * string in a token), kept as its range of the parsed bytes until someone asks for it.
 *
 * <p>Why: a verifier compares {@code iss} and {@code aud} and reads nothing else of most claims, so
 * making a String of every value cost a copy and two objects each, for text no one reads. The
 * reader has already checked the range completely, so turning it into a String later cannot fail:
 * a token that verifies never fails in the application's code.
 *
 * <p>Never seen outside this package's containers: {@link SmallObject} and {@link ArrayValue} turn
 * it into a String on every way out (get, iteration). The static methods here read a value as held,
 * for the claim checks that every token passes through ({@code iss}, {@code aud}, presence), which
 * compare text in place; they work on any codec's maps and lists. What {@code peek} returns may be
 * such text: pass it only to {@link #isString} and {@link #textEquals}, never to an application.
 * The bytes are the caller's parse buffer, which nothing writes after the parse.
 *
 * <p>Public for those static methods only (one class rather than two: core's jar has a size budget);
 * nothing outside this package can make an instance.
 */
public final class AsciiText {

    private final byte[] bytes;
    private final int from;
    private final int length;

    AsciiText(byte[] bytes, int from, int length) {
        this.bytes = bytes;
        this.from = from;
        this.length = length;
    }

    /** The member {@code name} of {@code object}, as held: null when absent or JSON null. */
    public static Object peek(Map<String, Object> object, String name) {
        return object instanceof SmallObject small ? small.raw(name) : object.get(name);
    }

    /** The element {@code index} of {@code array}, as held. */
    public static Object peek(List<?> array, int index) {
        return array instanceof ArrayValue values ? values.raw(index) : array.get(index);
    }

    /** Whether a value as held is a JSON string. */
    public static boolean isString(Object raw) {
        return raw instanceof String || raw instanceof AsciiText;
    }

    /** Whether a value as held is the JSON string {@code expected}. */
    public static boolean textEquals(Object raw, String expected) {
        return raw instanceof AsciiText text ? text.contentEquals(expected) : expected.equals(raw);
    }

    /** Whether this text is exactly {@code s}. */
    boolean contentEquals(String s) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            // Printable ASCII: each byte is its own char.
            if (bytes[from + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }
}
