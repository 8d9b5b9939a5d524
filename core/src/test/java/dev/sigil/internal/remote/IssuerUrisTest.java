package dev.sigil.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class IssuerUrisTest {

    @Test
    void appendsTheOpenIdConfigurationPathAfterRemovingTheTrailingSlash() {
        assertEquals(URI.create("https://tenant.eu.auth0.com/.well-known/openid-configuration"),
                IssuerUris.openIdConfiguration("https://tenant.eu.auth0.com/"));
        assertEquals(URI.create("https://kc.example/realms/main/.well-known/openid-configuration"),
                IssuerUris.openIdConfiguration("https://kc.example/realms/main"));
    }

    @Test
    void insertsTheRfc8414SegmentBeforeTheIssuerPath() {
        assertEquals(URI.create("https://as.example/.well-known/oauth-authorization-server/tenant/1"),
                IssuerUris.oauthAuthorizationServer("https://as.example/tenant/1/"));
        assertEquals(URI.create("https://as.example/.well-known/oauth-authorization-server"),
                IssuerUris.oauthAuthorizationServer("https://as.example"));
        assertEquals(URI.create("http://127.0.0.1:8080/.well-known/oauth-authorization-server"),
                IssuerUris.oauthAuthorizationServer("http://127.0.0.1:8080/"));
    }

    @Test
    void allowsHttpsAndLoopbackHttpOnly() {
        assertNull(IssuerUris.refusal(URI.create("https://issuer.example/keys")));
        assertNull(IssuerUris.refusal(URI.create("http://127.0.0.1:1234/keys")));
        assertNull(IssuerUris.refusal(URI.create("http://localhost/keys")));
        assertNull(IssuerUris.refusal(URI.create("http://[::1]:8080/keys")));
        assertNotNull(IssuerUris.refusal(URI.create("http://issuer.example/keys")));
        assertNotNull(IssuerUris.refusal(URI.create("http://127.0.0.1.evil.example/keys")));
        assertNotNull(IssuerUris.refusal(URI.create("http://10.0.0.1/keys")));
        assertNotNull(IssuerUris.refusal(URI.create("ftp://issuer.example/keys")));
        assertNotNull(IssuerUris.refusal(URI.create("/keys")));
        assertNotNull(IssuerUris.refusal(URI.create("https://user:pw@issuer.example/keys")));
        assertNotNull(IssuerUris.refusal(URI.create("https://issuer.example/keys#frag")));
    }

    @Test
    void recognisesLoopbackLiteralsWithoutResolvingNames() {
        assertTrue(IssuerUris.isLoopback("127.255.0.1"));
        assertFalse(IssuerUris.isLoopback("127.0.0.256"));
        assertFalse(IssuerUris.isLoopback("127.0.0"));
        assertFalse(IssuerUris.isLoopback("localhost.example"));
    }

    @Test
    void anHttpsIssuersJwksUriMayNotBePlainHttpNotEvenOnLoopback() {
        assertNull(IssuerUris.jwksRefusal("https://issuer.example/", URI.create("https://keys.example/jwks")));
        assertNull(IssuerUris.jwksRefusal("http://127.0.0.1:8080/", URI.create("http://127.0.0.1:8080/jwks")));
        assertNull(IssuerUris.jwksRefusal("http://127.0.0.1:8080/", URI.create("https://keys.example/jwks")));
        assertEquals("http://127.0.0.1:8080/jwks is plain http under the https issuer https://issuer.example/"
                + " (refused, loopback included)",
                IssuerUris.jwksRefusal("https://issuer.example/", URI.create("http://127.0.0.1:8080/jwks")));
        assertNotNull(IssuerUris.jwksRefusal("HTTPS://issuer.example/", URI.create("HTTP://localhost/jwks")));
        assertNotNull(IssuerUris.jwksRefusal("http://127.0.0.1/", URI.create("http://keys.example/jwks")));
    }

    @Test
    void refusalsShowTheUriPrintably() {
        String refusal = IssuerUris.refusal(URI.create("http://keys.example/\u202ejwks"));
        assertEquals("'http://keys.example/\\u202ejwks' must use https (plain http is allowed for loopback hosts only)",
                refusal);
    }
}
