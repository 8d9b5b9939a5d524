package dev.sigil.spring.boot;

import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.MultiIssuerVerifier;
import dev.sigil.micrometer.SigilMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Sigil's Micrometer meters ({@link SigilMetrics}: {@code sigil.jwt.verifications},
 * {@code sigil.jwt.verification.duration}, {@code sigil.jwks.*}) for the verifier the starter builds,
 * when Micrometer and {@code sigil-micrometer} are on the class path and the application has a
 * {@link MeterRegistry}, as Actuator gives it. The {@code SigilMetrics} bean is a {@code MeterBinder},
 * which Boot binds to its registry, so {@code /actuator/metrics} lists the meters. An application's
 * own {@code SigilMetrics} bean is used instead of a new one. A {@code TokenVerifier} the application
 * defines itself is not metered: give it the listeners of a {@code SigilMetrics} as its README shows.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
})
@ConditionalOnClass({MeterRegistry.class, SigilMetrics.class})
@ConditionalOnBean(MeterRegistry.class)
public final class SigilMetricsAutoConfiguration {

    SigilMetricsAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    SigilMetrics sigilMetrics() {
        return new SigilMetrics();
    }

    @Bean
    SigilVerifierListeners sigilMeteredVerifierListeners(SigilMetrics metrics) {
        return new Metered(metrics);
    }

    /** Gives the verifier the meters' listeners, and the meters the verifier's key-cache stats. */
    private static final class Metered implements SigilVerifierListeners {
        private final SigilMetrics metrics;

        Metered(SigilMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public void configure(JwtVerifier.Builder builder, String issuer) {
            builder.verificationListener(metrics.verificationListener()).listener(metrics.jwksListener(issuer));
        }

        @Override
        public void configure(MultiIssuerVerifier.Builder builder) {
            builder.verificationListener(metrics.verificationListener()).listeners(metrics.jwksListeners());
        }

        @Override
        public void built(JwtVerifier verifier, String issuer) {
            metrics.monitor(issuer, verifier);
        }

        @Override
        public void built(MultiIssuerVerifier verifier) {
            metrics.monitor(verifier);
        }
    }
}
