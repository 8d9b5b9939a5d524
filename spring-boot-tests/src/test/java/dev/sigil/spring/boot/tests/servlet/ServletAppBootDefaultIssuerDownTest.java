package dev.sigil.spring.boot.tests.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.spring.boot.tests.Issuers;
import dev.sigil.spring.boot.tests.Tokens;
import dev.sigil.testkit.FakeIssuer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The servlet application with Boot's default dispatcher types put back, {@code error} among them:
 * Spring Security then filters Boot's {@code /error} dispatch too, and refuses it, so the client of
 * a token that could not be judged gets a 401 with no error code, as if it had sent none. This is
 * what the README warns of; Boot's own decoder leads to the same answer.
 */
@SpringBootTest(classes = ServletApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=servlet-app",
            "spring.security.filter.dispatcher-types=async,error,forward,include,request"})
@Timeout(60)
class ServletAppBootDefaultIssuerDownTest {

    private static final FakeIssuer ISSUER = Issuers.down();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("test.issuer.uri", ISSUER::issuer);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @LocalServerPort
    int port;

    @Test
    void issuerDownWithNoKeysIsBootsErrorDispatchRefusedAs401WithoutAnErrorCode() throws Exception {
        HttpResponse<String> response = ServletAppIssuerDownTest.call(port, new Tokens(ISSUER.issuer()).valid());
        assertEquals(401, response.statusCode());
        // No invalid_token: the token was never judged. Only the entry point's challenge for the error dispatch.
        assertEquals("Bearer" + ServletAppTest.resourceMetadata("http://127.0.0.1:" + port),
                response.headers().firstValue("WWW-Authenticate").orElseThrow());
    }
}
