package dev.sigil.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.JwsAlgorithm;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Claim rules alone: parsed claims in, a refusal or nothing out, no backend and no key. */
class ClaimRulesTest {

    // 2023-11-14T22:13:20Z
    private static final long NOW = 1_700_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final JoseHeader HEADER = new JoseHeader(Map.of("alg", "RS256"), JwsAlgorithm.RS256, null, null);

    private static ClaimRules rules(String issuer, List<String> audiences, boolean requireExpiration,
            List<String> required, List<ClaimsValidator> validators) {
        return new ClaimRules(issuer, audiences, SKEW, CLOCK, required, requireExpiration, validators);
    }

    private static final ClaimRules RULES = rules("https://i/", List.of("api", "api2"), true, List.of(), List.of());

    private static JwtClaims claims(Object... pairs) throws JwtVerificationException {
        Map<String, Object> map = new HashMap<>();
        map.put("iss", "https://i/");
        map.put("aud", "api");
        map.put("exp", NOW + 300);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                map.remove((String) pairs[i]);
            } else {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return JwtClaims.of(map);
    }

    private static void assertRefused(ClaimRules rules, Reason reason, String message, JwtClaims claims) {
        JwtVerificationException e = assertThrows(JwtVerificationException.class, () -> rules.check(HEADER, claims));
        assertEquals(reason, e.reason());
        assertEquals(message, e.getMessage());
    }

    @Test
    void acceptsClaimsThatPassEveryRule() throws Exception {
        RULES.check(HEADER, claims("nbf", NOW, "iat", NOW, "aud", List.of("other", "api2")));
    }

    @Test
    void expIsRequiredUnlessAllowedMissing() throws Exception {
        assertRefused(RULES, Reason.MISSING_CLAIM, "token has no 'exp' claim", claims("exp", null));
        rules("https://i/", List.of("api"), false, List.of(), List.of()).check(HEADER, claims("exp", null));
    }

    @Test
    void expMustBeAfterNowLessTheSkew() throws Exception {
        RULES.check(HEADER, claims("exp", NOW - 59));
        assertRefused(RULES, Reason.EXPIRED, "token expired 60 s ago (exp 2023-11-14T22:12:20Z, skew 60 s)",
                claims("exp", NOW - 60));
    }

    @Test
    void fractionalDatesAreComparedToTheMillisecond() throws Exception {
        Clock justBefore = Clock.fixed(Instant.ofEpochMilli(NOW * 1000 + 499), ZoneOffset.UTC);
        Clock atExpiry = Clock.fixed(Instant.ofEpochMilli(NOW * 1000 + 500), ZoneOffset.UTC);
        JwtClaims halfPast = claims("exp", new BigDecimal(NOW + ".5"));
        new ClaimRules(null, null, Duration.ZERO, justBefore, List.of(), true, List.of()).check(HEADER, halfPast);
        ClaimRules late = new ClaimRules(null, null, Duration.ZERO, atExpiry, List.of(), true, List.of());
        assertEquals(Reason.EXPIRED, assertThrows(JwtVerificationException.class, () -> late.check(HEADER, halfPast)).reason());
    }

    @Test
    void nbfMayBeAtMostTheSkewAhead() throws Exception {
        RULES.check(HEADER, claims("nbf", NOW + 60));
        assertRefused(RULES, Reason.NOT_YET_VALID, "token is not valid for another 61 s (nbf 2023-11-14T22:14:21Z, skew 60 s)",
                claims("nbf", NOW + 61));
    }

    @Test
    void iatMayBeAtMostTheSkewAhead() throws Exception {
        RULES.check(HEADER, claims("iat", NOW + 60));
        assertRefused(RULES, Reason.ISSUED_IN_FUTURE, "token was issued 61 s in the future (iat 2023-11-14T22:14:21Z,"
                + " skew 60 s)", claims("iat", NOW + 61));
    }

    @Test
    void issMustBeTheExpectedOneExactly() throws Exception {
        assertRefused(RULES, Reason.MISSING_CLAIM, "token has no 'iss' claim", claims("iss", null));
        assertRefused(RULES, Reason.ISSUER_MISMATCH, "iss 'https://i' is not the expected 'https://i/'", claims("iss", "https://i"));
        assertRefused(RULES, Reason.ISSUER_MISMATCH, "iss 'https://i/\\n' is not the expected 'https://i/'",
                claims("iss", "https://i/\n"));
        rules(null, List.of("api"), true, List.of(), List.of()).check(HEADER, claims("iss", null));
    }

