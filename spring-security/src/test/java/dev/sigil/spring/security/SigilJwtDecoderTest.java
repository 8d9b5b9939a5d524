package dev.sigil.spring.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.MultiIssuerVerifier;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/** The servlet decoder over real verifiers with static keys, side by side with Spring's own decoder. */
class SigilJwtDecoderTest {

    private static final TestIssuer ISSUER = TestIssuer.named("https://issuer.example/");
    private static final TestIssuer OTHER = TestIssuer.named("https://login.other.example/tenant-1/v2.0");

    private final JwtVerifier verifier = JwtVerifier.builder()
            .issuer(ISSUER.issuer).audience(TestIssuer.AUDIENCE).keys(ISSUER.jwkSet()).build();

    @AfterEach
    void close() {
        verifier.close();
    }

    /** Spring's own decoder for the same RSA key, with no validator: only the shape is compared. */
    private static NimbusJwtDecoder springsOwn() throws Exception {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(ISSUER.rsa.toRSAPublicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        nimbus.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        return nimbus;
    }

    private static void assertSameAsSpringsOwn(Jwt ours, Jwt spring) {
        assertEquals(spring.getTokenValue(), ours.getTokenValue());
        assertEquals(spring.getHeaders(), ours.getHeaders(), "headers");
        assertEquals(spring.getClaims(), ours.getClaims(), "claims");
        for (String name : spring.getClaims().keySet()) {
            // The same kind of value: equal lists and maps of any implementation, else the same class.
            Object theirs = spring.getClaims().get(name);
            Object mine = ours.getClaims().get(name);
            if (theirs instanceof List) {
                assertInstanceOf(List.class, mine, name);
            } else if (theirs instanceof Map) {
                assertInstanceOf(Map.class, mine, name);
            } else {
                assertSame(theirs.getClass(), mine.getClass(), "type of " + name);
            }
        }
        assertEquals(spring.getIssuedAt(), ours.getIssuedAt());
        assertEquals(spring.getExpiresAt(), ours.getExpiresAt());
        assertEquals(spring.getNotBefore(), ours.getNotBefore());
        assertEquals(spring.getClaimAsString("iss"), ours.getClaimAsString("iss"));
        assertEquals(spring.getAudience(), ours.getAudience());
        assertEquals(spring.getSubject(), ours.getSubject());
    }

    @Test
    void decodesAVerifiedTokenIntoSpringsJwt() {
        Instant exp = Instant.now().plusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        String token = ISSUER.token(c -> c.expirationTime(Date.from(exp)).claim("scope", "read write"));

        Jwt jwt = new SigilJwtDecoder(verifier).decode(token);

        assertEquals(token, jwt.getTokenValue());
        assertEquals("alice", jwt.getSubject());
        assertEquals(exp, jwt.getExpiresAt());
        assertEquals(exp, jwt.getClaim("exp"));
        assertInstanceOf(Instant.class, jwt.getClaim("iat"));
        assertEquals(jwt.getIssuedAt(), jwt.getClaim("iat"));
        assertEquals(List.of(TestIssuer.AUDIENCE), jwt.getAudience());
        assertEquals("https://issuer.example/", jwt.getClaimAsString("iss"));
        assertEquals("read write", jwt.getClaimAsString("scope"));
        assertEquals("RS256", jwt.getHeaders().get("alg"));
        assertEquals("r1", jwt.getHeaders().get("kid"));
    }

    @Test
    void shapesHeadersAndClaimsExactlyAsSpringsOwnNimbusJwtDecoder() throws Exception {
        Instant now = Instant.now();
        List<String> tokens = new ArrayList<>();
        // One audience as a string, no nbf.
        tokens.add(ISSUER.token());
        // Every registered claim, audiences as an array, custom claims of every JSON type, numbers
        // that are not longs (Nimbus gives Doubles), a custom header parameter and typ.
        tokens.add(ISSUER.rs256(h -> h.type(JOSEObjectType.JWT).customParam("x-tenant", "acme").customParam("x-n", 7),
                new JWTClaimsSet.Builder()
                        .issuer(ISSUER.issuer)
                        .audience(List.of(TestIssuer.AUDIENCE, "https://second.example"))
                        .subject("bob")
                        .jwtID("id-1")
                        .issueTime(Date.from(now.minusSeconds(5)))
                        .notBeforeTime(Date.from(now.minusSeconds(5)))
                        .expirationTime(Date.from(now.plusSeconds(300)))
                        .claim("scope", "read")
                        .claim("roles", List.of("admin", "user"))
                        .claim("ratio", 0.25)
                        .claim("count", 12)
                        .claim("huge", new BigInteger("123456789012345678901234567890"))
                        .claim("flag", true)
                        .claim("nested", Map.of("a", List.of(1, 2.5, "x"), "b", Map.of("c", false)))
                        .build()));
        // No iat: Spring's converter puts exp less one second there; Sigil's decoder must too.
        tokens.add(ISSUER.token(c -> c.issueTime(null)));

        SigilJwtDecoder ours = new SigilJwtDecoder(verifier);
        NimbusJwtDecoder spring = springsOwn();
        for (String token : tokens) {
            assertSameAsSpringsOwn(ours.decode(token), spring.decode(token));
        }
    }

    @Test
    void anIssuerThatIsNotAUrlIsTheStringSpringMakesOfIt() throws Exception {
        // Spring's converter turns an iss that parses as a URL into URL.toExternalForm(), else a URI string.
        try (JwtVerifier plain = JwtVerifier.builder().issuer("issuer-without-scheme").audience(TestIssuer.AUDIENCE)
                .keys(ISSUER.jwkSet()).build()) {
            String token = ISSUER.token(c -> c.issuer("issuer-without-scheme"));
            Jwt ours = new SigilJwtDecoder(plain).decode(token);
            assertSameAsSpringsOwn(ours, springsOwn().decode(token));
            assertEquals("issuer-without-scheme", ours.getClaimAsString("iss"));
        }
    }

    @Test
    void decodesThroughAMultiIssuerVerifierForEachTrustedIssuer() {
        try (MultiIssuerVerifier multi = MultiIssuerVerifier.builder()
                .trustedIssuer(ISSUER.issuer, b -> b.keys(ISSUER.jwkSet()))
                .trustedIssuer(OTHER.issuer, b -> b.keys(OTHER.jwkSet()))
                .audience(TestIssuer.AUDIENCE)
                .build()) {
            SigilJwtDecoder decoder = new SigilJwtDecoder(multi);
            assertEquals(ISSUER.issuer, decoder.decode(ISSUER.token()).getClaimAsString("iss"));
            assertEquals(OTHER.issuer, decoder.decode(OTHER.token()).getClaimAsString("iss"));
            assertEquals("alice", decoder.decode(OTHER.es256(h -> { }, OTHER.validClaims().build())).getSubject());
        }
    }

    @Test
    void theApplicationsValidatorsRunAfterSigilsChecksAndOnlyOnVerifiedTokens() {
        List<String> seen = new ArrayList<>();
        OAuth2TokenValidator<Jwt> recording = jwt -> {
            seen.add(jwt.getSubject());
            return OAuth2TokenValidatorResult.success();
        };
        OAuth2TokenValidator<Jwt> adminsOnly = new JwtClaimValidator<List<String>>("roles",
                roles -> roles != null && roles.contains("admin"));
        SigilJwtDecoder decoder = new SigilJwtDecoder(verifier);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(recording, adminsOnly));

        assertEquals("alice", decoder.decode(ISSUER.token(c -> c.claim("roles", List.of("admin")))).getSubject());

        JwtValidationException refused = assertThrows(JwtValidationException.class,
                () -> decoder.decode(ISSUER.token(c -> c.subject("mallory").claim("roles", List.of("user")))));
        assertEquals("The roles claim is not valid", refused.getMessage());
        OAuth2Error error = refused.getErrors().iterator().next();
        assertEquals("invalid_token", error.getErrorCode());

        // A token Sigil refuses never reaches the application's validators.
        Instant past = Instant.now().minusSeconds(3600);
        JwtValidationException expired = assertThrows(JwtValidationException.class, () -> decoder.decode(
                ISSUER.token(c -> c.subject("eve").issueTime(Date.from(past.minusSeconds(60))).expirationTime(Date.from(past)))));
        assertEquals("token expired", expired.getMessage());
        assertEquals(List.of("alice", "mallory"), seen);
    }

