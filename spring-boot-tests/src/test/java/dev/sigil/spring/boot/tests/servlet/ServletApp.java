package dev.sigil.spring.boot.tests.servlet;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A servlet resource server with nothing of Sigil in its code: the starter and
 * {@code servlet-app.properties} make Sigil its decoder, and Boot's own security filter chain
 * requires a bearer token on every request.
 */
@SpringBootApplication(proxyBeanMethods = false)
class ServletApp {

    @RestController
    static class SubjectController {

        @GetMapping("/subject")
        String subject(@AuthenticationPrincipal Jwt jwt) {
            return jwt.getSubject();
        }
    }
}
