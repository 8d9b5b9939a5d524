package dev.sigil.spring.boot;

import dev.sigil.jwt.TokenVerifier;
import dev.sigil.spring.security.SigilJwtDecoder;
import dev.sigil.spring.security.SigilReactiveJwtDecoder;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * Sigil as the resource server's {@link JwtDecoder} (servlet) or {@link ReactiveJwtDecoder}
 * (reactive), from Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*} properties and
 * Sigil's {@code sigil.jwt.*}.
 *
 * <p>Active when {@code issuer-uri} or {@code jwk-set-uri} is set (or Sigil's
 * {@code sigil.jwt.trusted-issuers} or {@code sigil.jwt.issuer-templates}) and the application defines no
 * decoder of its own. It runs before Boot's resource-server auto-configuration, whose own decoder
 * then backs off; Boot's security filter chain uses this decoder. The application's
 * {@code OAuth2TokenValidator<Jwt>} beans run after Sigil's checks, as with Boot's decoder.
 */
@AutoConfiguration(beforeName = {
    "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
    "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration"
})
@ConditionalOnClass({TokenVerifier.class, SigilJwtDecoder.class, JwtDecoder.class, OAuth2ResourceServerProperties.class})
@Conditional(SigilResourceServerAutoConfiguration.IssuerOrJwkSetUri.class)
@EnableConfigurationProperties({OAuth2ResourceServerProperties.class, SigilJwtProperties.class})
public final class SigilResourceServerAutoConfiguration {

    SigilResourceServerAutoConfiguration() {
    }

    // The metrics binding's, when SigilMetricsAutoConfiguration is active; else nothing.
    private static SigilVerifierListeners listeners(ObjectProvider<SigilVerifierListeners> listeners) {
        return listeners.getIfAvailable(() -> SigilVerifierListeners.NONE);
    }

    private static OAuth2TokenValidator<Jwt> validator(ObjectProvider<OAuth2TokenValidator<Jwt>> validators) {
        List<OAuth2TokenValidator<Jwt>> list = validators.orderedStream().toList();
        return list.isEmpty() ? null : new DelegatingOAuth2TokenValidator<>(list);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnMissingBean(JwtDecoder.class)
    static class ServletDecoder {

        @Bean
        @ConditionalOnMissingBean(TokenVerifier.class)
        TokenVerifier sigilTokenVerifier(OAuth2ResourceServerProperties boot, SigilJwtProperties sigil, Environment environment,
                ObjectProvider<SigilVerifierListeners> listeners) {
            return SigilVerifiers.build(boot, sigil, environment, listeners(listeners));
        }

        @Bean
        SigilJwtDecoder jwtDecoder(TokenVerifier verifier, ObjectProvider<OAuth2TokenValidator<Jwt>> validators) {
            SigilJwtDecoder decoder = new SigilJwtDecoder(verifier);
            OAuth2TokenValidator<Jwt> validator = validator(validators);
            if (validator != null) {
                decoder.setJwtValidator(validator);
            }
            return decoder;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(name = "reactor.core.publisher.Mono")
    @ConditionalOnMissingBean(ReactiveJwtDecoder.class)
    static class ReactiveDecoder {

        @Bean
        @ConditionalOnMissingBean(TokenVerifier.class)
        TokenVerifier sigilTokenVerifier(OAuth2ResourceServerProperties boot, SigilJwtProperties sigil, Environment environment,
                ObjectProvider<SigilVerifierListeners> listeners) {
            return SigilVerifiers.build(boot, sigil, environment, listeners(listeners));
        }

        @Bean
        SigilReactiveJwtDecoder jwtDecoder(TokenVerifier verifier, ObjectProvider<OAuth2TokenValidator<Jwt>> validators) {
            SigilReactiveJwtDecoder decoder = new SigilReactiveJwtDecoder(verifier);
            OAuth2TokenValidator<Jwt> validator = validator(validators);
            if (validator != null) {
                decoder.setJwtValidator(validator);
            }
            return decoder;
        }
    }

    /**
     * {@code issuer-uri} or {@code jwk-set-uri} has text, as Boot's own conditions read them, or
     * Sigil's own issuers are set: a multi-tenant application may trust templates and nothing else.
     */
    static final class IssuerOrJwkSetUri extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ConditionMessage.Builder message = ConditionMessage.forCondition("Sigil issuer-uri or jwk-set-uri");
            for (String name : new String[] {"issuer-uri", "jwk-set-uri"}) {
                String value = context.getEnvironment().getProperty(SigilVerifiers.PREFIX + name);
                if (StringUtils.hasText(value)) {
                    return ConditionOutcome.match(message.found(name + " property").items(value));
                }
            }
            // Bound rather than read, so that indexed and environment-variable forms count too.
            Binder binder = Binder.get(context.getEnvironment());
            if (binder.bind("sigil.jwt.trusted-issuers", Bindable.listOf(String.class)).isBound()) {
                return ConditionOutcome.match(message.found("sigil.jwt.trusted-issuers property").atAll());
            }
            if (binder.bind("sigil.jwt.issuer-templates", Bindable.listOf(SigilJwtProperties.IssuerTemplate.class)).isBound()) {
                return ConditionOutcome.match(message.found("sigil.jwt.issuer-templates property").atAll());
            }
            return ConditionOutcome.noMatch(message.didNotFind(
                    "issuer-uri, jwk-set-uri, sigil.jwt.trusted-issuers or sigil.jwt.issuer-templates property").atAll());
        }
    }
}
