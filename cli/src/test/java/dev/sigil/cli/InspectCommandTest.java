package dev.sigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.testkit.FakeIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class InspectCommandTest {

    private static final String ISSUER = "https://tenant.example.auth0.com/";

    @Test
    void decodesUnderANotVerifiedBannerWithTimesAsDatesAndRelativeToNow() {
        String token = TestTokens.rsa("k1").valid(ISSUER);
        Cli.Result r = Cli.run("inspect", token);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("=== NOT VERIFIED ==="), r.out());
        assertTrue(r.out().contains("\"kid\": \"k1\""), r.out());
        assertTrue(r.out().contains("\"sub\": \"" + TestTokens.SUBJECT + "\""), r.out());
        assertTrue(Pattern.compile("\n  exp  \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ  in (59 min|1 h)").matcher(r.out()).find(), r.out());
        assertTrue(Pattern.compile("\n  iat  \\S+Z  (\\d+ (s|ms) ago|now)").matcher(r.out()).find(), r.out());
        assertTrue(r.out().contains("signature: 256 bytes (not checked)"), r.out());
    }

    @Test
    void marksAnExpiredToken() {
        Cli.Result r = Cli.run("inspect", TestTokens.rsa("k1").expired(ISSUER));
        assertEquals(0, r.exit());
        assertTrue(Pattern.compile("exp  \\S+Z  2 h ago  \\(expired\\)").matcher(r.out()).find(), r.out());
    }

    @Test
    void decodesATokenWhoseSignatureIsWrongBecauseItVerifiesNothing() {
        String token = TestTokens.rsa("k1").valid(ISSUER);
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
        Cli.Result r = Cli.run("inspect", forged);
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("NOT VERIFIED"));
    }

    @Test
    void decodesAnAlgNoneTokenToo() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "mallory");
        claims.put("nbf", Instant.now().plus(Duration.ofDays(2)).getEpochSecond());
        claims.put("exp", "tomorrow");
        Cli.Result r = Cli.runWithInput(DemoKey.unsecured(Json.resolve(), claims), "inspect", "-");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"alg\": \"none\""), r.out());
        assertTrue(r.out().contains("exp  not a NumericDate"), r.out());
        assertTrue(Pattern.compile("nbf  \\S+Z  in (1 d 23 h|2 d)  \\(not yet valid\\)").matcher(r.out()).find(), r.out());
        assertTrue(r.out().contains("signature: 0 bytes"), r.out());
    }

    @Test
    void failsWithExitOneOnSomethingThatIsNotAJws() {
        Cli.Result r = Cli.run("inspect", "abc.def");
        assertEquals(1, r.exit());
        assertEquals("cannot decode: not a JWS compact serialization: 2 dot-separated parts, expected 3\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void failsWithExitOneOnAHeaderThatIsNotJson() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("not json".getBytes(StandardCharsets.UTF_8));
        Cli.Result r = Cli.run("inspect", header + ".e30.");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("cannot decode: "), r.err());
    }

    @Test
    void failsWithExitOneOnBadBase64Url() {
        Cli.Result r = Cli.run("inspect", "e30.not*base64.");
        assertEquals(1, r.exit());
        assertEquals("cannot decode: the payload is not base64url\n", r.err());
    }

    @Test
    void withoutATokenIsAUsageError() {
        assertEquals(2, Cli.runWithInput("", "inspect").exit());
    }

    @Test
    void inspectsATokenMintedForTheWireMockIssuerAndOneForTheDemoIssuer() throws Exception {
        try (FakeIssuer fake = FakeIssuer.start(); DemoIssuer demo = DemoIssuer.start()) {
            Cli.Result wiremock = Cli.run("inspect", TestTokens.rsa("k1").valid(fake.issuer()));
            assertEquals(0, wiremock.exit());
            assertTrue(wiremock.out().contains("\"iss\": \"" + fake.issuer() + "\""), wiremock.out());

            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", demo.issuer());
            String token = DemoKey.generate("ec-1", JwsAlgorithm.ES256).sign(Json.resolve(), claims, null);
            Cli.Result own = Cli.run("inspect", token);
            assertEquals(0, own.exit());
            assertTrue(own.out().contains("\"iss\": \"" + demo.issuer() + "\""), own.out());
            assertTrue(own.out().contains("signature: 64 bytes"), own.out());
        }
    }
}
