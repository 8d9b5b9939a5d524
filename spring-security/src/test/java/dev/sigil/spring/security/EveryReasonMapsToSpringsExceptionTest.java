package dev.sigil.spring.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.nimbusds.jose.JOSEObjectType;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.KeySource;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.MultiIssuerVerifier;
import dev.sigil.jwt.TokenVerifier;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.testkit.FakeIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;

/**
 * Every {@link Reason}, produced for real by a real verifier, reaches Spring as the exception
 * Spring's own decoder throws for that failure, and Spring's own resource-server provider answers
 * it as the README's table says: 401 {@code invalid_token} with our description, or a server error.
 */
class EveryReasonMapsToSpringsExceptionTest {

    private static final TestIssuer ISSUER = TestIssuer.named("https://issuer.example/");
    private static final TestIssuer STRANGER = TestIssuer.named("https://stranger.example/");

    /** How Spring's JwtAuthenticationProvider answers: 401 invalid_token, or a server error. */
    enum Outcome { INVALID_TOKEN_401, SERVER_ERROR }

    /** One row of the README's table, and how to make Sigil refuse a token for that reason. */
    record Row(Reason reason, Class<? extends JwtException> type, String description, Outcome outcome,
               Refusal refusal) {
    }

    @FunctionalInterface
    interface Refusal {
        /** What the decoder signals, and what Spring's provider makes of it. */
        Refused produce() throws Exception;
    }

    record Refused(JwtException decoderFailure, AuthenticationException providerFailure) {
    }

    private static final List<AutoCloseable> CLOSE = new ArrayList<>();

    @AfterAll
    static void closeAll() throws Exception {
        for (AutoCloseable c : CLOSE) {
            c.close();
        }
    }

    static JwtVerifier verifier(Consumer<JwtVerifier.Builder> settings) {
        JwtVerifier.Builder builder = JwtVerifier.builder()
                .issuer(ISSUER.issuer).audience(TestIssuer.AUDIENCE).keys(ISSUER.jwkSet());
        settings.accept(builder);
        JwtVerifier verifier = builder.build();
        CLOSE.add(verifier);
        return verifier;
    }

    static Refusal sync(TokenVerifier verifier, String token) {
        return () -> {
            SigilJwtDecoder decoder = new SigilJwtDecoder(verifier);
            JwtException failure = assertThrows(JwtException.class, () -> decoder.decode(token));
            AuthenticationException answered = assertThrows(AuthenticationException.class,
                    () -> new JwtAuthenticationProvider(decoder).authenticate(new BearerTokenAuthenticationToken(token)));
            return new Refused(failure, answered);
        };
    }

    static Refusal sync(String token) {
        return sync(verifier(b -> { }), token);
    }

