package dev.sigil.spring.boot.tests.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.spring.boot.tests.Issuers;
import dev.sigil.spring.boot.tests.Tokens;
import dev.sigil.testkit.FakeIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The servlet application started while its issuer is down. Start-up does not need the issuer
 * (Sigil fetches discovery and keys at the first token). A token then cannot be verified: Spring's
 * failure handler rethrows the {@code AuthenticationServiceException}, which leaves the filter chain
 * (MockMvc shows it). On a real server the container then dispatches to Boot's {@code /error}, which
 * the application's properties keep out of Spring Security's filter chain
 * ({@code spring.security.filter.dispatcher-types} without {@code error}): a 500.
 * {@link ServletAppBootDefaultIssuerDownTest} shows Boot's default instead.
 */
@SpringBootTest(classes = ServletApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=servlet-app")
@AutoConfigureMockMvc
@Timeout(60)
class ServletAppIssuerDownTest {

    private static final FakeIssuer ISSUER = Issuers.down();

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

    @LocalServerPort
    int port;

    @Test
    void issuerDownWithNoKeysLeavesTheFilterChainAsAnAuthenticationServiceException() {
        String token = new Tokens(ISSUER.issuer()).valid();
        AuthenticationServiceException thrown = assertThrows(AuthenticationServiceException.class,
                () -> mvc.perform(get("/subject").header("Authorization", "Bearer " + token)));
        assertEquals("signing keys unavailable", thrown.getMessage());
        assertEquals(JwtVerificationException.Reason.KEYS_UNAVAILABLE,
                ((JwtVerificationException) thrown.getCause().getCause()).reason());
        assertThat(ISSUER.totalRequests()).as("the issuer was asked").isPositive();
    }

    @Test
    void issuerDownWithNoKeysOnARealServerIsAServerError() throws Exception {
        HttpResponse<String> response = call(port, new Tokens(ISSUER.issuer()).valid());
        assertEquals(500, response.statusCode());
        // Not a challenge: the token was never judged, and the client is not told it was bad.
        assertTrue(response.headers().firstValue("WWW-Authenticate").isEmpty(), response.headers()::toString);
    }

    static HttpResponse<String> call(int port, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/subject"))
                .header("Authorization", "Bearer " + token)
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
