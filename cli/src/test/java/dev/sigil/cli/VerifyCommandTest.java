package dev.sigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.testkit.FakeIssuer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VerifyCommandTest {

    @Nested
    class AgainstAWireMockIssuer {

        private FakeIssuer issuer;
        private TestTokens tokens;

        @BeforeEach
        void start() {
            issuer = FakeIssuer.start();
            tokens = TestTokens.rsa("k1");
            issuer.publishKeys(tokens.jwks());
        }

        @AfterEach
        void stop() {
            issuer.close();
        }

        @Test
        void printsTheVerifiedHeaderAndClaimsAsJsonAndExitsZero() {
            Cli.Result r = Cli.run("verify", "--issuer", issuer.issuer(), "--audience", TestTokens.AUDIENCE,
                    tokens.valid(issuer.issuer()));
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().startsWith("{\n  \"header\": {"), r.out());
            assertTrue(r.out().contains("\"sub\": \"" + TestTokens.SUBJECT + "\""), r.out());
            assertTrue(r.out().contains("\"kid\": \"k1\""), r.out());
            assertTrue(r.err().startsWith("verified: RS256, kid 'k1'"), r.err());
            assertFalse(r.err().contains("warning"), r.err());
        }

        @Test
        void minRsaKeySizeIsAFlagWhoseRangeIsTheLibrarysInTheFlagsName() {
            String token = tokens.valid(issuer.issuer());
            assertEquals(0, Cli.run("verify", "--issuer", issuer.issuer(), "--audience", TestTokens.AUDIENCE,
                    "--min-rsa-key-size", "2048", token).exit());
            assertEquals(1, Cli.run("verify", "--issuer", issuer.issuer(), "--audience", TestTokens.AUDIENCE,
                    "--min-rsa-key-size", "4096", token).exit());
            Cli.Result r = Cli.run("verify", "--issuer", issuer.issuer(), "--audience", TestTokens.AUDIENCE,
                    "--min-rsa-key-size", "512", token);
            assertEquals(2, r.exit());
            assertTrue(r.err().startsWith("sigil verify: --min-rsa-key-size must be between 1024 and 16384, got 512\n"), r.err());
        }

        @Test
        void readsTheTokenFromStandardInputWithOrWithoutABearerPrefix() {
            String token = tokens.valid(issuer.issuer());
            assertEquals(0, Cli.runWithInput(token + "\n", "verify", "--issuer", issuer.issuer(),
                    "--audience", TestTokens.AUDIENCE, "-").exit());
            assertEquals(0, Cli.runWithInput("Bearer " + token, "verify", "--issuer", issuer.issuer(),
                    "--audience", TestTokens.AUDIENCE).exit());
        }

        @Test
        void refusesAnExpiredTokenWithItsReasonAndExitsOne() {
            String token = tokens.expired(issuer.issuer());
            Cli.Result r = Cli.run("verify", "--issuer", issuer.issuer(), "--audience", TestTokens.AUDIENCE, token);
            assertEquals(1, r.exit());
            assertTrue(r.err().startsWith("refused: EXPIRED\n  token expired "), r.err());
            assertEquals("", r.out());
            assertFalse(r.all().contains(token.substring(token.indexOf('.'))), "the token must not be printed");
        }

        @Test
        void refusesATokenForAnotherAudience() {
            Cli.Result r = Cli.run("verify", "--issuer", issuer.issuer(), "--audience", "https://other.example",
                    tokens.valid(issuer.issuer()));
            assertEquals(1, r.exit());
            assertTrue(r.err().contains("AUDIENCE_MISMATCH"), r.err());
        }

        @Test
        void acceptsAnyOfSeveralAudiences() {
            assertEquals(0, Cli.run("verify", "--issuer", issuer.issuer(), "--audience", "https://other.example",
                    "--audience", TestTokens.AUDIENCE, tokens.valid(issuer.issuer())).exit());
        }

        @Test
        void saysSoWhenNoAudienceIsChecked() {
            Cli.Result r = Cli.run("verify", "--issuer", issuer.issuer(), tokens.valid(issuer.issuer()));
            assertEquals(0, r.exit());
            assertTrue(r.err().startsWith("warning: audience NOT checked (no --audience given)"), r.err());
            assertTrue(r.err().contains("audience not checked"), r.err());
        }

        @Test
        void ignoresTheAudienceWithoutAWarningWhenAskedTo() {
            Cli.Result r = Cli.run("verify", "--issuer", issuer.issuer(), "--ignore-audience", tokens.valid(issuer.issuer()));
            assertEquals(0, r.exit());
            assertFalse(r.err().contains("warning"), r.err());
        }

        @Test
        void fetchesTheKeysFromAGivenJwksUriWithoutDiscovery() {
            Cli.Result r = Cli.run("verify", "--issuer", issuer.issuer(), "--audience", TestTokens.AUDIENCE,
                    "--jwks-uri", issuer.jwksUri().toString(), tokens.valid(issuer.issuer()));
            assertEquals(0, r.exit(), r.err());
            assertEquals(0, issuer.discoveryRequests());
        }

        @Test
        void requiresTheTypeAskedFor() {
            String plain = tokens.valid(issuer.issuer());
            Cli.Result r = Cli.run("verify", "--issuer", issuer.issuer(), "--audience", TestTokens.AUDIENCE,
                    "--type", "at+jwt", plain);
            assertEquals(1, r.exit());
            assertTrue(r.err().contains("TYPE_MISMATCH"), r.err());
            String accessToken = tokens.mint(issuer.issuer(), TestTokens.AUDIENCE, Instant.now(), new JOSEObjectType("at+jwt"));
            assertEquals(0, Cli.run("verify", "--issuer", issuer.issuer(), "--audience", TestTokens.AUDIENCE,
                    "--type", "at+jwt", accessToken).exit());
        }

        @Test
        void refusesATokenFromAnotherIssuer() {
            Cli.Result r = Cli.run("verify", "--issuer", issuer.issuer(), "--audience", TestTokens.AUDIENCE,
                    tokens.valid("https://evil.example/"));
            assertEquals(1, r.exit());
            assertTrue(r.err().contains("ISSUER_MISMATCH"), r.err());
        }

        @Test
        void reportsKeysUnavailableWhenTheIssuerFails() {
            issuer.failJwks(503, Map.of());
            Cli.Result r = Cli.run("verify", "--issuer", issuer.issuer(), "--audience", TestTokens.AUDIENCE,
                    tokens.valid(issuer.issuer()));
            assertEquals(1, r.exit());
            assertTrue(r.err().contains("refused: KEYS_UNAVAILABLE"), r.err());
        }

        @Test
        void refusesGarbageAsMalformed() {
            Cli.Result r = Cli.run("verify", "--issuer", issuer.issuer(), "--audience", TestTokens.AUDIENCE, "not-a-token");
            assertEquals(1, r.exit());
            assertTrue(r.err().contains("MALFORMED"), r.err());
        }
    }

    @Nested
    class AgainstSeveralIssuers {

        private final FakeIssuer first = FakeIssuer.start();
        private final FakeIssuer second = FakeIssuer.start();
        private final FakeIssuer other = FakeIssuer.start();
        private final TestTokens firstKeys = TestTokens.rsa("first-1");
        private final TestTokens secondKeys = TestTokens.rsa("second-1");

        @BeforeEach
        void publish() {
            first.publishKeys(firstKeys.jwks());
            second.publishKeys(secondKeys.jwks());
            other.publishKeys(secondKeys.jwks());
        }

        @AfterEach
        void stop() {
            first.close();
            second.close();
            other.close();
        }

        private Cli.Result verify(String token) {
            return Cli.run("verify", "--issuer", first.issuer(), "--issuer", second.issuer(), "--audience",
                    TestTokens.AUDIENCE, token);
        }

        @Test
        void acceptsATokenFromEitherIssuerWithThatIssuersKeys() {
            Cli.Result fromFirst = verify(firstKeys.valid(first.issuer()));
            assertEquals(0, fromFirst.exit(), fromFirst.err());
            assertTrue(fromFirst.err().startsWith("verified: RS256, kid 'first-1', issuer " + first.issuer()), fromFirst.err());
            Cli.Result fromSecond = verify(secondKeys.valid(second.issuer()));
            assertEquals(0, fromSecond.exit(), fromSecond.err());
            assertTrue(fromSecond.err().contains("issuer " + second.issuer()), fromSecond.err());
            // One issuer's keys do not speak for the other.
            assertEquals(1, verify(secondKeys.valid(first.issuer())).exit());
        }

        @Test
        void refusesAnyOtherIssuerWithoutContactingIt() {
            Cli.Result r = verify(secondKeys.valid(other.issuer()));
            assertEquals(1, r.exit());
            assertTrue(r.err().startsWith("refused: ISSUER_MISMATCH"), r.err());
            assertEquals(0, other.discoveryRequests());
            assertEquals(0, other.requests(other.jwksUri().getPath()) + first.discoveryRequests() + second.discoveryRequests());
        }

        @Test
        void severalIssuersNeedAnAudience() {
            Cli.Result r = Cli.run("verify", "--issuer", first.issuer(), "--issuer", second.issuer(),
                    firstKeys.valid(first.issuer()));
            assertEquals(2, r.exit());
            assertTrue(r.err().contains("need --audience"), r.err());
        }
    }

    @Nested
    class AgainstTheDemoIssuer {

        @Test
        void verifiesATokenSignedByTheDemosOwnKeys() throws Exception {
            Json json = Json.resolve();
            try (DemoIssuer issuer = DemoIssuer.start()) {
                DemoKey key = DemoKey.generate("ed-1", JwsAlgorithm.EdDSA);
                issuer.publish(json.compact(Map.of("keys", List.of(key.publicJwk()))));
                Map<String, Object> claims = new LinkedHashMap<>();
                claims.put("iss", issuer.issuer());
                claims.put("sub", "carol");
                claims.put("aud", DemoCommand.AUDIENCE);
                claims.put("exp", Instant.now().getEpochSecond() + 600);
                Cli.Result r = Cli.run("verify", "--issuer", issuer.issuer(), "--audience", DemoCommand.AUDIENCE,
                        key.sign(json, claims, null));
                assertEquals(0, r.exit(), r.err());
                assertTrue(r.out().contains("\"sub\": \"carol\""), r.out());
                assertTrue(r.out().contains("\"alg\": \"EdDSA\""), r.out());
                assertEquals(1, issuer.discoveryRequests());
            }
        }
    }

    @Nested
    class UsageErrors {

        @Test
        void anIssuerIsRequired() {
            Cli.Result r = Cli.run("verify", "--audience", "a", "x.y.z");
            assertEquals(2, r.exit());
            assertTrue(r.err().contains("--issuer is required"), r.err());
        }

        @Test
        void anAudienceAndIgnoringItContradictEachOther() {
            assertEquals(2, Cli.run("verify", "--issuer", "https://a.example/", "--audience", "a", "--ignore-audience", "x.y.z").exit());
        }

        @Test
        void anEmptyStandardInputIsNoToken() {
            Cli.Result r = Cli.runWithInput("  \n", "verify", "--issuer", "https://a.example/", "--ignore-audience");
            assertEquals(2, r.exit());
            assertTrue(r.err().contains("no token"), r.err());
        }

        @Test
        void twoTokensAreOneTooMany() {
            assertEquals(2, Cli.run("verify", "--issuer", "https://a.example/", "--ignore-audience", "a.b.c", "d.e.f").exit());
        }

        @Test
        void aRelativeJwksUriIsRefused() {
            Cli.Result r = Cli.run("verify", "--issuer", "https://a.example/", "--ignore-audience", "--jwks-uri", "keys.json", "a.b.c");
            assertEquals(2, r.exit());
            assertTrue(r.err().contains("--jwks-uri must be an absolute http(s) URL"), r.err());
        }
    }
}
