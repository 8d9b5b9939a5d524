package dev.sigil.cli;

/**
 * Echoes what the user typed in an error message without ever echoing a token: a mistyped
 * argument may well be one, and error output ends up in logs and bug reports.
 */
final class Printable {

    private static final int LONGEST_ECHO = 32;

    private Printable() {
    }

    static String argument(String arg) {
        if (arg.length() > LONGEST_ECHO || arg.chars().filter(c -> c == '.').count() >= 2) {
            return "(an argument of " + arg.length() + " characters, not shown)";
        }
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return sb.append('\'').toString();
    }
}
