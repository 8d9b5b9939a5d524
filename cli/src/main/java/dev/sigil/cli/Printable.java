package dev.sigil.cli;

import dev.sigil.spi.UntrustedText;

/**
 * Everything the commands print that they did not write themselves goes through here, so that a
 * key set, a token or an HTTP response can neither move the terminal's cursor nor forge a line.
 * There is one sanitizer, {@link UntrustedText}: it decides what is dangerous and how each dangerous
 * character is written. This class only adds the command line's policy on top of it.
 *
 * <ul>
 *   <li>{@link #argument} echoes what the user typed, but never a possible token;
 *   <li>{@link #message} is for text the library composed (exception messages, drop reasons), in
 *       which untrusted parts are already escaped: every character goes through
 *       {@link UntrustedText} except the backslash, which there begins one of its own escapes, so
 *       escaping twice changes nothing; and it is not cut, since the library bounds what it quotes;
 *   <li>{@link #json} is for JSON a codec wrote from untrusted values: the same, and its newlines
 *       are kept.
 * </ul>
 * Raw untrusted values (a kid, an alg, a URL, a file name) go to {@link UntrustedText} directly.
 */
final class Printable {

    private static final int LONGEST_ECHO = 32;

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

    /**
     * Each code point (a lone surrogate is one) as {@link UntrustedText#printable} writes it, one at
     * a time so that nothing is cut; the backslash, and the newline when asked, as they are.
     */
    private static String escapeDangerous(String text, boolean keepNewlines) {
        StringBuilder sb = null;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            String one = text.substring(i, next);
            String shown = codePoint == '\\' || codePoint == '\n' && keepNewlines ? one : UntrustedText.printable(one);
            if (sb == null && !shown.equals(one)) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                sb.append(shown);
            }
            i = next;
        }
        return sb == null ? text : sb.toString();
    }
}
