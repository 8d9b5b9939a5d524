package dev.sigil.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.JsonLimits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtClaimsTest {

    private static JwtClaims claims(Object... pairs) throws JwtVerificationException {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return JwtClaims.of(map);
    }

    private static void assertInvalid(Object... pairs) {
        JwtVerificationException e = assertThrows(JwtVerificationException.class, () -> claims(pairs));
        assertEquals(Reason.INVALID_CLAIM, e.reason());
    }

    @Test
    void readsTheRegisteredClaims() throws Exception {
        JwtClaims c = claims("iss", "https://issuer/", "sub", "user-1", "aud", "api", "exp", 1_700_000_100L,
                "nbf", 1_700_000_000L, "iat", 1_700_000_000L, "jti", "id-1", "scope", "read write");
        assertEquals("https://issuer/", c.issuer().orElseThrow());
        assertEquals("user-1", c.subject().orElseThrow());
        assertEquals(List.of("api"), c.audience());
        assertEquals(Instant.ofEpochSecond(1_700_000_100L), c.expiresAt().orElseThrow());
        assertEquals(Instant.ofEpochSecond(1_700_000_000L), c.notBefore().orElseThrow());
        assertEquals(Instant.ofEpochSecond(1_700_000_000L), c.issuedAt().orElseThrow());
        assertEquals("id-1", c.jwtId().orElseThrow());
        assertEquals("read write", c.getString("scope").orElseThrow());
        assertTrue(c.has("scope"));
        assertFalse(c.has("azp"));
    }

    @Test
    void audienceMayBeAnArrayOfStrings() throws Exception {
        assertEquals(List.of("a", "b"), claims("aud", List.of("a", "b")).audience());
        assertEquals(List.of(), claims().audience());
    }

    @Test
    void numericDatesMayBeFractional() throws Exception {
        JwtClaims c = claims("exp", new BigDecimal("1700000000.25"), "iat", new BigDecimal("-1.5"));
        assertEquals(Instant.ofEpochSecond(1_700_000_000L, 250_000_000L), c.expiresAt().orElseThrow());
        assertEquals(Instant.ofEpochSecond(-2L, 500_000_000L), c.issuedAt().orElseThrow());
        assertEquals(Instant.ofEpochSecond(1000), claims("exp", new BigDecimal("1E+3")).expiresAt().orElseThrow());
    }

    @Test
    void aStringWhereANumericDateBelongsIsInvalid() {
        assertInvalid("exp", "1700000000");
        assertInvalid("nbf", true);
        assertInvalid("iat", List.of(1L));
    }

    @Test
    void numericDatesBeyondTheRepresentableRangeAreInvalidWithoutExpandingThem() {
        assertInvalid("exp", new BigInteger("123456789012345678901234567890"));
        assertInvalid("exp", new BigDecimal("1e999999999"));
        assertInvalid("exp", new BigDecimal("-1e999999999"));
        assertInvalid("exp", Long.MAX_VALUE);
        // A tiny value with a huge scale would take forever to rescale; it is refused instead.
        assertInvalid("exp", new BigDecimal("1e-999999999"));
    }

    @Test
    void registeredStringClaimsMustBeStrings() {
        assertInvalid("iss", 1L);
        assertInvalid("sub", List.of("x"));
        assertInvalid("jti", Map.of());
        assertInvalid("aud", 5L);
        assertInvalid("aud", List.of("a", 1L));
    }

    @Test
    void toStringShowsClaimNamesButNoValues() throws Exception {
        String text = claims("sub", "secret-user@example.com").toString();
        assertTrue(text.contains("sub"));
        assertFalse(text.contains("secret-user"));
    }

    /** Claims as the built-in reader parses them: plain ASCII values not yet made Strings. */
    @SuppressWarnings("unchecked")
    private static JwtClaims parsed(String json) throws Exception {
        return JwtClaims.of((Map<String, Object>) new BuiltinJsonCodec().parse(json.getBytes(StandardCharsets.UTF_8),
                JsonLimits.DEFAULT));
    }

    @Test
    void issuerAndAudienceAreComparedInPlaceExactly() throws Exception {
        JwtClaims c = parsed("{\"iss\":\"https://issuer/\",\"aud\":[\"a\",\"api\"]}");
        assertTrue(c.issuerIs("https://issuer/"));
        assertFalse(c.issuerIs("https://issuer"));
        assertFalse(c.issuerIs("https://issuer/x"));
        assertTrue(c.audienceIsOneOf(new String[] {"x", "api"}));
        assertFalse(c.audienceIsOneOf(new String[] {"ap", "apix", "API"}));
        assertFalse(c.audienceIsOneOf(new String[0]));
        assertTrue(parsed("{\"aud\":\"api\"}").audienceIsOneOf(new String[] {"api"}));
        assertFalse(parsed("{\"aud\":[]}").audienceIsOneOf(new String[] {"api"}));
        assertFalse(parsed("{}").audienceIsOneOf(new String[] {"api"}));
        assertFalse(parsed("{}").issuerIs("https://issuer/"));
        // An escaped spelling is the same text.
        assertTrue(parsed("{\"iss\":\"https:\\/\\/issuer\\/\",\"aud\":\"\\u0061pi\"}").issuerIs("https://issuer/"));
        assertTrue(parsed("{\"aud\":\"\\u0061pi\"}").audienceIsOneOf(new String[] {"api"}));
        // The same checks on another codec's plain maps.
        assertTrue(claims("iss", "https://issuer/", "aud", List.of("a", "api")).issuerIs("https://issuer/"));
        assertTrue(claims("aud", List.of("a", "api")).audienceIsOneOf(new String[] {"api"}));
        assertTrue(claims("aud", "api").audienceIsOneOf(new String[] {"api"}));
    }

    @Test
    void registeredClaimsReadFromTheBuiltInReaderAreStrings() throws Exception {
        JwtClaims c = parsed("{\"iss\":\"https://issuer/\",\"sub\":\"user-1\",\"aud\":\"api\",\"jti\":\"id\",\"scope\":\"r w\"}");
        assertEquals("https://issuer/", c.issuer().orElseThrow());
        assertEquals("user-1", c.subject().orElseThrow());
        assertEquals(List.of("api"), c.audience());
        assertEquals("id", c.jwtId().orElseThrow());
        assertEquals("r w", c.getString("scope").orElseThrow());
        assertEquals("r w", c.get("scope").orElseThrow());
        assertEquals(List.of("a", "b"), parsed("{\"aud\":[\"a\",\"b\"]}").audience());
        assertTrue(c.has("scope"));
        assertFalse(parsed("{\"scope\":null}").has("scope"));
    }

    @Test
    void illTypedRegisteredClaimsFromTheBuiltInReaderAreInvalid() {
        for (String json : List.of("{\"iss\":1}", "{\"sub\":true}", "{\"jti\":{}}", "{\"aud\":[\"a\",1]}",
                "{\"aud\":{\"a\":\"b\"}}", "{\"aud\":[[\"a\"]]}", "{\"exp\":\"1700000000\"}")) {
            JwtVerificationException e = assertThrows(JwtVerificationException.class, () -> parsed(json), json);
            assertEquals(Reason.INVALID_CLAIM, e.reason(), json);
        }
    }
}