    @Test
    void aClaimSetConverterOfTheApplicationsOwnIsApplied() {
        SigilJwtDecoder decoder = new SigilJwtDecoder(verifier);
        decoder.setClaimSetConverter(claims -> {
            Map<String, Object> converted = new HashMap<>(claims);
            converted.put("tenant", "acme");
            return converted;
        });
        assertEquals("acme", decoder.decode(ISSUER.token()).getClaimAsString("tenant"));
    }

    @Test
    void aTokenSpringCannotRepresentIsABadJwtNotACrash() throws Exception {
        // An empty claim set: Sigil may accept it when told to ignore everything, Spring's Jwt refuses it.
        try (JwtVerifier lax = JwtVerifier.builder().ignoreIssuer().ignoreAudience().allowMissingExpiration()
                .keys(ISSUER.jwkSet()).build()) {
            String token = ISSUER.rs256(h -> { }, new JWTClaimsSet.Builder().build());
            BadJwtException failure = assertThrows(BadJwtException.class,
                    () -> new SigilJwtDecoder(lax).decode(token));
            assertEquals("token claims not representable", failure.getMessage());
            assertTrue(failure.getCause() instanceof IllegalArgumentException, String.valueOf(failure.getCause()));
        }
    }

    @Test
    void sigilsRefusalStaysTheCauseWithItsDetail() {
        JwtValidationException refused = assertThrows(JwtValidationException.class,
                () -> new SigilJwtDecoder(verifier).decode(ISSUER.token(c -> c.audience("https://other-api.example"))));
        JwtVerificationException cause = assertInstanceOf(JwtVerificationException.class, refused.getCause());
        assertEquals(JwtVerificationException.Reason.AUDIENCE_MISMATCH, cause.reason());
        assertTrue(cause.getMessage().length() > refused.getMessage().length(), cause.getMessage());
    }
}
