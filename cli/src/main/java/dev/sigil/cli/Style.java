package dev.sigil.cli;

/**
 * ANSI colour for a terminal, or plain text for everything else: pipes, files and tests must never
 * receive escape sequences.
 *
 * @param colour whether to paint
 */
record Style(boolean colour) {

    private static final String RESET = "\u001b[0m";

    static Style plain() {
        return new Style(false);
    }

    String bold(String text) {
        return paint("\u001b[1m", text);
    }

    String good(String text) {
        return paint("\u001b[32m", text);
    }

    String bad(String text) {
        return paint("\u001b[31m", text);
    }

    String warning(String text) {
        return paint("\u001b[33m", text);
    }

    String dim(String text) {
        return paint("\u001b[2m", text);
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }
}
