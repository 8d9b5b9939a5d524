package dev.sigil.cli;

/**
 * ANSI colour for a terminal, or plain text for everything else: pipes, files and tests must never
 * receive escape sequences.
 */
final class Style {

    private static final String RESET = "\u001b[0m";

    private final boolean colour;

    Style(boolean colour) {
        this.colour = colour;
    }

    static Style plain() {
        return new Style(false);
    }

    boolean colour() {
        return colour;
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
