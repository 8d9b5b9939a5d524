package dev.sigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwt.EcIssuerKey;
import dev.sigil.spi.JsonParseException;
import dev.sigil.testkit.FakeIssuer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key set or a token cannot drive the terminal through the command line: kid, kty, alg, use, crv,
 * key_ops, typ and iss holding ESC, a C1 CSI (0x9b), U+2028, a bidi override (U+202E) and a newline
 * come out escaped in {@code jwks}, {@code inspect} and {@code verify}, JSON included.
 */
class HostileTextTest {

    static final String HOSTILE = "k\u001b[2J\u009b1;1H\u2028\u202e\nx";
    static final String ESCAPED = "k\\u001b[2J\\u009b1;1H\\u2028\\u202e\\nx";
    private static final String AUDIENCE = "https://api.example.com";

    @TempDir
    Path dir;

    private final EcIssuerKey key = EcIssuerKey.generate("k1");
    private FakeIssuer issuer;

    @BeforeEach
    void start() {
        issuer = FakeIssuer.start();
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    /** Nothing a terminal would act on but the line breaks the command wrote itself. */
    static void assertPrintable(String output) {
        for (int i = 0; i < output.length(); i++) {
            char c = output.charAt(i);
            int type = Character.getType(c);
            assertFalse(c != '\n' && (type == Character.CONTROL || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.SURROGATE),
                    "raw U+" + Integer.toHexString(c) + " at " + i + " in:\n" + output);
        }
    }

    private static String with(String jwk, String member, String value) {
        return "{" + EcIssuerKey.quote(member) + ":" + value + "," + jwk.substring(1);
    }

    /** One usable key and one key for each member a set can make hostile. */
    private String hostileSet() {
        String q = EcIssuerKey.quote(HOSTILE);
        return EcIssuerKey.jwks(
                key.publicJwk(HOSTILE, null),
                key.publicJwk("use", HOSTILE),
                with(key.publicJwk("alg", null), "alg", q),
                with(key.publicJwk("key_ops", null), "key_ops", "[" + q + "]"),
                key.publicJwk("crv", null).replace("\"crv\":\"P-256\"", "\"crv\":" + q),
                "{\"kty\":" + q + ",\"kid\":\"kty\"}");
    }

    @Test
    void jwksPrintsEveryMemberOfAHostileSetFileEscaped() throws IOException {
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, hostileSet(), StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("jwks", file.toString());
        assertEquals(0, r.exit(), r.all());
        assertPrintable(r.all());
        String out = r.out();
        assertTrue(out.contains("#0 kid '" + ESCAPED + "'\n   kty EC   alg -   use -   P-256"), out);
        assertTrue(out.contains("use " + ESCAPED), out);
        assertTrue(out.contains("DROPPED: use is '" + ESCAPED + "', not 'sig'"), out);
        assertTrue(out.contains("alg " + ESCAPED), out);
        assertTrue(out.contains("key_ops [" + ESCAPED + "]"), out);
        assertTrue(out.contains("kty " + ESCAPED), out);
    }

    @Test
    void jwksPrintsAHostileRemoteSetAndItsListenerEventsEscaped() {
        issuer.publishKeys(hostileSet());
        Cli.Result r = Cli.run("jwks", "--issuer", issuer.issuer());
        assertEquals(0, r.exit(), r.all());
        assertPrintable(r.all());
        assertTrue(r.out().contains("dropped key #1 'use': use is '" + ESCAPED + "', not 'sig'"), r.out());
    }

    @Test
    void aFileWithNoUsableKeyNamesTheFileNotABuilderMethod() throws IOException {
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, EcIssuerKey.jwks(key.publicJwk(HOSTILE, HOSTILE)), StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("jwks", file.toString());
        assertEquals(1, r.exit(), r.all());
        assertPrintable(r.all());
        assertTrue(r.out().contains("no usable key: the file holds no key usable with the allowed algorithms"), r.out());
        assertTrue(r.out().contains("dropped: key #0 '" + ESCAPED + "': use is '" + ESCAPED + "', not 'sig'"), r.out());
        assertFalse(r.all().contains("(..)"), r.all());
    }

    private String claims(String iss, long now) {
        return "{\"iss\":" + EcIssuerKey.quote(iss) + ",\"aud\":\"" + AUDIENCE + "\",\"sub\":" + EcIssuerKey.quote(HOSTILE)
                + ",\"exp\":" + (now + 600) + "}";
    }

    private String hostileToken(String iss) {
        String q = EcIssuerKey.quote(HOSTILE);
        return key.sign("{\"alg\":\"ES256\",\"kid\":" + q + ",\"typ\":\"JWT\",\"x-note\":" + q + "}",
                claims(iss, Instant.now().getEpochSecond()));
    }

    @Test
    void inspectPrintsAHostileHeaderAndClaimsAsEscapedJson() {
        String q = EcIssuerKey.quote(HOSTILE);
        String token = key.sign("{\"alg\":" + q + ",\"kid\":" + q + ",\"typ\":" + q + "}",
                claims(HOSTILE, Instant.now().getEpochSecond()));
        Cli.Result r = Cli.run("inspect", token);
        assertEquals(0, r.exit(), r.all());
        assertPrintable(r.all());
        String json = "\"" + ESCAPED + "\"";
        assertTrue(r.out().contains("\"alg\": " + json), r.out());
        assertTrue(r.out().contains("\"kid\": " + json), r.out());
        assertTrue(r.out().contains("\"typ\": " + json), r.out());
        assertTrue(r.out().contains("\"iss\": " + json), r.out());
    }

    @Test
    void verifyPrintsAVerifiedTokenWithAHostileKidEscaped() throws JsonParseException {
        issuer.publishKeys(EcIssuerKey.jwks(key.publicJwk(HOSTILE, null)));
        Cli.Result r = Cli.run("verify", "--issuer", issuer.issuer(), "--audience", AUDIENCE,
                hostileToken(issuer.issuer()));
        assertEquals(0, r.exit(), r.all());
        assertPrintable(r.all());
        assertTrue(r.err().startsWith("verified: ES256, kid '" + ESCAPED + "'"), r.err());
        assertTrue(r.out().contains("\"x-note\": \"" + ESCAPED + "\""), r.out());
        assertTrue(r.out().contains("\"sub\": \"" + ESCAPED + "\""), r.out());
        // Standard output is the JSON alone, and the escapes leave it the same JSON: a program reads the raw values.
        Map<?, ?> printed = (Map<?, ?>) Json.resolve().parse(r.out().getBytes(StandardCharsets.UTF_8));
        assertEquals(HOSTILE, ((Map<?, ?>) printed.get("header")).get("kid"));
        assertEquals(HOSTILE, ((Map<?, ?>) printed.get("header")).get("x-note"));
        assertEquals(HOSTILE, ((Map<?, ?>) printed.get("claims")).get("sub"));
    }

    @Test
    void verifyRefusesHostileKidAlgTypAndIssuerWithEscapedMessages() {
        issuer.publishKeys(EcIssuerKey.jwks(key.publicJwk()));
        String q = EcIssuerKey.quote(HOSTILE);
        long now = Instant.now().getEpochSecond();
        String[][] cases = {
            {hostileToken(issuer.issuer()), "refused: KEY_NOT_FOUND\n  no key with kid '" + ESCAPED + "'"},
            {key.sign("{\"alg\":" + q + "}", claims(issuer.issuer(), now)),
                "refused: UNSUPPORTED_ALGORITHM\n  alg '" + ESCAPED + "' is not supported"},
            {key.sign("{\"alg\":\"ES256\",\"kid\":\"k1\",\"typ\":" + q + "}", claims(issuer.issuer(), now)),
                "refused: TYPE_MISMATCH\n  typ '" + ESCAPED + "' is not JWT; configure --type to accept another token type"},
            {key.sign("{\"alg\":\"ES256\",\"kid\":\"k1\"}", claims(HOSTILE, now)),
                "refused: ISSUER_MISMATCH\n  iss '" + ESCAPED + "' is not the expected '" + issuer.issuer() + "'"},
        };
        for (String[] c : cases) {
            Cli.Result r = Cli.run("verify", "--issuer", issuer.issuer(), "--audience", AUDIENCE, c[0]);
            assertEquals(1, r.exit(), r.all());
            assertPrintable(r.all());
            assertEquals(c[1] + "\n", r.err());
        }
    }

    @Test
    void aHostileArgumentIsEchoedEscaped() {
        Cli.Result r = Cli.run("jwks", "--x\u001b[2J\u202e");
        assertEquals(2, r.exit());
        assertPrintable(r.all());
        assertTrue(r.err().contains("unknown option '--x\\u001b[2J\\u202e'"), r.err());
    }
}
