package dev.sigil.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigil.jwt.MultiIssuerVerifier;
import dev.sigil.jwt.TokenVerifier;
import dev.sigil.jwt.VerificationListener;
import dev.sigil.micrometer.SigilMetrics;
import dev.sigil.testkit.FakeIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The metrics binding in Boot's context runners, with Boot's own metrics auto-configuration (which
 * binds {@code MeterBinder} beans to the registry, as under Actuator), against an issuer on loopback.
 */
@Timeout(120)
class SigilMetricsAutoConfigurationTest {

    private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

    private static FakeIssuer http;
    private static Tokens tokens;

    private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SigilResourceServerAutoConfiguration.class,
                    OAuth2ResourceServerAutoConfiguration.class, MetricsAutoConfiguration.class,
                    SigilMetricsAutoConfiguration.class))
            .withUserConfiguration(SigilResourceServerAutoConfigurationTest.FilterChain.class);

    @BeforeAll
    static void startIssuer() {
        http = FakeIssuer.start();
        http.publishKeys(Tokens.jwksJson());
        tokens = new Tokens(http.issuer());
    }

    @AfterAll
    static void stopIssuer() {
        http.close();
    }

    private static String issuerUri() {
        return JWT + "issuer-uri=" + http.issuer();
    }

    private static String audiences() {
        return JWT + "audiences=" + Tokens.AUDIENCE;
    }

    @Test
    void withAMeterRegistryTheVerifiersMetersAreBound() {
        servlet.withUserConfiguration(Registry.class).withPropertyValues(issuerUri(), audiences()).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(SigilMetrics.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            String iss = http.issuer();

            // Listed before the first token, as /actuator/metrics would show them.
            assertThat(names(registry)).contains(SigilMetrics.VERIFICATION_DURATION, SigilMetrics.KEYS,
                    SigilMetrics.STALE_AGE, SigilMetrics.FORCED_REFRESHES);

            decoder.decode(tokens.rs256());
            decoder.decode(tokens.es256());
            assertThrows(BadJwtException.class, () -> decoder.decode(tokens.rs256(null, c -> c.audience("other"))));

            assertEquals(1, registry.get(SigilMetrics.VERIFICATIONS)
                    .tags("result", "verified", "reason", "none", "alg", "RS256", "issuer", iss).counter().count());
            assertEquals(1, registry.get(SigilMetrics.VERIFICATIONS)
                    .tags("result", "verified", "alg", "ES256", "issuer", iss).counter().count());
            assertEquals(1, registry.get(SigilMetrics.VERIFICATIONS)
                    .tags("result", "refused", "reason", "AUDIENCE_MISMATCH", "issuer", iss).counter().count());
            assertEquals(2, registry.get(SigilMetrics.VERIFICATION_DURATION).tags("result", "verified").timer().count());
            assertEquals(2, registry.get(SigilMetrics.KEYS).tags("issuer", iss).gauge().value());
            assertEquals(2, registry.get(SigilMetrics.FETCHES).tags("outcome", "success", "status", "200", "issuer", iss)
                    .counter().count(), "discovery and the key set");
        });
    }

    @Test
    void aMultiIssuerVerifierIsMeteredUnderItsConfiguredIssuers() {
        servlet.withUserConfiguration(Registry.class)
                .withPropertyValues(issuerUri(), audiences(), "sigil.jwt.trusted-issuers=https://other.example.com/")
                .run(context -> {
                    assertInstanceOf(MultiIssuerVerifier.class, context.getBean(TokenVerifier.class));
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    JwtDecoder decoder = context.getBean(JwtDecoder.class);
                    decoder.decode(tokens.rs256());
                    assertThrows(BadJwtException.class, () -> decoder.decode(new Tokens("https://evil.example.com/").rs256()));
                    assertEquals(1, registry.get(SigilMetrics.VERIFICATIONS)
                            .tags("result", "verified", "issuer", http.issuer()).counter().count());
                    assertEquals(1, registry.get(SigilMetrics.VERIFICATIONS).tags("reason", "ISSUER_MISMATCH",
                            "issuer", VerificationListener.UNTRUSTED_ISSUER).counter().count());
                    assertThat(registry.find(SigilMetrics.KEYS).gauges()).hasSize(2);
                    assertEquals(2, registry.get(SigilMetrics.KEYS).tags("issuer", http.issuer()).gauge().value());
                    // Configured, its discovery not yet run: listed, and empty.
                    assertEquals(0, registry.get(SigilMetrics.KEYS).tags("issuer", "https://other.example.com/").gauge()
                            .value());
                });
    }

    @Test
    void theApplicationsOwnSigilMetricsIsUsed() {
        servlet.withUserConfiguration(Registry.class, OwnMetrics.class).withPropertyValues(issuerUri(), audiences())
                .run(context -> {
                    assertThat(context).getBean(SigilMetrics.class).isSameAs(OwnMetrics.METRICS);
                    context.getBean(JwtDecoder.class).decode(tokens.rs256());
                    assertEquals(1, context.getBean(MeterRegistry.class).get(SigilMetrics.VERIFICATIONS).counter().count());
                });
    }

    @Test
    void withoutAMeterRegistryNothingIsBound() {
        servlet.withPropertyValues(issuerUri(), audiences()).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(SigilMetrics.class);
            context.getBean(JwtDecoder.class).decode(tokens.rs256());
        });
    }

    @Test
    void withoutMicrometerTheDecoderStillWorks() {
        new WebApplicationContextRunner()
                .withClassLoader(new FilteredClassLoader("io.micrometer"))
                .withConfiguration(AutoConfigurations.of(SigilResourceServerAutoConfiguration.class,
                        OAuth2ResourceServerAutoConfiguration.class, SigilMetricsAutoConfiguration.class))
                .withUserConfiguration(SigilResourceServerAutoConfigurationTest.FilterChain.class)
                .withPropertyValues(issuerUri(), audiences())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(SigilMetricsAutoConfiguration.class);
                    assertThat(context).doesNotHaveBean("sigilMetrics");
                    assertEquals("alice", context.getBean(JwtDecoder.class).decode(tokens.rs256()).getSubject());
                });
    }

    @Test
    void isRegisteredAsAnAutoConfiguration() {
        List<String> registered = new ArrayList<>();
        ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).forEach(registered::add);
        assertThat(registered).contains(SigilMetricsAutoConfiguration.class.getName());
    }

    private static List<String> names(MeterRegistry registry) {
        return registry.getMeters().stream().map(m -> m.getId().getName()).distinct().toList();
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnMetrics {
        static final SigilMetrics METRICS = new SigilMetrics();

        @Bean
        SigilMetrics ownSigilMetrics() {
            return METRICS;
        }
    }
}
