package dev.sigil.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.MultiIssuerVerifier;
import dev.sigil.jwt.TokenVerifier;
import dev.sigil.spi.JwtConfigurationException;
import dev.sigil.spring.security.SigilJwtDecoder;
import dev.sigil.spring.security.SigilReactiveJwtDecoder;
import dev.sigil.testkit.FakeIssuer;
import dev.sigil.testkit.LogCapture;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.MatcherSecurityWebFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * The auto-configuration in Boot's context runners, beside Boot's own resource-server
 * auto-configuration, against an issuer on loopback that serves discovery and the key set.
 */
@Timeout(120)
class SigilResourceServerAutoConfigurationTest {

    private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

    private static FakeIssuer http;
    private static Tokens tokens;

    // The filter chain stands in for the application's: Boot's own one would need HttpSecurity,
    // which needs the whole of Boot's security auto-configuration.
    private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SigilResourceServerAutoConfiguration.class,
                    OAuth2ResourceServerAutoConfiguration.class))
            .withUserConfiguration(FilterChain.class);

    private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SigilResourceServerAutoConfiguration.class,
                    ReactiveOAuth2ResourceServerAutoConfiguration.class))
            .withUserConfiguration(WebFilterChain.class);

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
    void withTheIssuerUriSigilsDecoderIsTheOnlyOneAndVerifiesByDiscovery() {
        servlet.withPropertyValues(issuerUri(), audiences()).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(JwtDecoder.class);
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            assertInstanceOf(SigilJwtDecoder.class, decoder);
            assertInstanceOf(JwtVerifier.class, context.getBean(TokenVerifier.class));

            Jwt jwt = decoder.decode(tokens.rs256());
            assertEquals("alice", jwt.getSubject());
            assertEquals(List.of(Tokens.AUDIENCE), jwt.getAudience());
            assertInstanceOf(Instant.class, jwt.getClaims().get("exp"));
        });
    }

    @Test
    void withoutSigilBootsOwnDecoderWouldServe() {
        // The control for the test above: Boot's resource-server auto-configuration does make a decoder here.
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OAuth2ResourceServerAutoConfiguration.class))
                .withUserConfiguration(FilterChain.class)
                .withPropertyValues(issuerUri(), audiences())
                .run(context -> {
                    assertThat(context).hasSingleBean(JwtDecoder.class);
                    assertThat(context.getBean(JwtDecoder.class)).isNotInstanceOf(SigilJwtDecoder.class);
                });
    }

    @Test
    void theJwkSetUriAloneFetchesThatSetAndChecksNoIssuerAsBootDoes() {
        servlet.withPropertyValues(JWT + "jwk-set-uri=" + http.jwksUri(), audiences()).run(context -> {
            assertThat(context).hasNotFailed();
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            assertInstanceOf(SigilJwtDecoder.class, decoder);
            assertEquals("alice", decoder.decode(new Tokens("https://elsewhere.example.com").rs256()).getSubject());
        });
    }

    @Test
    void theJwkSetUriWithTheIssuerUriChecksTheIssuer() {
        servlet.withPropertyValues(JWT + "jwk-set-uri=" + http.jwksUri(), issuerUri(), audiences()).run(context -> {
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            assertEquals("alice", decoder.decode(tokens.rs256()).getSubject());
            assertThrows(BadJwtException.class, () -> decoder.decode(new Tokens("https://elsewhere.example.com").rs256()));
        });
    }

    @Test
    void withNeitherUriThereIsNoDecoder() {
        servlet.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(JwtDecoder.class);
            assertThat(context).doesNotHaveBean(TokenVerifier.class);
        });
    }

    @Test
    void aBlankIssuerUriCountsAsUnsetAsInBoot() {
        servlet.withPropertyValues(JWT + "issuer-uri= ").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(TokenVerifier.class);
        });
    }

    @Test
    void theAutoConfigurationIsRegisteredForBoot() {
        List<String> registered = new java.util.ArrayList<>();
        ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).forEach(registered::add);
        assertThat(registered).contains(SigilResourceServerAutoConfiguration.class.getName());
    }

    @Test
    void backsOffForTheApplicationsOwnDecoder() {
        servlet.withPropertyValues(issuerUri(), audiences()).withUserConfiguration(OwnDecoder.class).run(context -> {
            assertThat(context).hasSingleBean(JwtDecoder.class);
            assertThat(context.getBean(JwtDecoder.class)).isSameAs(OwnDecoder.DECODER);
            assertThat(context).doesNotHaveBean(TokenVerifier.class);
        });
    }

    @Test
    void aReactiveApplicationGetsTheReactiveDecoder() {
        reactive.withPropertyValues(issuerUri(), audiences()).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(ReactiveJwtDecoder.class);
            assertThat(context).doesNotHaveBean(JwtDecoder.class);
            ReactiveJwtDecoder decoder = context.getBean(ReactiveJwtDecoder.class);
            assertInstanceOf(SigilReactiveJwtDecoder.class, decoder);
            assertEquals("alice", decoder.decode(tokens.rs256()).block().getSubject());
        });
    }

    @Test
    void aReactiveApplicationsOwnDecoderWins() {
        reactive.withPropertyValues(issuerUri(), audiences()).withUserConfiguration(OwnReactiveDecoder.class).run(context -> {
            assertThat(context).hasSingleBean(ReactiveJwtDecoder.class);
            assertThat(context.getBean(ReactiveJwtDecoder.class)).isSameAs(OwnReactiveDecoder.DECODER);
        });
    }

    @Test
    void anApplicationThatIsNotOnTheWebGetsNoDecoder() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SigilResourceServerAutoConfiguration.class))
                .withPropertyValues(issuerUri(), audiences())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(JwtDecoder.class);
                    assertThat(context).doesNotHaveBean(ReactiveJwtDecoder.class);
                });
    }

    @Test
    void theAudiencesAreRequiredOfTheToken() {
        servlet.withPropertyValues(issuerUri(), audiences()).run(context -> {
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            assertThrows(JwtValidationException.class,
                    () -> decoder.decode(tokens.rs256(null, c -> c.audience("https://other.example.com"))));
        });
    }

    @Test
    void withNoAudiencesAnyAudienceIsAcceptedAsBootDoesWithAWarning() throws Exception {
        // Spring's commons-logging goes to java.util.logging here: no other logging system is on the class path.
        List<LogRecord> records = LogCapture.during(SigilVerifiers.class.getName(),
                () -> servlet.withPropertyValues(issuerUri()).run(context -> {
                    JwtDecoder decoder = context.getBean(JwtDecoder.class);
                    assertEquals("alice", decoder.decode(tokens.rs256(null, c -> c.audience("https://other.example.com"))).getSubject());
                }));
        assertEquals(1, records.size(), String.valueOf(records));
        assertEquals(Level.WARNING, records.get(0).getLevel());
        assertThat(records.get(0).getMessage()).contains("No " + JWT + "audiences set");
    }

    @Test
    void requireAudienceTurnsTheMissingAudiencesIntoAStartUpFailure() {
        servlet.withPropertyValues(issuerUri(), "sigil.jwt.require-audience=true").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class);
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("require-audience");
        });
    }

    @Test
    void withNoJwsAlgorithmsSetSigilsDefaultListAppliesNotBootsRs256() {
        servlet.withPropertyValues(issuerUri(), audiences()).run(context ->
                assertEquals("alice", context.getBean(JwtDecoder.class).decode(tokens.es256()).getSubject()));
    }

    @Test
    void jwsAlgorithmsSetByTheApplicationAreTheAllowList() {
        servlet.withPropertyValues(issuerUri(), audiences(), JWT + "jws-algorithms=RS256").run(context -> {
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            assertEquals("alice", decoder.decode(tokens.rs256()).getSubject());
            assertThrows(BadJwtException.class, () -> decoder.decode(tokens.es256()));
        });
    }

    @Test
    void anUnknownAlgorithmFailsStartUp() {
        servlet.withPropertyValues(issuerUri(), audiences(), JWT + "jws-algorithms=RS257").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("RS257");
        });
    }

    @Test
    void withNothingButIssuerAndAudiencesAccessTokensAndPlainJwtsBothVerify() {
        String accessToken = tokens.rs256("at+jwt", c -> { });
        servlet.withPropertyValues(issuerUri(), audiences()).run(context -> {
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            assertEquals("alice", decoder.decode(accessToken).getSubject());
            assertEquals("alice", decoder.decode(tokens.rs256()).getSubject());
            // Another kind of token is still refused.
            assertThrows(BadJwtException.class, () -> decoder.decode(tokens.rs256("logout+jwt", c -> { })));
        });
    }

    @Test
    void sigilJwtTypeRequiresThatType() {
        String accessToken = tokens.rs256("at+jwt", c -> { });
        servlet.withPropertyValues(issuerUri(), audiences(), "sigil.jwt.type=at+jwt").run(context -> {
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            assertEquals("alice", decoder.decode(accessToken).getSubject());
            assertThrows(BadJwtException.class, () -> decoder.decode(tokens.rs256()));
        });
    }

    @Test
    void sigilJwtClockSkewIsTheTolerance() {
        Instant now = Instant.now();
        String expired = tokens.rs256(null, c -> c.issueTime(Date.from(now.minusSeconds(300)))
                .expirationTime(Date.from(now.minusSeconds(30))));
        servlet.withPropertyValues(issuerUri(), audiences()).run(context ->
                assertEquals("alice", context.getBean(JwtDecoder.class).decode(expired).getSubject()));
        servlet.withPropertyValues(issuerUri(), audiences(), "sigil.jwt.clock-skew=0s").run(context ->
                assertThrows(JwtValidationException.class, () -> context.getBean(JwtDecoder.class).decode(expired)));
    }

    @Test
    void cacheSettingsOutsideSigilsBoundsFailStartUp() {
        servlet.withPropertyValues(issuerUri(), audiences(), "sigil.jwt.cache.request-timeout=5s",
                "sigil.jwt.cache.max-stale=1h").run(context -> assertThat(context).hasNotFailed());
        servlet.withPropertyValues(issuerUri(), audiences(), "sigil.jwt.cache.request-timeout=1d")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void theApplicationsValidatorsRunAfterSigilsChecks() {
        servlet.withPropertyValues(issuerUri(), audiences()).withUserConfiguration(RefusesMallory.class).run(context -> {
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            assertEquals("alice", decoder.decode(tokens.rs256()).getSubject());
            JwtValidationException refused = assertThrows(JwtValidationException.class,
                    () -> decoder.decode(tokens.rs256(null, c -> c.subject("mallory"))));
            assertEquals("no mallory", refused.getErrors().iterator().next().getDescription());
        });
    }

    @Test
    void trustedIssuersMakeAMultiIssuerVerifier() {
        try (FakeIssuer second = FakeIssuer.start()) {
            second.publishKeys(Tokens.jwksJson());
            servlet.withPropertyValues(issuerUri(), audiences(), "sigil.jwt.trusted-issuers=" + second.issuer())
                    .run(context -> {
                        assertInstanceOf(MultiIssuerVerifier.class, context.getBean(TokenVerifier.class));
                        JwtDecoder decoder = context.getBean(JwtDecoder.class);
                        assertEquals("alice", decoder.decode(tokens.rs256()).getSubject());
                        assertEquals("alice", decoder.decode(new Tokens(second.issuer()).rs256()).getSubject());
                        assertThrows(BadJwtException.class,
                                () -> decoder.decode(new Tokens("https://elsewhere.example.com").rs256()));
                    });
        }
    }

    @Test
    void trustedIssuersNeedAudiences() {
        servlet.withPropertyValues(issuerUri(), "sigil.jwt.trusted-issuers=https://b.example.com")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void sigilJwtBackendChoosesTheBackendByName() {
        servlet.withPropertyValues(issuerUri(), audiences(), "sigil.jwt.backend=jca").run(context -> {
            assertThat(context).hasNotFailed();
            JwtVerifier verifier = assertInstanceOf(JwtVerifier.class, context.getBean(TokenVerifier.class));
            assertEquals("jca", verifier.cryptoBackend().name());
            assertEquals("alice", context.getBean(JwtDecoder.class).decode(tokens.rs256()).getSubject());
        });
    }

    @Test
    void aBackendThatIsNotOnTheClassPathFailsStartUpNamingItsArtifact() {
        // Only sigil-backend-jca is on this module's test class path.
        servlet.withPropertyValues(issuerUri(), audiences(), "sigil.jwt.backend=bouncycastle").run(context -> {
            assertThat(context).hasFailed();
            assertEquals("cryptoBackendNamed(\"bouncycastle\") names no CryptoBackend that was found; found: jca; add"
                    + " dev.sigil:sigil-backend-jca (the JDK's or a named JCA provider, FIPS included) or"
                    + " dev.sigil:sigil-backend-bouncycastle to the class path or module path",
                    assertInstanceOf(JwtConfigurationException.class, rootCause(context.getStartupFailure())).getMessage());
        });
    }

    @Test
    void anUnknownBackendFailsStartUpNamingSigilsBackends() {
        servlet.withPropertyValues(issuerUri(), audiences(), "sigil.jwt.backend=openssl").run(context -> {
            assertThat(context).hasFailed();
            assertEquals("cryptoBackendNamed(\"openssl\") names no CryptoBackend that was found; found: jca; add"
                    + " dev.sigil:sigil-backend-jca (the JDK's or a named JCA provider, FIPS included) or"
                    + " dev.sigil:sigil-backend-bouncycastle to the class path or module path",
                    assertInstanceOf(JwtConfigurationException.class, rootCause(context.getStartupFailure())).getMessage());
        });
    }

    @Test
    void aBackendAppliesToEveryIssuerOfAMultiIssuerVerifier() {
        servlet.withPropertyValues(issuerUri(), audiences(), "sigil.jwt.trusted-issuers=https://b.example.com",
                "sigil.jwt.backend=openssl").run(context -> assertThat(context).hasFailed());
        servlet.withPropertyValues(issuerUri(), audiences(), "sigil.jwt.trusted-issuers=https://b.example.com",
                "sigil.jwt.backend=jca").run(context ->
                        assertEquals("alice", context.getBean(JwtDecoder.class).decode(tokens.rs256()).getSubject()));
    }

    /** A template on the loopback issuer, {@code http://127.0.0.1:port/{tenant}/v2.0}, sharing its one key set. */
    private static String[] template(String... more) {
        List<String> values = new java.util.ArrayList<>(List.of(audiences(),
                "sigil.jwt.issuer-templates[0].template=" + http.issuer() + "{tenant}/v2.0",
                "sigil.jwt.issuer-templates[0].tenant-claim=tid",
                "sigil.jwt.issuer-templates[0].jwks-uri=" + http.jwksUri()));
        values.addAll(List.of(more));
        return values.toArray(String[]::new);
    }

    private static String tenantToken(String tenant, String tid) {
        return new Tokens(http.issuer() + tenant + "/v2.0").rs256(null, c -> c.claim("tid", tid));
    }

    @Test
    void issuerTemplatesAloneMakeAMultiIssuerVerifierForTheTenantsListed() {
        servlet.withPropertyValues(template("sigil.jwt.issuer-templates[0].tenants=t1,t2")).run(context -> {
            assertThat(context).hasNotFailed();
            assertInstanceOf(MultiIssuerVerifier.class, context.getBean(TokenVerifier.class));
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            assertEquals("alice", decoder.decode(tenantToken("t1", "t1")).getSubject());
            assertEquals("alice", decoder.decode(tenantToken("t2", "t2")).getSubject());
            // A tenant not listed, and a token whose tenant claim names another tenant than its issuer.
            assertThrows(JwtValidationException.class, () -> decoder.decode(tenantToken("t3", "t3")));
            assertThrows(JwtValidationException.class, () -> decoder.decode(tenantToken("t1", "t2")));
        });
    }

    @Test
    void issuerTemplatesBesideTheIssuerUri() {
        servlet.withPropertyValues(template(issuerUri(), "sigil.jwt.issuer-templates[0].tenants=t1")).run(context -> {
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            assertEquals("alice", decoder.decode(tokens.rs256()).getSubject());
            assertEquals("alice", decoder.decode(tenantToken("t1", "t1")).getSubject());
        });
    }

    @Test
    void anyTenantOnlyWithTheLoudlyNamedOptIn() {
        servlet.withPropertyValues(template("sigil.jwt.issuer-templates[0].unsafe-trust-any-tenant=true")).run(context -> {
            assertThat(context).hasNotFailed();
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            assertEquals("alice", decoder.decode(tenantToken("anyone-at-all", "anyone-at-all")).getSubject());
            assertThrows(JwtValidationException.class, () -> decoder.decode(tenantToken("t1", "t2")));
        });
    }

    @Test
    void aTemplateWithoutTenantsFailsStartUp() {
        servlet.withPropertyValues(template()).run(context -> {
            assertThat(context).hasFailed();
            InvalidConfigurationPropertyValueException failure = assertInstanceOf(
                    InvalidConfigurationPropertyValueException.class, rootCause(context.getStartupFailure()));
            assertEquals("sigil.jwt.issuer-templates[0].tenants", failure.getName());
            assertEquals("list the tenants whose tokens this API accepts;"
                    + " sigil.jwt.issuer-templates[0].unsafe-trust-any-tenant=true accepts every tenant, and so anyone"
                    + " who can create one at the provider", failure.getReason());
        });
    }

    @Test
    void tenantsAndAnyTenantContradictEachOther() {
        servlet.withPropertyValues(template("sigil.jwt.issuer-templates[0].tenants=t1",
                "sigil.jwt.issuer-templates[0].unsafe-trust-any-tenant=true")).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(rootCause(context.getStartupFailure())).hasMessageContaining(
                            "sigil.jwt.issuer-templates[0].tenants and sigil.jwt.issuer-templates[0].unsafe-trust-any-tenant"
                                    + " cannot both be set");
                });
    }

    @Test
    void aTemplateNeedsItsTenantClaim() {
        servlet.withPropertyValues(audiences(), "sigil.jwt.issuer-templates[0].template=https://login.example.com/{tenant}/v2.0",
                "sigil.jwt.issuer-templates[0].tenants=t1").run(context -> {
                    assertThat(context).hasFailed();
                    assertEquals("sigil.jwt.issuer-templates[0].tenant-claim", assertInstanceOf(
                            InvalidConfigurationPropertyValueException.class, rootCause(context.getStartupFailure())).getName());
                });
    }

    @Test
    void issuerTemplatesNeedAudiences() {
        servlet.withPropertyValues("sigil.jwt.issuer-templates[0].template=https://login.example.com/{tenant}/v2.0",
                "sigil.jwt.issuer-templates[0].tenant-claim=tid", "sigil.jwt.issuer-templates[0].tenants=t1")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertEquals("sigil.jwt.issuer-templates needs the audiences this API accepts", assertInstanceOf(
                            InvalidConfigurationPropertyValueException.class, rootCause(context.getStartupFailure())).getReason());
                });
    }

    @Test
    void aMalformedTemplateFailsStartUp() {
        servlet.withPropertyValues(audiences(), "sigil.jwt.issuer-templates[0].template=https://login.example.com/v2.0",
                "sigil.jwt.issuer-templates[0].tenant-claim=tid", "sigil.jwt.issuer-templates[0].tenants=t1")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void trustedIssuersAloneActivateTheAutoConfiguration() {
        servlet.withPropertyValues(audiences(), "sigil.jwt.trusted-issuers=" + http.issuer()).run(context -> {
            assertThat(context).hasNotFailed();
            assertEquals("alice", context.getBean(JwtDecoder.class).decode(tokens.rs256()).getSubject());
        });
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    void theVerifierIsClosedWithTheContext() {
        AtomicReference<TokenVerifier> verifier = new AtomicReference<>();
        servlet.withPropertyValues(issuerUri(), audiences()).run(context -> verifier.set(context.getBean(TokenVerifier.class)));
        // Closed before it held any key: it fetches none, and fails the asynchronous path as a closed verifier does.
        int requests = http.totalRequests();
        CompletionException closed = assertThrows(CompletionException.class,
                () -> verifier.get().verifyAsync(tokens.rs256()).toCompletableFuture().join());
        assertEquals(JwtVerificationException.Reason.KEYS_UNAVAILABLE,
                assertInstanceOf(JwtVerificationException.class, closed.getCause()).reason());
        assertEquals(requests, http.totalRequests());
    }

    @Configuration(proxyBeanMethods = false)
    static class FilterChain {
        @Bean
        SecurityFilterChain filterChain() {
            return new DefaultSecurityFilterChain(AnyRequestMatcher.INSTANCE);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WebFilterChain {
        @Bean
        SecurityWebFilterChain webFilterChain() {
            return new MatcherSecurityWebFilterChain(ServerWebExchangeMatchers.anyExchange(),
                    List.of((exchange, chain) -> chain.filter(exchange)));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDecoder {
        static final JwtDecoder DECODER = token -> {
            throw new BadJwtException("never");
        };

        @Bean
        JwtDecoder ownDecoder() {
            return DECODER;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnReactiveDecoder {
        static final ReactiveJwtDecoder DECODER = token -> reactor.core.publisher.Mono.error(new BadJwtException("never"));

        @Bean
        ReactiveJwtDecoder ownDecoder() {
            return DECODER;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RefusesMallory {
        @Bean
        OAuth2TokenValidator<Jwt> noMallory() {
            return jwt -> "mallory".equals(jwt.getSubject())
                    ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "no mallory", null))
                    : OAuth2TokenValidatorResult.success();
        }
    }
}
