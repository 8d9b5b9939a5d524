package dev.sigil.spring.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwt.JwtVerifier;
import dev.sigil.testkit.FakeIssuer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The servlet decoder behind Spring's own {@link JwtAuthenticationProvider}, over a verifier that
 * finds its keys by discovery from a real HTTP issuer on loopback.
 */
@Timeout(60)
class RemoteIssuerTest {

    private static Authentication authenticate(JwtAuthenticationProvider provider, String token) {
        return provider.authenticate(new BearerTokenAuthenticationToken(token));
    }

    @Test
    void authenticatesByDiscoveryAndKeepsServingFromCachedKeysWhileTheIssuerIsDown() {
        try (FakeIssuer http = FakeIssuer.start()) {
            TestIssuer keys = TestIssuer.named(http.issuer());
            http.publishKeys(keys.jwksJson());
            try (JwtVerifier verifier = JwtVerifier.builder().issuer(http.issuer()).audience(TestIssuer.AUDIENCE).build()) {
                JwtAuthenticationProvider provider = new JwtAuthenticationProvider(new SigilJwtDecoder(verifier));

                Authentication first = authenticate(provider, keys.token(c -> c.claim("scope", "read")));
                JwtAuthenticationToken jwt = assertInstanceOf(JwtAuthenticationToken.class, first);
                assertEquals("alice", jwt.getName());
                // Spring 7 adds a FACTOR_BEARER authority beside the scopes, in no fixed order.
                assertTrue(jwt.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("SCOPE_read")),
                        String.valueOf(jwt.getAuthorities()));
                assertEquals(1, http.discoveryRequests());
                assertEquals(1, http.jwksRequests());

                http.failJwks(500, Map.of());
                assertEquals("alice", authenticate(provider, keys.token()).getName());

                // A forged token is still a 401, not a server error, while the issuer is down.
                String forged = TestIssuer.named(http.issuer()).token();
                InvalidBearerTokenException refused = assertThrows(InvalidBearerTokenException.class,
                        () -> authenticate(provider, forged));
                assertEquals("invalid signature", refused.getError().getDescription());
            }
        }
    }

    @Test
    void anIssuerDownWithNoKeysCachedIsAServerErrorNotA401() {
        try (FakeIssuer http = FakeIssuer.start()) {
            http.failJwks(500, Map.of());
            try (JwtVerifier verifier = JwtVerifier.builder().issuer(http.issuer()).audience(TestIssuer.AUDIENCE).build()) {
                JwtAuthenticationProvider provider = new JwtAuthenticationProvider(new SigilJwtDecoder(verifier));
                AuthenticationServiceException failure = assertThrows(AuthenticationServiceException.class,
                        () -> authenticate(provider, TestIssuer.named(http.issuer()).token()));
                assertSame(AuthenticationServiceException.class, failure.getClass());
                assertEquals("signing keys unavailable", failure.getMessage());
            }
        }
    }
}
