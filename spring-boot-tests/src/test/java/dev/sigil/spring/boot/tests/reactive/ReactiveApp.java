package dev.sigil.spring.boot.tests.reactive;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A WebFlux resource server with nothing of Sigil in its code: the starter and
 * {@code reactive-app.properties} (per-tenant issuers, the BouncyCastle backend) make Sigil its
 * reactive decoder.
 */
@SpringBootApplication(proxyBeanMethods = false)
class ReactiveApp {

    @RestController
    static class SubjectController {

        @GetMapping("/subject")
        Mono<String> subject(@AuthenticationPrincipal Jwt jwt) {
            return Mono.just(jwt.getSubject());
        }
    }
}
