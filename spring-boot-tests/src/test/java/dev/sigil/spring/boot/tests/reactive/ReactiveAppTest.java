package dev.sigil.spring.boot.tests.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.jwt.MultiIssuerVerifier;
import dev.sigil.jwt.TokenVerifier;
import dev.sigil.spring.boot.tests.Issuers;
import dev.sigil.spring.boot.tests.Meters;
import dev.sigil.spring.boot.tests.Tokens;
import dev.sigil.spring.security.SigilReactiveJwtDecoder;
import dev.sigil.testkit.FakeIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The WebFlux application, configured by {@code reactive-app.properties} alone (per-tenant issuers
 * from a template, the BouncyCastle backend), on Netty on a random port, against an issuer on loopback
 * that stands in for Entra ID.
 */
@SpringBootTest(classes = ReactiveApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=reactive-app")
// 30 s rather than WebTestClient's 5: one CI run saw a request on loopback answered after more than 5 s
// (keys cached, nothing fetched), which a slow machine can do; a hang still fails, with the class's @Timeout.
@AutoConfigureWebTestClient(timeout = "30s")
@Timeout(60)
class ReactiveAppTest {

    static final String TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
    static final String AUDIENCE = "api://my-api";

    private static final FakeIssuer ISSUER = Issuers.up();
    private static final Tokens TOKENS = tenant(TENANT);

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("test.issuer.uri", ISSUER::issuer);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    /** Tokens as the tenant's issuer mints them: its own {@code iss}, and {@code tid} naming it. */
    static Tokens tenant(String tenant) {
        return new Tokens(ISSUER.issuer() + tenant + "/v2.0", AUDIENCE, Map.of("tid", tenant));
    }

    @Autowired
    WebTestClient client;

    @Autowired
    ReactiveJwtDecoder decoder;

    @Autowired
    TokenVerifier verifier;

    @Autowired
    MeterRegistry meters;

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("expired", (Function<Tokens, String>) Tokens::expired, "token expired"),
                Arguments.of("wrong audience", (Function<Tokens, String>) Tokens::wrongAudience, "audience not accepted"),
                Arguments.of("forged", (Function<Tokens, String>) Tokens::forged, "invalid signature"),
                Arguments.of("a tenant not listed", (Function<Tokens, String>) t -> tenant("72f988bf-0000-0000-0000-000000000000").valid(),
                        "untrusted issuer"),
                Arguments.of("tid naming another tenant", (Function<Tokens, String>) t -> t.with(c -> c.claim("tid",
                        "72f988bf-86f1-41af-91ab-2d7cd011db47")), "invalid claim"));
    }

    @Test
    void theStarterMadeSigilTheDecoderWithThePropertiesFilesSettings() {
        assertThat(decoder).isInstanceOf(SigilReactiveJwtDecoder.class);
        assertThat(verifier).isInstanceOf(MultiIssuerVerifier.class);
    }

    @Test
    void theBouncyCastleBackendNamedInThePropertiesVerifiesEs256k() {
        // ES256K (secp256k1) is BouncyCastle's alone: the JCA backend, the starter's default, has no such curve.
        client.get().uri("/subject").header("Authorization", "Bearer " + TOKENS.es256k()).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("alice");
    }

    @Test
    void aValidTokenIs200() {
        client.get().uri("/subject").header("Authorization", "Bearer " + TOKENS.valid()).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("alice");
    }

    @Test
    void theOtherTenantListedIs200() {
        client.get().uri("/subject").header("Authorization", "Bearer " + tenant("72f988bf-86f1-41af-91ab-2d7cd011db47").valid())
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void noTokenIs401WithoutAnErrorCode() {
        client.get().uri("/subject").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aRefusedTokenIs401InvalidToken(String what, Function<Tokens, String> token, String description) {
        client.get().uri("/subject").header("Authorization", "Bearer " + token.apply(TOKENS)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\""
                        + description + "\", error_uri=\"https://tools.ietf.org/html/rfc6750#section-3.1\"");
    }

    @Test
    void issuerDownButKeysCachedIs200() {
        client.get().uri("/subject").header("Authorization", "Bearer " + TOKENS.valid()).exchange()
                .expectStatus().isOk();
        Issuers.takeDown(ISSUER);
        try {
            ISSUER.resetCounts();
            client.get().uri("/subject").header("Authorization", "Bearer " + TOKENS.valid()).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).isEqualTo("alice");
            assertEquals(0, ISSUER.totalRequests(), "a token signed by a key at hand needs no request");
        } finally {
            Issuers.bringBack(ISSUER);
        }
    }

    @Test
    void theMetersAppearInBootsSimpleMeterRegistry() {
        // Labelled with the configured template, whichever tenant's token it was.
        Meters sigil = new Meters(meters, ISSUER.issuer() + "{tenantid}/v2.0");
        double verified = sigil.verifications("verified", "none");
        double expired = sigil.verifications("refused", "EXPIRED");
        client.get().uri("/subject").header("Authorization", "Bearer " + TOKENS.valid()).exchange()
                .expectStatus().isOk();
        client.get().uri("/subject").header("Authorization", "Bearer " + TOKENS.expired()).exchange()
                .expectStatus().isUnauthorized();
        Meters.assertOneMore(verified, sigil.verifications("verified", "none"), "verified RS256 tokens");
        Meters.assertOneMore(expired, sigil.verifications("refused", "EXPIRED"), "expired RS256 tokens");
        sigil.assertKeyCacheMeters();
    }
}
