package dev.sigil.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.JwsAlgorithm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Header rules alone: members in, a JoseHeader or a refusal out, no backend and no key. */
class HeaderRulesTest {

    private static final Set<JwsAlgorithm> ALLOWED = EnumSet.of(JwsAlgorithm.RS256, JwsAlgorithm.ES256);
    /** Supports RS256, ES256 and HS256, and is asked about each token's alg. */
    private static final JdkTestBackend SUPPORTED = new JdkTestBackend(JwsAlgorithm.RS256, JwsAlgorithm.ES256, JwsAlgorithm.HS256);

    private final HeaderRules rules = new HeaderRules(ALLOWED, SUPPORTED, null);

    private static Map<String, Object> members(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static void assertRefused(HeaderRules rules, Reason reason, String message, Map<String, Object> members) {
        JwtVerificationException e = assertThrows(JwtVerificationException.class, () -> rules.check(members));
        assertEquals(reason, e.reason());
        assertEquals(message, e.getMessage());
    }

    private void assertRefused(Reason reason, String message, Object... pairs) {
        assertRefused(rules, reason, message, members(pairs));
    }

    @Test
    void anAcceptedHeaderCarriesItsAlgKidTypAndEveryMember() throws Exception {
        Map<String, Object> members = members("alg", "RS256", "kid", "k1", "typ", "JWT", "x5u", "https://evil/");
        JoseHeader header = rules.check(members);
        assertEquals(JwsAlgorithm.RS256, header.algorithm());
        assertEquals(Optional.of("k1"), header.keyId());
        assertEquals(Optional.of("JWT"), header.type());
        assertSame(members, header.asMap());
    }

    @Test
    void kidAndTypMayBeAbsent() throws Exception {
        JoseHeader header = rules.check(members("alg", "ES256"));
        assertEquals(Optional.empty(), header.keyId());
        assertEquals(Optional.empty(), header.type());
    }

    @Test
    void algMustBeAString() {
        assertRefused(Reason.MALFORMED, "token header has no 'alg'", "kid", "k1");
        assertRefused(Reason.MALFORMED, "token header has no 'alg'", "alg", null);
        assertRefused(Reason.MALFORMED, "token header 'alg' must be a string", "alg", 256L);
    }

    @Test
    void algNoneIsNeverAcceptedInAnyCase() {
        for (String none : List.of("none", "None", "NONE")) {
            assertRefused(Reason.ALGORITHM_NOT_ALLOWED, "alg 'none' (an unsecured JWS) is never accepted", "alg", none);
        }
    }

    @Test
    void anUnknownAlgOrOneTheBackendLacksIsUnsupported() {
        assertRefused(Reason.UNSUPPORTED_ALGORITHM, "alg 'XY256' is not supported", "alg", "XY256");
        assertRefused(Reason.UNSUPPORTED_ALGORITHM, "alg 'PS256' is not supported by crypto backend 'jdk-test'", "alg", "PS256");
        // Names are case-sensitive (RFC 7515 section 4.1.1).
        assertRefused(Reason.UNSUPPORTED_ALGORITHM, "alg 'rs256' is not supported", "alg", "rs256");
    }

    @Test
    void aSupportedAlgOutsideTheAllowListIsNotAllowed() {
        assertRefused(Reason.ALGORITHM_NOT_ALLOWED, "alg HS256 is not allowed; allowed: [RS256, ES256]", "alg", "HS256");
    }

    @Test
    void critIsNeverUnderstood() {
        assertRefused(Reason.UNSUPPORTED_CRITICAL_HEADER,
                "token header lists critical parameters that are not supported: ['exp', (not a string)]",
                "alg", "RS256", "crit", List.of("exp", 1L), "exp", 5L);
    }

    @Test
    void aMalformedCritIsMalformed() {
        String message = "token header 'crit' must be a non-empty array";
        assertRefused(Reason.MALFORMED, message, "alg", "RS256", "crit", List.of());
        assertRefused(Reason.MALFORMED, message, "alg", "RS256", "crit", "exp");
        assertRefused(Reason.MALFORMED, message, "alg", "RS256", "crit", null);
    }

    @Test
    void aLongCritListCostsABoundedMessage() {
        List<Object> names = new ArrayList<>(Arrays.asList("a", "b", "c", "d", "e", "f", "g", "h", "i"));
        assertRefused(Reason.UNSUPPORTED_CRITICAL_HEADER, "token header lists critical parameters that are not supported:"
                + " ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', ...]", "alg", "RS256", "crit", names);
        names.remove(8);
        assertRefused(Reason.UNSUPPORTED_CRITICAL_HEADER, "token header lists critical parameters that are not supported:"
                + " ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']", "alg", "RS256", "crit", names);
    }

    @Test
    void onlyAnEncodedPayloadIsSupported() throws Exception {
        String message = "token header 'b64' other than true (RFC 7797 unencoded payload) is not supported";
        assertRefused(Reason.UNSUPPORTED_CRITICAL_HEADER, message, "alg", "RS256", "b64", false);
        assertRefused(Reason.UNSUPPORTED_CRITICAL_HEADER, message, "alg", "RS256", "b64", "true");
        assertEquals(JwsAlgorithm.RS256, rules.check(members("alg", "RS256", "b64", true)).algorithm());
    }

    @Test
    void kidAndTypMustBeStringsAndNullIsNotAbsence() {
        assertRefused(Reason.MALFORMED, "token header 'kid' must be a string, not null", "alg", "RS256", "kid", null);
        assertRefused(Reason.MALFORMED, "token header 'kid' must be a string", "alg", "RS256", "kid", 1L);
        assertRefused(Reason.MALFORMED, "token header 'typ' must be a string, not null", "alg", "RS256", "typ", null);
        assertRefused(Reason.MALFORMED, "token header 'typ' must be a string", "alg", "RS256", "typ", List.of("JWT"));
    }

    @Test
    void byDefaultTypMayBeAbsentOrJwtInAnySpelling() throws Exception {
        for (String typ : List.of("JWT", "jwt", "application/JWT")) {
            assertEquals(Optional.of(typ), rules.check(members("alg", "RS256", "typ", typ)).type());
        }
        assertRefused(Reason.TYPE_MISMATCH, "typ 'at+jwt' is not JWT; configure type(..) to accept another token type",
                "alg", "RS256", "typ", "at+jwt");
    }

    @Test
    void aConfiguredTypIsRequiredAndComparedByRfc7515() throws Exception {
        HeaderRules atJwt = new HeaderRules(ALLOWED, SUPPORTED, List.of("application/AT+JWT"));
        assertEquals(Optional.of("at+JWT"), atJwt.check(members("alg", "RS256", "typ", "at+JWT")).type());
        assertEquals(Optional.of("application/at+jwt"), atJwt.check(members("alg", "RS256", "typ", "application/at+jwt")).type());
        assertRefused(atJwt, Reason.TYPE_MISMATCH, "token has no typ, expected 'at+jwt'", members("alg", "RS256"));
        assertRefused(atJwt, Reason.TYPE_MISMATCH, "typ 'JWT' is not the expected 'at+jwt'", members("alg", "RS256", "typ", "JWT"));
    }

    @Test
    void severalTypesAreEachAcceptedAndJwtAmongThemAdmitsAnAbsentTyp() throws Exception {
        HeaderRules both = new HeaderRules(ALLOWED, SUPPORTED, List.of("JWT", "at+jwt"));
        assertEquals(Optional.of("at+jwt"), both.check(members("alg", "RS256", "typ", "at+jwt")).type());
        assertEquals(Optional.of("JWT"), both.check(members("alg", "RS256", "typ", "JWT")).type());
        assertEquals(Optional.empty(), both.check(members("alg", "RS256")).type());
        assertRefused(both, Reason.TYPE_MISMATCH, "typ 'logout+jwt' is not the expected one of [jwt, at+jwt]",
                members("alg", "RS256", "typ", "logout+jwt"));
        HeaderRules accessOnly = new HeaderRules(ALLOWED, SUPPORTED, List.of("at+jwt", "application/okta-internal-at+jwt"));
        assertRefused(accessOnly, Reason.TYPE_MISMATCH, "token has no typ, expected one of [at+jwt, okta-internal-at+jwt]",
                members("alg", "RS256"));
    }

    @Test
    void rulesApplyInOrderAlgBeforeCritBeforeB64BeforeKidBeforeTyp() {
        assertRefused(Reason.ALGORITHM_NOT_ALLOWED, "alg HS256 is not allowed; allowed: [RS256, ES256]",
                "alg", "HS256", "crit", List.of("x"), "b64", false, "kid", 1L, "typ", "x");
        assertRefused(Reason.UNSUPPORTED_CRITICAL_HEADER,
                "token header lists critical parameters that are not supported: ['x']",
                "alg", "RS256", "crit", List.of("x"), "b64", false, "kid", 1L, "typ", "x");
        assertRefused(Reason.UNSUPPORTED_CRITICAL_HEADER,
                "token header 'b64' other than true (RFC 7797 unencoded payload) is not supported",
                "alg", "RS256", "b64", false, "kid", 1L, "typ", "x");
        assertRefused(Reason.MALFORMED, "token header 'kid' must be a string", "alg", "RS256", "kid", 1L, "typ", 2L);
    }

    @Test
    void untrustedTextInMessagesIsMadePrintable() {
        assertRefused(Reason.UNSUPPORTED_ALGORITHM, "alg 'RS256\\n' is not supported", "alg", "RS256\n");
        assertRefused(Reason.TYPE_MISMATCH, "typ 'x\\r' is not JWT; configure type(..) to accept another token type",
                "alg", "RS256", "typ", "x\r");
    }

    @Test
    void normalizesMediaTypesByRfc7515() {
        assertEquals("jwt", HeaderRules.normalizeType("JWT"));
        assertEquals("at+jwt", HeaderRules.normalizeType("application/AT+JWT"));
        assertEquals("application/example/x", HeaderRules.normalizeType("application/example/x"));
    }
}
