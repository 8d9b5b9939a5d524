package dev.sigil.cli;

import dev.sigil.spi.JwtConfigurationException;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.MultiIssuerVerifier;
import dev.sigil.jwt.TokenVerifier;
import dev.sigil.jwt.VerifiedJwt;
import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.UntrustedText;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code sigil verify}: verifies a token as a server would, keys found by discovery (or at
 * {@code --jwks-uri}), and prints its header and claims. Standard output gets the JSON alone, so
 * that it can be piped to {@code jq}; the verdict and warnings go to standard error.
 */
final class VerifyCommand {

    static final String USAGE = String.join("\n",
            "usage: sigil verify --issuer URL [--issuer URL]... [--audience A]... [--ignore-audience] [--jwks-uri URL]",
            "                    [--type TYP] [--min-rsa-key-size BITS] [TOKEN | -]",
            "",
            "Verifies a JWS the way a server would: signature with the issuer's published keys",
            "(OpenID Connect discovery, or --jwks-uri), then exp, nbf, iat, iss, aud and typ.",
            "Prints the verified header and claims as indented JSON on standard output.",
            "",
            "  --issuer URL        the expected \"iss\"; keys are found at URL/.well-known/openid-configuration.",
            "                      Repeat it to accept a token from any of several issuers, each with its own",
            "                      keys; a token from any other issuer is refused without contacting it, and",
            "                      --audience is then required",
            "  --audience A        an accepted \"aud\" (repeatable); without it the audience is NOT checked,",
            "                      and a warning says so",
            "  --ignore-audience   do not check \"aud\", on purpose (no warning)",
            "  --jwks-uri URL      fetch the keys here instead of by discovery",
            "  --type TYP          the required \"typ\", e.g. at+jwt for RFC 9068 access tokens",
            "  --min-rsa-key-size BITS",
            "                      the smallest RSA modulus accepted (default 2048, RFC 7518 section 3.3;",
            "                      1024 to 16384); lower it only to see what a legacy issuer's tokens need",
            "  TOKEN | -           the token, or '-' (or nothing) to read it from standard input;",
            "                      a leading \"Bearer \" is removed. Prefer standard input: an argument",
            "                      lands in the shell history.",
            "",
            "Exit status: 0 verified, 1 refused (the reason and why on standard error), 2 usage error.",
            "");

    /** The builder methods this command sets from its flags, as library messages name them. */
    static final FlagNames FLAGS = FlagNames.of("type(..)", "--type", "jwksUri(..)", "--jwks-uri",
            "ignoreAudience()", "--ignore-audience", "audience(..)", "--audience", "issuer(..)", "--issuer",
            "minRsaKeySize(..)", "--min-rsa-key-size", "minRsaKeySize", "--min-rsa-key-size");

    private final Terminal terminal;

    VerifyCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    int run(List<String> args) throws UsageException, IOException {
        Arguments a = Arguments.spec().repeatableOption("--issuer").repeatableOption("--audience").flag("--ignore-audience")
                .option("--jwks-uri").option("--type").option("--min-rsa-key-size").parse(args);
        if (a.help()) {
            terminal.out().print(USAGE);
            return 0;
        }
        List<String> issuers = a.values("--issuer");
        if (issuers.isEmpty()) {
            throw new UsageException("--issuer is required: the expected \"iss\" of the token");
        }
        List<String> audiences = a.values("--audience");
        boolean ignoreAudience = a.flag("--ignore-audience");
        if (ignoreAudience && !audiences.isEmpty()) {
            throw new UsageException("--audience and --ignore-audience contradict each other: choose one");
        }
        Optional<URI> jwksUri = a.value("--jwks-uri").isPresent()
                ? Optional.of(uri(a.value("--jwks-uri").get(), "--jwks-uri")) : Optional.empty();
        if (issuers.size() > 1 && audiences.isEmpty()) {
            throw new UsageException("several --issuer values need --audience: a verifier that trusts several issuers"
                    + " always checks the audience");
        }
        if (issuers.size() > 1 && jwksUri.isPresent()) {
            throw new UsageException("--jwks-uri names one issuer's keys; with several --issuer values each one's keys"
                    + " are found by its discovery");
        }
        Integer minRsaKeySize = minRsaKeySize(a);
        String token = TokenInput.read(a.positionals(), terminal);
        if (issuers.size() > 1) {
            return verifyFromSeveral(issuers, audiences, a.value("--type"), minRsaKeySize, token);
        }
        String issuer = issuers.get(0);

        JwtVerifier.Builder builder = JwtVerifier.builder().issuer(issuer);
        if (audiences.isEmpty()) {
            // The library insists on an explicit decision; the CLI is a debugging tool, so it makes
            // the lax one for the user, but never silently.
            builder.ignoreAudience();
            if (!ignoreAudience) {
                terminal.err().println(terminal.style().warning("warning:")
                        + " audience NOT checked (no --audience given); a server must always check it");
            }
        } else {
            builder.audience(audiences.toArray(new String[0]));
        }
        jwksUri.ifPresent(builder::jwksUri);
        a.value("--type").ifPresent(builder::type);

        JwtVerifier verifier;
        try {
            if (minRsaKeySize != null) {
                builder.minRsaKeySize(minRsaKeySize);
            }
            verifier = builder.build();
        } catch (JwtConfigurationException | IllegalArgumentException e) {
            throw new UsageException(FLAGS.message(e.getMessage()));
        }
        return report(verifier, verifier.jsonCodec(), token, audiences);
    }

    /** Several issuers: each one's keys by its own discovery, any other issuer refused before any request. */
    private int verifyFromSeveral(List<String> issuers, List<String> audiences, Optional<String> type,
            Integer minRsaKeySize, String token) throws UsageException {
        MultiIssuerVerifier.Builder builder = MultiIssuerVerifier.builder().audience(audiences.toArray(new String[0]));
        for (String issuer : issuers) {
            builder.trustedIssuer(issuer);
        }
        builder.defaults(b -> {
            type.ifPresent(b::type);
            if (minRsaKeySize != null) {
                b.minRsaKeySize(minRsaKeySize);
            }
        });
        MultiIssuerVerifier verifier;
        try {
            verifier = builder.build();
        } catch (JwtConfigurationException | IllegalArgumentException e) {
            throw new UsageException(FLAGS.message(e.getMessage()));
        }
        return report(verifier, new BuiltinJsonCodec(), token, audiences);
    }

    /** {@code --min-rsa-key-size}, or {@code null}; its range is the library's to check, in its words. */
    static Integer minRsaKeySize(Arguments a) throws UsageException {
        Optional<String> value = a.value("--min-rsa-key-size");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value.get());
        } catch (NumberFormatException e) {
            throw new UsageException("--min-rsa-key-size takes a number of bits, such as 2048, not "
                    + Printable.argument(value.get()));
        }
    }

    /** Verifies {@code token}, prints the verdict, closes the verifier; the exit status. */
    private int report(TokenVerifier verifier, JsonCodec json, String token, List<String> audiences) {
        try (verifier) {
            VerifiedJwt jwt = verifier.verify(token);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("header", jwt.header().asMap());
            result.put("claims", jwt.claims().asMap());
            // Verified means signed by the issuer, not harmless: pretty() escapes every value all the same.
            terminal.out().println(new Json(json).pretty(result));
            terminal.err().println(terminal.style().good("verified") + ": " + jwt.header().algorithm()
                    + jwt.header().keyId().map(kid -> ", kid " + UntrustedText.quoted(kid)).orElse("")
                    + ", issuer " + UntrustedText.printable(jwt.claims().issuer().orElse("(none)"))
                    + (audiences.isEmpty() ? ", audience not checked" : ", audience "
                            + audiences.stream().map(UntrustedText::printable).collect(Collectors.joining(" | "))));
            return 0;
        } catch (JwtVerificationException e) {
            terminal.err().println(terminal.style().bad("refused") + ": " + e.reason());
            terminal.err().println("  " + FLAGS.message(e.getMessage()));
            return 1;
        }
    }

    static URI uri(String value, String option) throws UsageException {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new UsageException(option + " must be an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException(option + " is not a valid URL: " + e.getReason());
        }
    }
}
