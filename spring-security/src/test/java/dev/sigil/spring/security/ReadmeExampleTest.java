package dev.sigil.spring.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.MultiIssuerVerifier;
import dev.sigil.jwt.TokenVerifier;
import dev.sigil.testkit.FakeIssuer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The README's Spring Security configuration, run in a real Spring container against an issuer on
 * loopback. Between the marker comments the code is the README's, line for line, but for the issuer:
 * a literal there, the loopback issuer's address here (sigil-spring-boot-tests' ReadmeSnippetsTest
 * checks both, and lists those differences).
 */
@Timeout(60)
class ReadmeExampleTest {

    // --- README: servlet configuration ---
    @Configuration(proxyBeanMethods = false)
    static class ResourceServerConfiguration {

        @Bean(destroyMethod = "close")
        JwtVerifier jwtVerifier(@Value("${issuer}") String issuer) {
            return JwtVerifier.builder()
                    .issuer(issuer)                              // "https://YOUR_TENANT.auth0.com/"
                    .audience("https://api.example.com")
                    .build();
        }

        @Bean
        JwtDecoder jwtDecoder(JwtVerifier verifier) {
            SigilJwtDecoder decoder = new SigilJwtDecoder(verifier);
            // Optional: your own checks, after Sigil's.
            decoder.setJwtValidator(new JwtClaimValidator<List<String>>("roles", roles -> roles != null && roles.contains("reader")));
            return decoder;
        }
    }
    // --- end of the README snippet ---

    @Configuration(proxyBeanMethods = false)
    static class ReactiveResourceServerConfiguration {

        // --- README: WebFlux configuration ---
        @Bean(destroyMethod = "close")
        MultiIssuerVerifier jwtVerifier(@Value("${issuer}") String issuer) {
            return MultiIssuerVerifier.builder()
                    .trustedIssuer(issuer)                       // "https://YOUR_TENANT.auth0.com/"
                    .trustedIssuer("https://your-org.okta.com/oauth2/default", b -> b.type("at+jwt"))
                    .audience("https://api.example.com")
                    .build();
        }

        @Bean
        ReactiveJwtDecoder jwtDecoder(TokenVerifier verifier) {
            return new SigilReactiveJwtDecoder(verifier);
        }
        // --- end of the README snippet ---
    }

    private static AnnotationConfigApplicationContext context(Class<?> configuration, FakeIssuer issuer) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", Map.of("issuer", issuer.issuer())));
        context.register(configuration);
        context.refresh();
        return context;
    }

    @Test
    void theServletConfigurationDecodesAndAppliesTheApplicationsValidator() {
        try (FakeIssuer http = FakeIssuer.start()) {
            TestIssuer keys = TestIssuer.named(http.issuer());
            http.publishKeys(keys.jwksJson());
            try (AnnotationConfigApplicationContext context = context(ResourceServerConfiguration.class, http)) {
                JwtDecoder decoder = context.getBean(JwtDecoder.class);
                assertEquals("alice", decoder.decode(keys.token(c -> c.claim("roles", List.of("reader")))).getSubject());
                assertThrows(JwtValidationException.class, () -> decoder.decode(keys.token()));
            }
        }
    }

    @Test
    void theReactiveConfigurationDecodes() {
        try (FakeIssuer http = FakeIssuer.start()) {
            TestIssuer keys = TestIssuer.named(http.issuer());
            http.publishKeys(keys.jwksJson());
            try (AnnotationConfigApplicationContext context = context(ReactiveResourceServerConfiguration.class, http)) {
                ReactiveJwtDecoder decoder = context.getBean(ReactiveJwtDecoder.class);
                assertSame(SigilReactiveJwtDecoder.class, decoder.getClass());
                assertEquals("alice", decoder.decode(keys.token()).block(Duration.ofSeconds(30)).getSubject());
            }
        }
    }
}
