package dev.sigil.cli;

import dev.sigil.jwk.DroppedKey;
import dev.sigil.jwk.InvalidJwkException;
import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksCache;
import dev.sigil.spi.JwtConfigurationException;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.spi.UntrustedText;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code sigil jwks}: lists a key set's keys and which of them a verifier would drop, and why. The
 * verdicts are the library's own: the set goes through a real {@link JwtVerifier} whose
 * {@link EventLog} hears each {@link DroppedKey}, so the listing cannot drift from what a server does.
 */
final class JwksCommand {

    static final String USAGE = String.join("\n",
            "usage: sigil jwks (--issuer URL | --jwks-uri URL | FILE) [--min-rsa-key-size BITS]",
            "",
            "Lists the keys of a JSON Web Key Set: kid, kty, alg, use, size or curve, RFC 7638",
            "thumbprint, x5c subject and validity; then which keys Sigil's signing-key filter drops,",
            "and why (not for signing, private material, weak or unknown, x5c mismatch, ...).",
            "",
            "  --issuer URL     find the set by OpenID Connect discovery, as a verifier would",
            "  --jwks-uri URL   fetch the set from this URL",
            "  FILE             read the set from a file, loaded as JwtVerifier.Builder.keys(..) would",
            "                   load it (secret 'oct' keys are kept there; a remote set never keeps them)",
            "  --min-rsa-key-size BITS",
            "                   the smallest RSA modulus kept (default 2048, RFC 7518 section 3.3); a lower",
            "                   value shows what a legacy issuer's 1024-bit keys would need, not that it is safe",
            "",
            "Exit status: 0 at least one usable key, 1 no usable key or the set could not be had,",
            "2 usage error.",
            "");

    private static final int MAX_FILE_BYTES = 4 * 1024 * 1024;
    /** The builder methods this command sets from its flags and its FILE, as library messages name them. */
    private static final FlagNames FLAGS = FlagNames.of("jwksUri(..)", "--jwks-uri", "issuer(..)", "--issuer",
            "keys(..)", "the file", "minRsaKeySize(..)", "--min-rsa-key-size", "minRsaKeySize", "--min-rsa-key-size");

    private final Terminal terminal;

    JwksCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    int run(List<String> args) throws UsageException, IOException {
        Arguments a = Arguments.spec().option("--issuer").option("--jwks-uri").option("--min-rsa-key-size").parse(args);
        if (a.help()) {
            terminal.out().print(USAGE);
            return 0;
        }
        int sources = (a.value("--issuer").isPresent() ? 1 : 0) + (a.value("--jwks-uri").isPresent() ? 1 : 0)
                + a.positionals().size();
        if (sources != 1) {
            throw new UsageException("give exactly one of --issuer URL, --jwks-uri URL or FILE");
        }
        Integer minRsaKeySize = VerifyCommand.minRsaKeySize(a);
        if (a.positionals().size() == 1) {
            return fromFile(a.positionals().get(0), minRsaKeySize);
        }
        return remote(a.value("--issuer").orElse(null),
                a.value("--jwks-uri").isPresent() ? VerifyCommand.uri(a.value("--jwks-uri").get(), "--jwks-uri") : null,
                minRsaKeySize);
    }

    private int remote(String issuer, URI jwksUri, Integer minRsaKeySize) throws UsageException {
        EventLog events = new EventLog();
        JwksCache.Builder cacheBuilder = JwksCache.builder().listener(events);
        JwtVerifier.Builder verifierBuilder = JwtVerifier.builder().ignoreAudience().listener(events);
        minRsaKeySize(verifierBuilder, minRsaKeySize);
        if (issuer != null) {
            cacheBuilder.issuer(issuer);
            verifierBuilder.issuer(issuer);
        } else {
            cacheBuilder.jwksUri(jwksUri);
            verifierBuilder.ignoreIssuer();
        }
        JwksCache cache;
        JwtVerifier verifier;
        try {
            cache = cacheBuilder.build();
            verifier = verifierBuilder.keySource(cache).build();
        } catch (JwtConfigurationException | IllegalArgumentException e) {
            throw new UsageException(FLAGS.message(e.getMessage()));
        }
        // The cache is given to the verifier, so the verifier leaves it open: close both.
        try (cache; verifier) {
            try {
                verifier.prefetch();
            } catch (JwtVerificationException e) {
                terminal.err().println(terminal.style().bad("no key set") + ": " + e.reason() + ": "
                        + FLAGS.message(e.getMessage()));
                printEvents(events);
                return 1;
            }
            // Prefetched: the cache holds the set, so its answer is complete.
            JwkSet set = cache.keys().toCompletableFuture().join();
            String where = issuer != null ? "issuer " + UntrustedText.printable(issuer)
                    : UntrustedText.printable(jwksUri.toString());
            return report(where, set, events, null, true);
        }
    }

