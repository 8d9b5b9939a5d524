package dev.sigil.cli;

import dev.sigil.spi.JsonParseException;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.PrintStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code sigil inspect}: decodes a token without verifying anything, for a human who wants to know
 * what it claims. Everything printed is attacker-controlled until {@code sigil verify} says
 * otherwise, which the banner states first.
 */
final class InspectCommand {

    static final String USAGE = String.join("\n",
            "usage: sigil inspect [TOKEN | -]",
            "",
            "Decodes a JWS WITHOUT verifying it: no signature check, no claim check. Prints the header",
            "and the claims as indented JSON under a NOT VERIFIED banner, then exp, iat and nbf as UTC",
            "dates and relative to now.",
            "",
            "  TOKEN | -   the token, or '-' (or nothing) to read it from standard input;",
            "              a leading \"Bearer \" is removed",
            "",
            "Exit status: 0 decoded, 1 not a decodable JWS, 2 usage error.",
            "");

    private static final List<String> TIME_CLAIMS = List.of("exp", "iat", "nbf");

    private final Terminal terminal;
    private final Json json;

    InspectCommand(Terminal terminal, Json json) {
        this.terminal = terminal;
        this.json = json;
    }

    int run(List<String> args) throws UsageException, IOException {
        Arguments a = Arguments.spec().parse(args);
        if (a.help()) {
            terminal.out().print(USAGE);
            return 0;
        }
        String token = TokenInput.read(a.positionals(), terminal);
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return fail(parts.length == 5
                    ? "a JWE (5 parts): encrypted, and Sigil verifies signed tokens only"
                    : "not a JWS compact serialization: " + parts.length + " dot-separated part" + (parts.length == 1 ? "" : "s")
                    + ", expected 3");
        }
        Object header;
        Object claims;
        byte[] signature;
        try {
            header = json.parse(decode(parts[0], "header"));
            claims = json.parse(decode(parts[1], "payload"));
            signature = decode(parts[2], "signature");
        } catch (Undecodable | JsonParseException e) {
            return fail(e.getMessage());
        }

        Style s = terminal.style();
        PrintStream out = terminal.out();
        out.println(s.bad(s.bold("=== NOT VERIFIED ===================================================")));
        out.println(s.bad("    Decoded only. The signature and the claims were NOT checked: anyone can"));
        out.println(s.bad("    write a token that says this. Use 'sigil verify' before trusting any of it."));
        out.println(s.bad(s.bold("====================================================================")));
        out.println(s.bold("header:"));
        out.println(json.pretty(header));
        out.println(s.bold("claims:"));
        out.println(json.pretty(claims));
        if (claims instanceof Map<?, ?> members) {
            printTimes(members);
        }
        out.println(s.bold("signature:") + " " + signature.length + " bytes (not checked)");
        return 0;
    }

    private void printTimes(Map<?, ?> claims) {
        Instant now = terminal.clock().instant();
        boolean any = false;
        for (String name : TIME_CLAIMS) {
            if (!claims.containsKey(name)) {
                continue;
            }
            if (!any) {
                terminal.out().println(terminal.style().bold("times:") + " (now " + now.truncatedTo(ChronoUnit.SECONDS) + ")");
                any = true;
            }
            Object value = claims.get(name);
            Instant at = numericDate(value);
            String line;
            if (at == null) {
                line = "not a NumericDate (a JSON number of seconds)";
            } else {
                line = at + "  " + RelativeTime.between(now, at);
                if (name.equals("exp") && at.isBefore(now)) {
                    line += "  " + terminal.style().bad("(expired)");
                } else if (name.equals("nbf") && at.isAfter(now)) {
                    line += "  " + terminal.style().warning("(not yet valid)");
                }
            }
            terminal.out().println("  " + name + "  " + line);
        }
    }

    private static Instant numericDate(Object value) {
        try {
            if (value instanceof Long seconds) {
                return Instant.ofEpochSecond(seconds);
            }
            if (value instanceof BigDecimal seconds) {
                // Bounded before conversion: a hostile 1e999999999 must not be expanded.
                if (seconds.abs().compareTo(BigDecimal.valueOf(Instant.MAX.getEpochSecond())) > 0) {
                    return null;
                }
                return Instant.ofEpochSecond(seconds.longValue());
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private int fail(String message) {
        // A codec's parse message may quote the input.
        terminal.err().println(terminal.style().bad("cannot decode") + ": " + Printable.message(message));
        return 1;
    }

    private static byte[] decode(String part, String name) throws Undecodable {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new Undecodable("the " + name + " is not base64url");
        }
    }

    /** A part that is not base64url; its message names the part, never its content. */
    private static final class Undecodable extends Exception {
        private static final long serialVersionUID = 1L;

        Undecodable(String message) {
            super(message);
        }
    }
}
