package dev.sigil.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.KeySource;
import dev.sigil.spi.JwtConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration errors that need no crypto backend; core's tests have none on the class path. */
class JwtVerifierBuilderTest {

    private static final JwkSet KEYS = JwkSet.of(Jwk.of(Map.of("kty", "EC", "crv", "P-256", "x", "AA", "y", "AA")));

    private static String failure(JwtVerifier.Builder builder) {
        return assertThrows(JwtConfigurationException.class, builder::build).getMessage();
    }

    @Test
    void requiresAnIssuerDecision() {
        assertEquals("no issuer decision: call issuer(..) with the expected \"iss\", or ignoreIssuer()",
                failure(JwtVerifier.builder().audience("api").keys(KEYS)));
    }

    @Test
    void refusesContradictoryIssuerSettings() {
        assertEquals("issuer(..) and ignoreIssuer() cannot both be set",
                failure(JwtVerifier.builder().issuer("https://i/").ignoreIssuer().audience("api").keys(KEYS)));
    }

    @Test
    void requiresAnAudienceDecision() {
        assertEquals("no audience decision: call audience(..) with this API's identifier, or ignoreAudience()",
                failure(JwtVerifier.builder().issuer("https://i/").keys(KEYS)));
    }

    @Test
    void refusesContradictoryAudienceSettings() {
        assertEquals("audience(..) and ignoreAudience() cannot both be set",
                failure(JwtVerifier.builder().issuer("https://i/").audience("api").ignoreAudience().keys(KEYS)));
    }

    @Test
    void requiresKeysWhenThereIsNoIssuerToDiscoverThemFrom() {
        assertEquals("no keys: call issuer(..) to find them by discovery, or jwksUri(..), keys(JwkSet) or keySource(KeySource)",
                failure(JwtVerifier.builder().ignoreIssuer().audience("api")));
    }

    @Test
    void refusesTwoSourcesOfKeys() {
        String message = "keys(..), keySource(..) and jwksUri(..) cannot be combined: choose one";
        assertEquals(message,
                failure(JwtVerifier.builder().issuer("https://i/").audience("api").keys(KEYS).keySource(KeySource.of(KEYS))));
        assertEquals(message, failure(JwtVerifier.builder().issuer("https://i/").audience("api").keys(KEYS)
                .jwksUri(URI.create("https://i/jwks"))));
    }

    @Test
    void aCompleteConfigurationWithoutABackendNamesTheArtifactToAdd() {
        String message = failure(JwtVerifier.builder().issuer("https://i/").audience("api").keys(KEYS));
        assertTrue(message.startsWith("no CryptoBackend found: add dev.sigil:sigil-backend-jca"), message);
    }

    @Test
    void capsTheClockSkewAtTenMinutes() {
        JwtVerifier.Builder b = JwtVerifier.builder();
        assertThrows(IllegalArgumentException.class, () -> b.clockSkew(Duration.ofMinutes(11)));
        assertThrows(IllegalArgumentException.class, () -> b.clockSkew(Duration.ofSeconds(-1)));
        b.clockSkew(Duration.ofMinutes(10));
    }

    @Test
    void boundsTheTokenLengthSetting() {
        JwtVerifier.Builder b = JwtVerifier.builder();
        assertThrows(IllegalArgumentException.class, () -> b.maxTokenLength(63));
        assertThrows(IllegalArgumentException.class, () -> b.maxTokenLength(JwtVerifier.Builder.MAX_TOKEN_LENGTH + 1));
    }

    @Test
    void refusesEmptyAudiencesAlgorithmsAndBlankNames() {
        JwtVerifier.Builder b = JwtVerifier.builder();
        assertThrows(IllegalArgumentException.class, b::audience);
        assertThrows(IllegalArgumentException.class, () -> b.audience(""));
        assertThrows(IllegalArgumentException.class, b::algorithms);
        assertThrows(IllegalArgumentException.class, () -> b.issuer(" "));
        assertThrows(IllegalArgumentException.class, () -> b.type(""));
        assertThrows(IllegalArgumentException.class, () -> b.requireClaims(""));
    }
}
