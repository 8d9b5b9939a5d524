package dev.sigil.spring.security;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.spi.JwsAlgorithm;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * For failures that both make, Sigil's decoder throws the very exception class that Spring's own
 * {@code NimbusJwtDecoder} throws, configured alike (RS256 only; {@code typ} JWT; issuer, audience and
 * Spring's default validators).
 */
class SameExceptionsAsSpringsOwnDecoderTest {

    private static final TestIssuer ISSUER = TestIssuer.named("https://issuer.example/");
    private static final TestIssuer STRANGER = TestIssuer.named("https://stranger.example/");
    private static final JwtVerifier VERIFIER = JwtVerifier.builder()
            .issuer(ISSUER.issuer).audience(TestIssuer.AUDIENCE).keys(ISSUER.jwkSet())
            .algorithms(JwsAlgorithm.fromName("RS256")).type("JWT").build();

    // Sigil judges the header (typ among it) before the signature, Spring's validators after it: every
    // token here says typ JWT, so that each fails for the one reason its name gives, in both decoders.
    private static final Consumer<JWSHeader.Builder> TYPED = h -> h.type(JOSEObjectType.JWT);

    private static String typed(Consumer<JWTClaimsSet.Builder> claims) {
        JWTClaimsSet.Builder builder = ISSUER.validClaims();
        claims.accept(builder);
        return ISSUER.rs256(TYPED, builder.build());
    }

    @AfterAll
    static void close() {
        VERIFIER.close();
    }

    private static NimbusJwtDecoder springsOwn() {
        try {
            NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(ISSUER.rsa.toRSAPublicKey())
                    .signatureAlgorithm(SignatureAlgorithm.RS256).build();
            nimbus.setJwtValidator(JwtValidators.createDefaultWithValidators(
                    new JwtIssuerValidator(ISSUER.issuer), new JwtAudienceValidator(TestIssuer.AUDIENCE)));
            return nimbus;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> eachFailureIsTheSameExceptionClass() {
        Instant now = Instant.now();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("malformed", "not-a.jwt");
        tokens.put("signed by another key", STRANGER.rs256(TYPED, ISSUER.validClaims().build()));
        tokens.put("ES256, outside the allow-list", ISSUER.es256(TYPED, ISSUER.validClaims().build()));
        tokens.put("an unsupported critical header", ISSUER.rs256(
                h -> h.type(JOSEObjectType.JWT).criticalParams(Set.of("urn:example:bound")).customParam("urn:example:bound", true),
                ISSUER.validClaims().build()));
        tokens.put("typ other than JWT", ISSUER.rs256(h -> h.type(new JOSEObjectType("at+jwt")), ISSUER.validClaims().build()));
        tokens.put("expired", typed(c -> c.issueTime(Date.from(now.minusSeconds(7200)))
                .expirationTime(Date.from(now.minusSeconds(3600)))));
        tokens.put("not yet valid", typed(c -> c.notBeforeTime(Date.from(now.plusSeconds(3600)))));
        tokens.put("another issuer", typed(c -> c.issuer("https://elsewhere.example/")));
        tokens.put("another audience", typed(c -> c.audience("https://other-api.example")));

        SigilJwtDecoder ours = new SigilJwtDecoder(VERIFIER);
        NimbusJwtDecoder spring = springsOwn();
        return tokens.entrySet().stream().map(entry -> dynamicTest(entry.getKey(), () -> {
            JwtException theirs = assertThrows(JwtException.class, () -> spring.decode(entry.getValue()));
            JwtException mine = assertThrows(JwtException.class, () -> ours.decode(entry.getValue()));
            assertSame(theirs.getClass(), mine.getClass(), "Spring's own: " + theirs);
        }));
    }
}
