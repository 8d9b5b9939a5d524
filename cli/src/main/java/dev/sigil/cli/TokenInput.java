package dev.sigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The token a command works on: the one positional argument, or standard input when it is
 * {@code -} or absent. Standard input is preferred: a token on the command line lands in the
 * shell's history and in the process list.
 */
final class TokenInput {

    // Far above any real token (the verifier's own default cap is 16 Ki), but bounded.
    private static final int MAX_BYTES = 1024 * 1024;

    private TokenInput() {
    }

    static String read(List<String> positionals, Terminal terminal) throws UsageException, IOException {
        if (positionals.size() > 1) {
            throw new UsageException("expected one token, got " + positionals.size() + " arguments");
        }
        String raw;
        if (positionals.isEmpty() || positionals.get(0).equals("-")) {
            if (positionals.isEmpty() && terminal.interactiveInput()) {
                throw new UsageException("no token: give TOKEN, or '-' with the token piped on standard input");
            }
            raw = readAll(terminal.in());
        } else {
            raw = positionals.get(0);
        }
        String token = raw.strip();
        // An Authorization header value pasted whole (RFC 6750 section 2.1).
        if (token.length() > 7 && token.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            token = token.substring(7).strip();
        }
        if (token.isEmpty()) {
            throw new UsageException("no token: the argument or standard input is empty");
        }
        return token;
    }

    private static String readAll(InputStream in) throws IOException, UsageException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new UsageException("standard input holds more than " + MAX_BYTES + " bytes: not a token");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
