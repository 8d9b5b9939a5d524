package dev.sigil.spring.boot.tests.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.TokenVerifier;
import dev.sigil.spring.boot.tests.Issuers;
import dev.sigil.spring.boot.tests.Meters;
import dev.sigil.spring.boot.tests.Tokens;
import dev.sigil.spring.security.SigilJwtDecoder;
import dev.sigil.testkit.FakeIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The servlet application, configured by {@code servlet-app.properties} alone, against an issuer on
 * loopback: through MockMvc, and through Tomcat on a random port. One context serves both.
 */
@SpringBootTest(classes = ServletApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=servlet-app")
@AutoConfigureMockMvc
@Timeout(60)
class ServletAppTest {

    private static final FakeIssuer ISSUER = Issuers.up();
    private static final Tokens TOKENS = new Tokens(ISSUER.issuer());
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("test.issuer.uri", ISSUER::issuer);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JwtDecoder decoder;

    @Autowired
    TokenVerifier verifier;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    /** A refused token, and the error_description Sigil's decoder gives Spring for it. */
    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("expired", (Function<Tokens, String>) Tokens::expired, "token expired"),
                Arguments.of("wrong audience", (Function<Tokens, String>) Tokens::wrongAudience, "audience not accepted"),
                Arguments.of("forged", (Function<Tokens, String>) Tokens::forged, "invalid signature"),
                Arguments.of("another issuer", (Function<Tokens, String>) t -> new Tokens("https://elsewhere.example.com/").valid(),
                        "untrusted issuer"));
    }

    @Test
    void theStarterMadeSigilTheDecoderWithThePropertiesFilesSettings() {
        assertThat(decoder).isInstanceOf(SigilJwtDecoder.class);
        assertEquals("jca", ((JwtVerifier) verifier).cryptoBackend().name());
    }

    @Test
    void theJcaBackendNamedInThePropertiesRefusesEs256k() throws Exception {
        // The control for the WebFlux application's BouncyCastle backend: the JDK has no secp256k1.
        mvc.perform(get("/subject").header("Authorization", "Bearer " + TOKENS.es256k()))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", invalidToken("unsupported algorithm", "http://localhost")));
    }

    @Test
    void mockMvcAValidTokenIs200() throws Exception {
        mvc.perform(get("/subject").header("Authorization", "Bearer " + TOKENS.valid()))
                .andExpect(status().isOk())
                .andExpect(content().string("alice"));
    }

    @Test
    void mockMvcNoTokenIs401WithoutAnErrorCode() throws Exception {
        mvc.perform(get("/subject"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer" + resourceMetadata("http://localhost")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void mockMvcARefusedTokenIs401InvalidToken(String what, Function<Tokens, String> token, String description) throws Exception {
        mvc.perform(get("/subject").header("Authorization", "Bearer " + token.apply(TOKENS)))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", invalidToken(description, "http://localhost")));
    }

    @Test
    void serverAValidTokenIs200() throws Exception {
        HttpResponse<String> response = call(TOKENS.valid());
        assertEquals(200, response.statusCode());
        assertEquals("alice", response.body());
    }

    @Test
    void serverNoTokenIs401WithoutAnErrorCode() throws Exception {
        HttpResponse<String> response = call(null);
        assertEquals(401, response.statusCode());
        assertEquals("Bearer" + resourceMetadata(base()), response.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void serverARefusedTokenIs401InvalidToken(String what, Function<Tokens, String> token, String description) throws Exception {
        HttpResponse<String> response = call(token.apply(TOKENS));
        assertEquals(401, response.statusCode());
        assertEquals(invalidToken(description, base()), response.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @Test
    void issuerDownButKeysCachedIs200() throws Exception {
        // The keys are fetched (or already held): then the issuer goes down entirely.
        assertEquals(200, call(TOKENS.valid()).statusCode());
        Issuers.takeDown(ISSUER);
        try {
            ISSUER.resetCounts();
            HttpResponse<String> response = call(TOKENS.valid());
            assertEquals(200, response.statusCode());
            assertEquals("alice", response.body());
            mvc.perform(get("/subject").header("Authorization", "Bearer " + TOKENS.valid())).andExpect(status().isOk());
            assertEquals(0, ISSUER.totalRequests(), "a token signed by a key at hand needs no request");
        } finally {
            Issuers.bringBack(ISSUER);
        }
    }

    @Test
    void theMetersAppearInBootsSimpleMeterRegistry() throws Exception {
        Meters sigil = new Meters(meters, ISSUER.issuer());
        double verified = sigil.verifications("verified", "none");
        double expired = sigil.verifications("refused", "EXPIRED");
        assertEquals(200, call(TOKENS.valid()).statusCode());
        mvc.perform(get("/subject").header("Authorization", "Bearer " + TOKENS.expired())).andExpect(status().isUnauthorized());
        Meters.assertOneMore(verified, sigil.verifications("verified", "none"), "verified RS256 tokens");
        Meters.assertOneMore(expired, sigil.verifications("refused", "EXPIRED"), "expired RS256 tokens");
        sigil.assertKeyCacheMeters();
    }

    static String invalidToken(String description, String base) {
        return "Bearer error=\"invalid_token\", error_description=\"" + description
                + "\", error_uri=\"https://tools.ietf.org/html/rfc6750#section-3.1\"," + resourceMetadata(base);
    }

    /** Spring Security 7's servlet entry point names the RFC 9728 resource metadata, after the error if any. */
    static String resourceMetadata(String base) {
        return " resource_metadata=\"" + base + "/.well-known/oauth-protected-resource\"";
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> call(String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/subject"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
