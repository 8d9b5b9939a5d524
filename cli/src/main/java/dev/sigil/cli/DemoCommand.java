package dev.sigil.cli;

import dev.sigil.jwk.JwksStats;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.VerifiedJwt;
import dev.sigil.spi.UntrustedText;
import java.io.IOException;
import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sigil demo}: an issuer, its keys and a verifier in one process, on loopback only, showing
 * what Sigil does for a server in a few seconds: discovery, three algorithms, a key rotation picked
 * up by one refresh, the refusals an attacker meets, and what the cache's listener heard.
 */
final class DemoCommand {

    static final String USAGE = String.join("\n",
            "usage: sigil demo",
            "",
            "Runs a self-contained tour, on 127.0.0.1 only, and stops by itself in a few seconds:",
            "  1. starts an OpenID Connect issuer (discovery and JWKS) on a free loopback port;",
            "  2. mints RS256, ES256 and EdDSA tokens with the JDK's providers and verifies them",
            "     through discovery;",
            "  3. rotates the RSA key and shows the unknown kid triggering one refresh;",
            "  4. shows refused tokens (expired, wrong audience, forged kid, alg none, foreign",
            "     signature) with their Reasons;",
            "  5. prints the JwksListener's events and the fetch counts.",
            "",
            "Exit status: 0 when every step turned out as expected, 1 otherwise.",
            "");

    static final String AUDIENCE = "https://api.demo.example";

    private final Terminal terminal;
    private final Json json;
    private int surprises;

    DemoCommand(Terminal terminal, Json json) {
        this.terminal = terminal;
        this.json = json;
    }

