package dev.sigil.cli;

import dev.sigil.spi.UntrustedText;

/**
 * Everything the commands print that they did not write themselves goes through here, so that a
 * key set, a token or an HTTP response can neither move the terminal's cursor nor forge a line.
 * What is dangerous is decided by {@link UntrustedText}, the library's one rule, never here.
 *
 * <ul>
 *   <li>{@link #argument} echoes what the user typed, never a possible token;
 *   <li>{@link #message} is for text the library composed (exception messages, drop reasons), in
 *       which untrusted parts are already escaped: it escapes whatever is still dangerous and leaves
 *       backslashes alone, so escaping twice changes nothing;
 *   <li>{@link #json} is for JSON a codec wrote from untrusted values.
 * </ul>
 * Raw untrusted values (a kid, an alg, a URL) go to {@link UntrustedText} directly.
 */
final class Printable {

    private static final int LONGEST_ECHO = 32;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Printable() {
    }

    /**
     * A command-line argument for an error message, escaped; not shown at all when it may be a token
     * (long, or with two dots): error output ends up in logs and bug reports.
     */
    static String argument(String arg) {
        if (arg.length() > LONGEST_ECHO || arg.chars().filter(c -> c == '.').count() >= 2) {
            return "(an argument of " + arg.length() + " characters, not shown)";
        }
        return UntrustedText.quoted(arg);
    }

    /** Library text for one line of output: every dangerous character escaped, newlines included. */
    static String message(String text) {
        return escapeDangerous(text, false);
    }

    /**
     * JSON text for the terminal. A codec escapes C0 controls inside strings, as RFC 8259 requires,
     * but may write C1 controls, U+2028 or bidi overrides raw; each becomes a {@code \}{@code uXXXX}
     * escape, which inside a JSON string means the same character, so the output stays the same
     * JSON. Outside strings a codec writes only structure and whitespace: its newlines are kept.
     */
    static String json(String text) {
        return escapeDangerous(text, true);
    }

    private static String escapeDangerous(String text, boolean keepNewlines) {
        StringBuilder sb = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int width = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
            boolean safe = c >= 0x20 && c < 0x7f || c == '\n' && keepNewlines || c > 0x7f && isSafe(text, i, width);
            if (!safe && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (safe) {
                    sb.append(text, i, i + width);
                } else if (c == '\n' || c == '\r' || c == '\t') {
                    sb.append('\\').append(c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
                } else {
                    for (int j = i; j < i + width; j++) {
                        char unit = text.charAt(j);
                        sb.append("\\u").append(HEX[unit >> 12]).append(HEX[unit >> 8 & 0xf])
                                .append(HEX[unit >> 4 & 0xf]).append(HEX[unit & 0xf]);
                    }
                }
            }
            i += width;
        }
        return sb == null ? text : sb.toString();
    }

    /** Whether {@link UntrustedText} keeps this character (or surrogate pair) as it is. */
    private static boolean isSafe(String text, int at, int width) {
        String one = text.substring(at, at + width);
        return UntrustedText.printable(one).equals(one);
    }
}
