package dev.sigil.spring.boot.tests.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.spring.boot.tests.Issuers;
import dev.sigil.spring.boot.tests.Tokens;
import dev.sigil.testkit.FakeIssuer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The WebFlux application started while its issuer is down: start-up does not need it, and a token
 * that cannot be verified for want of keys is a server error, as WebFlux answers an
 * {@code AuthenticationServiceException} that its failure handler rethrows.
 */
@SpringBootTest(classes = ReactiveApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=reactive-app")
// 30 s rather than WebTestClient's 5: one CI run saw a request on loopback answered after more than 5 s
// (keys cached, nothing fetched), which a slow machine can do; a hang still fails, with the class's @Timeout.
@AutoConfigureWebTestClient(timeout = "30s")
@Timeout(60)
class ReactiveAppIssuerDownTest {

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
    WebTestClient client;

    @Test
    void issuerDownWithNoKeysIsAServerError() {
        String tenant = ReactiveAppTest.TENANT;
        String token = new Tokens(ISSUER.issuer() + tenant + "/v2.0", ReactiveAppTest.AUDIENCE, Map.of("tid", tenant)).valid();
        client.get().uri("/subject").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isEqualTo(500)
                .expectHeader().doesNotExist("WWW-Authenticate");
        assertThat(ISSUER.totalRequests()).as("the issuer was asked").isPositive();
    }
}