    static String segment(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A token whose header is {@code headerJson}, with valid claims and a signature of the right length. */
    static String handMade(String headerJson) {
        String signed = ISSUER.token();
        String[] parts = signed.split("\\.");
        return segment(headerJson) + "." + parts[1] + "." + parts[2];
    }

    static Refusal keysUnavailable() {
        return () -> {
            FakeIssuer down = FakeIssuer.start();
            CLOSE.add(down);
            down.failJwks(500, Map.of());
            JwtVerifier verifier = JwtVerifier.builder().issuer(down.issuer()).audience(TestIssuer.AUDIENCE).build();
            CLOSE.add(verifier);
            return sync(verifier, TestIssuer.named(down.issuer()).token()).produce();
        };
    }

    static Refusal overloaded() {
        return () -> {
            // Keys that never arrive, and room for one verification to wait for them.
            CompletableFuture<JwkSet> never = new CompletableFuture<>();
            KeySource pending = () -> never;
            JwtVerifier verifier = JwtVerifier.builder().issuer(ISSUER.issuer).audience(TestIssuer.AUDIENCE)
                    .keySource(pending).maxPendingAsync(1).build();
            CLOSE.add(verifier);
            SigilReactiveJwtDecoder decoder = new SigilReactiveJwtDecoder(verifier);
            String token = ISSUER.token();
            decoder.decode(token).subscribe(jwt -> { }, error -> { });   // waits, holding the one place
            JwtException failure = assertThrows(JwtException.class, () -> decoder.decode(token).block(Duration.ofSeconds(30)));
            AuthenticationException answered = assertThrows(AuthenticationException.class,
                    () -> new JwtReactiveAuthenticationManager(decoder)
                            .authenticate(new BearerTokenAuthenticationToken(token)).block(Duration.ofSeconds(30)));
            return new Refused(failure, answered);
        };
    }

    static List<Row> rows() {
        Instant now = Instant.now();
        Class<BadJwtException> bad = BadJwtException.class;
        Class<JwtValidationException> invalid = JwtValidationException.class;
        Outcome e401 = Outcome.INVALID_TOKEN_401;
        return List.of(
                new Row(Reason.MALFORMED, bad, "malformed token", e401, sync("not-a.jwt")),
                new Row(Reason.TOKEN_TOO_LARGE, bad, "token too large", e401,
                        sync(verifier(b -> b.maxTokenLength(256)), ISSUER.token())),
                new Row(Reason.UNSUPPORTED_ALGORITHM, bad, "unsupported algorithm", e401,
                        sync(handMade("{\"alg\":\"RS1024\",\"kid\":\"r1\"}"))),
                new Row(Reason.ALGORITHM_NOT_ALLOWED, bad, "algorithm not allowed", e401,
                        sync(verifier(b -> b.algorithms(JwsAlgorithm.fromName("ES256"))), ISSUER.token())),
                new Row(Reason.UNSUPPORTED_CRITICAL_HEADER, bad, "unsupported critical header", e401,
                        sync(ISSUER.rs256(h -> h.criticalParams(Set.of("urn:example:bound")).customParam("urn:example:bound", true),
                                ISSUER.validClaims().build()))),
                new Row(Reason.KEY_NOT_FOUND, bad, "no key for the token", e401,
                        sync(ISSUER.rs256(h -> h.keyID("unknown"), ISSUER.validClaims().build()))),
                new Row(Reason.INVALID_SIGNATURE, bad, "invalid signature", e401,
                        // The stranger's RSA key, under the kid of ours.
                        sync(STRANGER.rs256(h -> { }, ISSUER.validClaims().build()))),
                new Row(Reason.TYPE_MISMATCH, invalid, "unexpected token type", e401,
                        sync(verifier(b -> b.type("at+jwt")), ISSUER.rs256(h -> h.type(JOSEObjectType.JWT), ISSUER.validClaims().build()))),
                new Row(Reason.EXPIRED, invalid, "token expired", e401,
                        sync(ISSUER.token(c -> c.issueTime(Date.from(now.minusSeconds(7200))).expirationTime(Date.from(now.minusSeconds(3600)))))),
                new Row(Reason.NOT_YET_VALID, invalid, "token not yet valid", e401,
                        sync(ISSUER.token(c -> c.notBeforeTime(Date.from(now.plusSeconds(3600)))))),
                new Row(Reason.ISSUED_IN_FUTURE, invalid, "token issued in the future", e401,
                        sync(ISSUER.token(c -> c.issueTime(Date.from(now.plusSeconds(1800)))))),
                new Row(Reason.ISSUER_MISMATCH, invalid, "untrusted issuer", e401,
                        sync(ISSUER.token(c -> c.issuer("https://elsewhere.example/")))),
                new Row(Reason.AUDIENCE_MISMATCH, invalid, "audience not accepted", e401,
                        sync(ISSUER.token(c -> c.audience("https://other-api.example")))),
                new Row(Reason.MISSING_CLAIM, invalid, "required claim missing", e401,
                        sync(ISSUER.token(c -> c.expirationTime(null)))),
                new Row(Reason.INVALID_CLAIM, invalid, "invalid claim", e401,
                        sync(ISSUER.token(c -> c.claim("sub", 42)))),
                new Row(Reason.KEYS_UNAVAILABLE, JwtException.class, "signing keys unavailable", Outcome.SERVER_ERROR,
                        keysUnavailable()),
                new Row(Reason.OVERLOADED, JwtException.class, "verifier overloaded, retry later", Outcome.SERVER_ERROR,
                        overloaded()));
    }

    @Test
    void theTableCoversEveryReason() {
        Set<Reason> covered = rows().stream().map(Row::reason).collect(Collectors.toCollection(() -> EnumSet.noneOf(Reason.class)));
        assertEquals(EnumSet.allOf(Reason.class), covered);
    }

    @TestFactory
    Stream<DynamicTest> eachReasonIsSpringsExceptionAndAnswer() {
        return rows().stream().map(row -> dynamicTest(row.reason() + " -> " + row.type().getSimpleName(), () -> {
            Refused refused = row.refusal().produce();
            JwtException failure = refused.decoderFailure();

            assertSame(row.type(), failure.getClass(), "exception type");
            assertEquals(row.description(), failure.getMessage());
            JwtVerificationException cause = assertInstanceOf(JwtVerificationException.class, failure.getCause());
            assertEquals(row.reason(), cause.reason(), "the refusal produced: " + cause);
            if (failure instanceof JwtValidationException validation) {
                OAuth2Error error = validation.getErrors().iterator().next();
                assertEquals(1, validation.getErrors().size());
                assertEquals(OAuth2ErrorCodes.INVALID_TOKEN, error.getErrorCode());
                assertEquals(row.description(), error.getDescription());
            }

            AuthenticationException answered = refused.providerFailure();
            if (row.outcome() == Outcome.INVALID_TOKEN_401) {
                InvalidBearerTokenException invalidToken = assertInstanceOf(InvalidBearerTokenException.class, answered);
                // Spring replaces a description outside RFC 6750's characters with "Invalid token":
                // ours arrives as written.
                assertEquals(OAuth2ErrorCodes.INVALID_TOKEN, invalidToken.getError().getErrorCode());
                assertEquals(row.description(), invalidToken.getError().getDescription());
            } else {
                assertSame(AuthenticationServiceException.class, answered.getClass());
                assertEquals(row.description(), answered.getMessage());
            }
        }));
    }

    @Test
    void aMultiIssuerVerifiersUntrustedIssuerIsTheSameValidationFailure() throws Exception {
        try (MultiIssuerVerifier verifier = MultiIssuerVerifier.builder()
                .trustedIssuer(ISSUER.issuer, b -> b.keys(ISSUER.jwkSet()))
                .audience(TestIssuer.AUDIENCE)
                .build()) {
            Refused refused = sync(verifier, STRANGER.token()).produce();
            assertSame(JwtValidationException.class, refused.decoderFailure().getClass());
            assertEquals("untrusted issuer", refused.decoderFailure().getMessage());
            assertEquals(Reason.ISSUER_MISMATCH,
                    assertInstanceOf(JwtVerificationException.class, refused.decoderFailure().getCause()).reason());
            assertInstanceOf(InvalidBearerTokenException.class, refused.providerFailure());
        }
    }

    @Test
    void aNullTokenIsMalformed() {
        SigilJwtDecoder decoder = new SigilJwtDecoder(verifier(b -> { }));
        BadJwtException failure = assertThrows(BadJwtException.class, () -> decoder.decode(null));
        assertEquals("malformed token", failure.getMessage());
        assertNotNull(failure.getCause());
    }
}
