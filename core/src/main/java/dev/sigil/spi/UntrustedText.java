package dev.sigil.spi;

/**
 * Makes text that came from outside (a token header, a key set, an HTTP response, a discovery
 * document) safe to print in a log record, an exception message or a terminal.
 *
 * <p>A key set or a token can carry any Unicode. Printed raw, a newline forges a log line, ESC
 * moves a terminal's cursor, and a bidi override makes {@code 'evil'} read as {@code 'live'}. Every
 * place in Sigil that prints untrusted text, in core, the transports and the command line, goes
 * through this class, so the rule exists once.
 *
 * <p>The rule: the backslash becomes {@code \\}; {@code \n}, {@code \r} and {@code \t} are
 * written as such; every other character of the Unicode categories Cc (C0 and C1 controls, DEL),
 * Cf (format characters: bidi controls, zero-width joiners, the byte-order mark, tag characters),
 * Zl and Zp (U+2028, U+2029), Cn (unassigned, so a future format character is covered) and every
 * lone surrogate becomes {@code \}{@code uXXXX} per UTF-16 unit. Anything else, including letters of
 * any script, is kept. The result is cut at {@value #MAX_CHARS} characters of input, never inside a
 * surrogate pair, and then says how long the input was; a real {@code kid} (up to 128 characters)
 * is never cut.
 *
 * <p>Stateless and thread-safe.
 */
public final class UntrustedText {

    /** The most characters of input shown; longer text is cut there, with its length stated. */
    public static final int MAX_CHARS = 256;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private UntrustedText() {
    }

    /**
     * {@return the text made printable: escaped as the class comment says and bounded to
     * {@value #MAX_CHARS} characters of input} {@code null} gives {@code null} (four letters).
     *
     * @param text untrusted text, or {@code null}
     */
    public static String printable(String text) {
        if (text == null) {
            return "null";
        }
        if (isPlain(text)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 16);
        appendEscaped(sb, text);
        return sb.toString();
    }

    /**
     * {@return the text made printable, between single quotes, as messages show a {@code kid} or an
     * {@code alg}: {@code 'k1'}} {@code null} gives {@code null}, unquoted.
     *
     * @param text untrusted text, or {@code null}
     */
    public static String quoted(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 18).append('\'');
        appendEscaped(sb, text);
        return sb.append('\'').toString();
    }

    /** Short printable ASCII needs no copy: the common case for kids, algs and URLs. */
    private static boolean isPlain(String text) {
        if (text.length() > MAX_CHARS) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static void appendEscaped(StringBuilder sb, String text) {
        int end = Math.min(text.length(), MAX_CHARS);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))
                && Character.isLowSurrogate(text.charAt(end))) {
            end--; // never split a pair: half of it would print as a lone surrogate
        }
        int i = 0;
        while (i < end) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                if (mustEscape(codePoint)) {
                    unicodeEscape(sb, c);
                    unicodeEscape(sb, text.charAt(i + 1));
                } else {
                    sb.append(c).append(text.charAt(i + 1));
                }
                i += 2;
                continue;
            }
            switch (c) {
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (Character.isSurrogate(c) || mustEscape(c)) {
                        unicodeEscape(sb, c);
                    } else {
                        sb.append(c);
                    }
            }
            i++;
        }
        if (end < text.length()) {
            sb.append("... (").append(text.length()).append(" characters in all)");
        }
    }

    private static boolean mustEscape(int codePoint) {
        switch (Character.getType(codePoint)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.UNASSIGNED:
            case Character.SURROGATE:
                return true;
            default:
                return false;
        }
    }

    private static void unicodeEscape(StringBuilder sb, char c) {
        sb.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
    }
}
