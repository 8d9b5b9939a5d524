package dev.sigil.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksCache;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.JwtConfigurationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: Entra ID's multi-tenant endpoints ({@code common}, {@code organizations},
 * {@code consumers}) and templates with a tenant placeholder stand for many issuers, so one verifier
 * configured with one fails at {@code build()}, saying what works instead.
 */
class MultiTenantIssuerTest {

    private static final String TEMPLATE = "https://login.microsoftonline.com/{tenantid}/v2.0";
    private static final long NOW = 1_800_000_000L;
    private static final Jwk KEY = JdkTestBackend.secret("t", null, 32, 3);

    private static JwtVerifier.Builder single(String issuer) {
        return JwtVerifier.builder().issuer(issuer).audience("api").keys(JwkSet.of(KEY))
                .cryptoBackend(new JdkTestBackend(JwsAlgorithm.HS256)).jsonCodec(new BuiltinJsonCodec()).algorithms(JwsAlgorithm.HS256);
    }

    @Test
    void aTemplateIssuerFailsBuildPointingToTemplatesOrTheTenantsOwnIssuer() {
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class, () -> single(TEMPLATE).build());
        assertEquals("issuer '" + TEMPLATE + "' is a template for many tenants' issuers, and a token's \"iss\" names one"
                + " tenant: give the template to MultiIssuerVerifier.Builder.issuerTemplate(template, \"tid\", tenants), or"
                + " configure one tenant's own issuer", e.getMessage());
        assertThrows(JwtConfigurationException.class, () -> single("https://auth.example.com/{tenant}/").build());
    }

    @Test
    void entraIdsMultiTenantEndpointsFailBuildNamingTheTemplateTheirDocumentsPublish() {
        for (String segment : List.of("common", "organizations", "consumers")) {
            String issuer = "https://login.microsoftonline.com/" + segment + "/v2.0";
            JwtConfigurationException e = assertThrows(JwtConfigurationException.class, () -> single(issuer).build());
            assertEquals("issuer '" + issuer + "' is Entra ID's multi-tenant '" + segment + "' endpoint: its discovery"
                    + " document names the template issuer '" + TEMPLATE + "', and each token names its own tenant's"
                    + " issuer; give that template to MultiIssuerVerifier.Builder.issuerTemplate(template, \"tid\", tenants),"
                    + " or configure your tenant's own issuer, 'https://login.microsoftonline.com/<tenant id>/v2.0'",
                    e.getMessage());
            assertThrows(JwtConfigurationException.class, () -> JwksCache.builder().issuer(issuer).build());
        }
        assertThrows(JwtConfigurationException.class, () -> single("https://login.microsoftonline.us/common/v2.0/").build());
        assertThrows(JwtConfigurationException.class, () -> single("https://login.microsoftonline.com/Common").build());
    }

    @Test
    void aTenantsOwnIssuerAndLookalikesOnOtherHostsStillBuild() {
        single("https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0").build().close();
        single("https://auth.example.com/common/v2.0").build().close();
        single("https://login.microsoftonline.com/commons/v2.0").build().close();
    }

    @Test
    void aMultiIssuerVerifierRefusesTheSameAsATrustedIssuerOrAnAllowedTenant() {
        MultiIssuerVerifier.Builder base = MultiIssuerVerifier.builder().audience("api")
                .defaults(b -> b.cryptoBackend(new JdkTestBackend(JwsAlgorithm.HS256)).jsonCodec(new BuiltinJsonCodec())
                        .algorithms(JwsAlgorithm.HS256));
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class,
                () -> base.trustedIssuer(TEMPLATE, b -> b.keys(JwkSet.of(KEY))).build());
        assertEquals(true, e.getMessage().contains("issuerTemplate(template, \"tid\", tenants)"), e.getMessage());
        assertThrows(JwtConfigurationException.class, () -> MultiIssuerVerifier.builder().audience("api")
                .issuerTemplate(TEMPLATE, "tid", List.of("common"), b -> b.keys(JwkSet.of(KEY))).build());
    }

    @Test
    void aTemplateTrustingAnyTenantRefusesATokenFromCommonAsAnUntrustedIssuer() throws Exception {
        try (MultiIssuerVerifier verifier = MultiIssuerVerifier.builder().audience("api")
                .defaults(b -> b.cryptoBackend(new JdkTestBackend(JwsAlgorithm.HS256)).jsonCodec(new BuiltinJsonCodec())
                        .algorithms(JwsAlgorithm.HS256).clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)))
                .issuerTemplateTrustingAnyTenant(TEMPLATE, "tid", b -> b.keys(JwkSet.of(KEY))).build()) {
            String tenant = "9188040d-6c67-4c5b-b112-36a304b66dad";
            String claims = "\",\"aud\":\"api\",\"exp\":" + (NOW + 600) + ",\"tid\":\"";
            verifier.verify(MultiIssuerVerifierTest.token(KEY, "{\"iss\":\"https://login.microsoftonline.com/" + tenant + "/v2.0"
                    + claims + tenant + "\"}"));
            JwtVerificationException e = assertThrows(JwtVerificationException.class, () -> verifier.verify(
                    MultiIssuerVerifierTest.token(KEY, "{\"iss\":\"https://login.microsoftonline.com/common/v2.0" + claims
                            + "common\"}")));
            assertEquals(Reason.ISSUER_MISMATCH, e.reason());
        }
    }
}