    private int fromFile(String name, Integer minRsaKeySize) throws UsageException, IOException {
        Path path = Path.of(name);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + Printable.argument(name));
        }
        if (bytes.length > MAX_FILE_BYTES) {
            terminal.err().println(terminal.style().bad("not a key set") + ": the file holds more than " + MAX_FILE_BYTES + " bytes");
            return 1;
        }
        JwkSet set;
        try {
            set = JwkSet.parse(bytes);
        } catch (InvalidJwkException e) {
            terminal.err().println(terminal.style().bad("not a key set") + ": " + Printable.message(e.getMessage()));
            return 1;
        }
        EventLog events = new EventLog();
        String unusable = null;
        try {
            // Built only to hear which keys it keeps; static keys own no thread, but close anyway.
            JwtVerifier.Builder builder = JwtVerifier.builder().ignoreIssuer().ignoreAudience().keys(set).listener(events);
            minRsaKeySize(builder, minRsaKeySize);
            builder.build().close();
        } catch (JwtConfigurationException e) {
            // A static set with no usable key fails build() before any key is reported to the
            // listener; the message lists every dropped key with its reason.
            unusable = FLAGS.message(e.getMessage());
        }
        return report(UntrustedText.printable(name), set, events, unusable, false);
    }

    private static void minRsaKeySize(JwtVerifier.Builder builder, Integer bits) throws UsageException {
        if (bits != null) {
            try {
                builder.minRsaKeySize(bits);
            } catch (IllegalArgumentException e) {
                throw new UsageException(FLAGS.message(e.getMessage()));
            }
        }
    }

    private int report(String where, JwkSet set, EventLog events, String unusable, boolean printEvents) {
        PrintStream out = terminal.out();
        Style s = terminal.style();
        Map<Integer, DroppedKey> droppedAt = new HashMap<>();
        Map<Integer, String> loose = events.notCanonical();
        for (DroppedKey key : events.dropped()) {
            droppedAt.put(key.index(), key);
        }
        for (DroppedKey key : set.malformedKeys()) {
            droppedAt.putIfAbsent(key.index(), key);
        }
        int published = set.keys().size() + set.malformedKeys().size();
        int usable = unusable != null ? 0 : set.keys().size() + set.malformedKeys().size() - droppedAt.size();
        out.println(s.bold("keys of " + where) + ": " + published + " published, " + usable + " usable, "
                + (published - usable) + " dropped");
        for (int position = 0; position < published; position++) {
            out.println();
            Jwk key = keyAt(set, position);
            if (key == null) {
                DroppedKey malformed = droppedAt.get(position);
                out.println("#" + position + " " + s.bad("DROPPED") + " (malformed): "
                        + Printable.message(malformed.reason()));
                continue;
            }
            // Every member shown is the key set's own text: escaped, so that a set cannot drive the terminal.
            out.println("#" + position + " kid " + key.keyId().map(UntrustedText::quoted).orElse("(none)"));
            out.println("   kty " + UntrustedText.printable(key.keyType()) + "   alg "
                    + key.algorithm().map(UntrustedText::printable).orElse("-") + "   use "
                    + key.use().map(UntrustedText::printable).orElse("-")
                    + key.keyOperations().map(ops -> "   key_ops " + printableList(ops)).orElse("")
                    + "   " + KeyReport.sizeOrCurve(key));
            boolean secret = key.keyType().equals("oct");
            out.println("   thumbprint " + KeyReport.thumbprint(key) + (secret ? "" : s.dim("  (RFC 7638, SHA-256)")));
            for (String line : KeyReport.certificates(key, terminal.clock().instant())) {
                out.println("   " + line);
            }
            DroppedKey verdict = droppedAt.get(position);
            if (verdict != null) {
                out.println("   " + s.bad("DROPPED") + ": " + FLAGS.message(verdict.reason()));
            } else if (unusable == null) {
                out.println("   " + s.good("usable") + (secret ? " only where HS256/384/512 are allowed explicitly" : ""));
                if (loose.containsKey(position)) {
                    out.println("   " + s.dim("note: " + Printable.message(loose.get(position))));
                }
            }
        }
        if (unusable != null) {
            out.println();
            out.println(s.bad("no usable key") + ": " + unusable);
        }
        if (printEvents) {
            printEvents(events);
        }
        return usable > 0 ? 0 : 1;
    }

    private void printEvents(EventLog events) {
        terminal.out().println();
        terminal.out().println(terminal.style().bold("listener events:"));
        for (String event : events.events()) {
            terminal.out().println("  " + event);
        }
    }

    private static String printableList(List<String> values) {
        return values.stream().map(UntrustedText::printable).collect(Collectors.joining(", ", "[", "]"));
    }

    private static Jwk keyAt(JwkSet set, int position) {
        for (int i = 0; i < set.keys().size(); i++) {
            if (set.sourcePosition(i) == position) {
                return set.keys().get(i);
            }
        }
        return null;
    }
}