    int run(List<String> args) throws UsageException, IOException, GeneralSecurityException {
        Arguments a = Arguments.spec().parse(args);
        if (a.help()) {
            terminal.out().print(USAGE);
            return 0;
        }
        if (!a.positionals().isEmpty()) {
            throw new UsageException("demo takes no arguments");
        }
        long started = System.nanoTime();
        PrintStream out = terminal.out();
        Style s = terminal.style();
        out.println(s.bold("sigil demo") + ": an issuer, its keys and a verifier in this process, loopback only");

        EventLog events = new EventLog();
        try (DemoIssuer issuer = DemoIssuer.start()) {
            DemoKey rsa = DemoKey.generate("rsa-1", JwsAlgorithm.RS256);
            DemoKey ec = DemoKey.generate("ec-1", JwsAlgorithm.ES256);
            DemoKey ed = DemoKey.generate("ed-1", JwsAlgorithm.EdDSA);
            issuer.publish(jwks(rsa, ec, ed));

            step("1. the issuer");
            out.println("   " + issuer.issuer() + " (JDK HttpServer: discovery and JWKS)");
            out.println("   publishes rsa-1 (RS256, RSA 2048), ec-1 (ES256, P-256), ed-1 (EdDSA, Ed25519)");

            try (JwtVerifier verifier = JwtVerifier.builder()
                    .issuer(issuer.issuer())
                    .audience(AUDIENCE)
                    .clock(terminal.clock())
                    .listener(events)
                    .build()) {
                Instant now = terminal.clock().instant().truncatedTo(ChronoUnit.SECONDS);
                // A post-quantum key too, where the verifier's backend offers ML-DSA and the JDK can sign
                // it; published before the verifier's first fetch, which comes with its first token.
                Optional<DemoKey> pq = verifier.algorithms().contains(JwsAlgorithm.ML_DSA_65)
                        ? DemoKey.mlDsa65("pq-1") : Optional.empty();
                if (pq.isPresent()) {
                    issuer.publish(jwks(rsa, ec, ed, pq.get()));
                    out.println("   and pq-1 (ML-DSA-65, post-quantum, RFC 9964): crypto backend '"
                            + verifier.cryptoBackend().name() + "' offers ML-DSA");
                }

                step("2. verify through discovery");
                out.println("   JwtVerifier.builder().issuer(\"" + issuer.issuer() + "\").audience(\"" + AUDIENCE + "\")");
                verified(verifier, rsa.sign(json, claims(issuer, "alice", AUDIENCE, now), null), "");
                verified(verifier, ec.sign(json, claims(issuer, "bob", AUDIENCE, now), null), "");
                verified(verifier, ed.sign(json, claims(issuer, "carol", AUDIENCE, now), null), "");
                if (pq.isPresent()) {
                    verified(verifier, pq.get().sign(json, claims(issuer, "dave", AUDIENCE, now), null), "");
                }
                fetches(issuer, 1, "one discovery and one key-set fetch served all " + (pq.isPresent() ? "four" : "three"));

                step("3. rotate the RSA key");
                DemoKey rotated = DemoKey.generate("rsa-2", JwsAlgorithm.RS256);
                issuer.publish(pq.isPresent() ? jwks(rotated, ec, ed, pq.get()) : jwks(rotated, ec, ed));
                out.println("   the issuer now publishes rsa-2 instead of rsa-1; the verifier's cached set still holds rsa-1");
                verified(verifier, rotated.sign(json, claims(issuer, "alice", AUDIENCE, now), null),
                        "(unknown kid: one refresh of the key set, then verified)");
                fetches(issuer, 2, "the unknown kid cost exactly one more key-set fetch");

                step("4. refused tokens");
                DemoKey attacker = DemoKey.generate("forged-1", JwsAlgorithm.RS256);
                DemoKey attackerEc = DemoKey.generate("ec-1", JwsAlgorithm.ES256);
                Map<String, Object> expired = claims(issuer, "alice", AUDIENCE, now.minus(Duration.ofHours(2)));
                refused(verifier, "expired an hour ago", ed.sign(json, expired, null), Reason.EXPIRED);
                refused(verifier, "for another API", ec.sign(json, claims(issuer, "alice", "https://other-api.example", now), null),
                        Reason.AUDIENCE_MISMATCH);
                refused(verifier, "forged kid", attacker.sign(json, claims(issuer, "mallory", AUDIENCE, now), null),
                        Reason.KEY_NOT_FOUND);
                refused(verifier, "alg: none", DemoKey.unsecured(json, claims(issuer, "mallory", AUDIENCE, now)),
                        Reason.ALGORITHM_NOT_ALLOWED);
                refused(verifier, "real kid, other key", attackerEc.sign(json, claims(issuer, "mallory", AUDIENCE, now), null),
                        Reason.INVALID_SIGNATURE);
                fetches(issuer, 2, "forged tokens asked for refreshes, but the 30 s cooldown held them back");

                step("5. what the JwksListener heard");
                for (String event : events.events()) {
                    out.println("   " + event);
                }
                JwksStats stats = verifier.stats().orElseThrow();
                out.println("   JwksStats: fetches " + stats.fetches() + ", failures " + stats.fetchFailures()
                        + ", refreshes requested " + stats.refreshesRequested() + ", suppressed by the cooldown "
                        + stats.refreshesSuppressed() + ", keys " + stats.keys());
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        out.println();
        if (surprises == 0) {
            out.println(s.good("done") + " in " + took.toMillis() + " ms; every step turned out as expected; the issuer is stopped");
            return 0;
        }
        out.println(s.bad("done with " + surprises + " unexpected outcome" + (surprises == 1 ? "" : "s")));
        return 1;
    }

    private void step(String title) {
        terminal.out().println();
        terminal.out().println(terminal.style().bold(title));
    }

    private void verified(JwtVerifier verifier, String token, String note) {
        Style s = terminal.style();
        try {
            VerifiedJwt jwt = verifier.verify(token);
            terminal.out().println(String.format("   %s  %-5s  kid %-5s  sub %-5s  %s", s.good("verified"), jwt.header().algorithm(),
                    jwt.header().keyId().map(UntrustedText::printable).orElse("-"),
                    jwt.claims().subject().map(UntrustedText::printable).orElse("-"), note).stripTrailing());
        } catch (JwtVerificationException e) {
            surprises++;
            terminal.out().println("   " + s.bad("UNEXPECTED refusal") + ": " + e.reason() + ": " + Printable.message(e.getMessage()));
        }
    }

    private void refused(JwtVerifier verifier, String what, String token, Reason expected) {
        Style s = terminal.style();
        try {
            verifier.verify(token);
            surprises++;
            terminal.out().println("   " + s.bad("UNEXPECTEDLY verified") + "  " + what);
        } catch (JwtVerificationException e) {
            boolean asExpected = e.reason() == expected;
            if (!asExpected) {
                surprises++;
            }
            terminal.out().println(String.format("   %-21s %-22s %s%s", what, s.bad(e.reason().toString()), Printable.message(e.getMessage()),
                    asExpected ? "" : "  " + s.bad("(UNEXPECTED: wanted " + expected + ")")));
        }
    }

    private void fetches(DemoIssuer issuer, int expectedJwksRequests, String note) {
        String counts = "issuer has served " + issuer.discoveryRequests() + " discovery and " + issuer.jwksRequests()
                + " key-set request" + (issuer.jwksRequests() == 1 ? "" : "s");
        if (issuer.jwksRequests() == expectedJwksRequests) {
            terminal.out().println("   " + terminal.style().dim(counts + ": " + note));
        } else {
            surprises++;
            terminal.out().println("   " + terminal.style().bad(counts + " (UNEXPECTED: wanted " + expectedJwksRequests + ")"));
        }
    }

    private static Map<String, Object> claims(DemoIssuer issuer, String subject, String audience, Instant issuedAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer.issuer());
        claims.put("sub", subject);
        claims.put("aud", audience);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(Duration.ofHours(1)).getEpochSecond());
        claims.put("scope", "read:messages");
        return claims;
    }

    private String jwks(DemoKey... keys) {
        List<Object> list = new ArrayList<>();
        for (DemoKey key : keys) {
            list.add(key.publicJwk());
        }
        return json.compact(Map.of("keys", list));
    }
}