    @Test
    void audMustNameAnAcceptedAudience() throws Exception {
        assertRefused(RULES, Reason.MISSING_CLAIM, "token has no 'aud' claim", claims("aud", null));
        assertRefused(RULES, Reason.AUDIENCE_MISMATCH, "aud names none of the expected audiences [api, api2]",
                claims("aud", List.of()));
        assertRefused(RULES, Reason.AUDIENCE_MISMATCH, "aud names none of the expected audiences [api, api2]",
                claims("aud", List.of("API", "other")));
        rules("https://i/", null, true, List.of(), List.of()).check(HEADER, claims("aud", null));
    }

    @Test
    void requiredClaimsMustBePresentAndNotNull() throws Exception {
        ClaimRules rules = rules("https://i/", List.of("api"), true, List.of("sub", "jti"), List.of());
        rules.check(HEADER, claims("sub", "u", "jti", "j"));
        assertRefused(rules, Reason.MISSING_CLAIM, "token has no 'jti' claim", claims("sub", "u"));
    }

    @Test
    void validatorsRunInOrderAfterTheBuiltInRulesAndSeeTheHeader() throws Exception {
        List<String> seen = new ArrayList<>();
        ClaimRules rules = rules("https://i/", List.of("api"), true, List.of(), List.of(
                (header, claims) -> seen.add("first " + header.algorithm()),
                (header, claims) -> {
                    seen.add("second");
                    throw new JwtVerificationException(Reason.INVALID_CLAIM, "no scope");
                },
                (header, claims) -> seen.add("third")));
        assertRefused(rules, Reason.INVALID_CLAIM, "no scope", claims());
        assertEquals(List.of("first RS256", "second"), seen);
        seen.clear();
        assertRefused(rules, Reason.EXPIRED, "token expired 60 s ago (exp 2023-11-14T22:12:20Z, skew 60 s)",
                claims("exp", NOW - 60));
        assertEquals(List.of(), seen);
    }

    @Test
    void aValidatorThatCrashesRefusesTheTokenAsAnInvalidClaim() throws Exception {
        IllegalStateException bug = new IllegalStateException("bug");
        ClaimRules rules = rules(null, null, true, List.of(), List.of((header, claims) -> {
            throw bug;
        }));
        JwtVerificationException e = assertThrows(JwtVerificationException.class, () -> rules.check(HEADER, claims()));
        assertEquals(Reason.INVALID_CLAIM, e.reason());
        assertEquals("claims validator failed: java.lang.IllegalStateException", e.getMessage());
        assertSame(bug, e.getCause());
    }

    @Test
    void rulesApplyInOrderTimeThenIssuerThenAudienceThenRequiredClaims() throws Exception {
        ClaimRules rules = rules("https://i/", List.of("api"), true, List.of("sub"), List.of());
        assertRefused(rules, Reason.EXPIRED, "token expired 60 s ago (exp 2023-11-14T22:12:20Z, skew 60 s)",
                claims("exp", NOW - 60, "nbf", NOW + 61, "iss", "x", "aud", "x"));
        assertRefused(rules, Reason.NOT_YET_VALID, "token is not valid for another 61 s (nbf 2023-11-14T22:14:21Z, skew 60 s)",
                claims("nbf", NOW + 61, "iat", NOW + 61));
        assertRefused(rules, Reason.ISSUER_MISMATCH, "iss 'x' is not the expected 'https://i/'", claims("iss", "x", "aud", "x"));
        assertRefused(rules, Reason.AUDIENCE_MISMATCH, "aud names none of the expected audiences [api]", claims("aud", "x"));
        assertRefused(rules, Reason.MISSING_CLAIM, "token has no 'sub' claim", claims());
    }

    @Test
    void keepsItsOwnCopiesOfTheSettings() throws Exception {
        List<String> audiences = new ArrayList<>(List.of("api"));
        List<String> required = new ArrayList<>();
        ClaimRules rules = new ClaimRules(null, audiences, SKEW, CLOCK, required, true, new ArrayList<>());
        audiences.add("other");
        required.add("sub");
        rules.check(HEADER, claims());
        assertEquals("[api]", rules.audiences());
        // The copy, not the caller's list, decides: "other" was added after build.
        assertRefused(rules, Reason.AUDIENCE_MISMATCH, "aud names none of the expected audiences [api]", claims("aud", "other"));
        assertTrue(rules.issuer() == null);
    }
}
