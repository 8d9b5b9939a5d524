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
                RemoteGet.openIdConfiguration("https://tenant.eu.auth0.com/"));
        assertEquals(URI.create("https://kc.example/realms/main/.well-known/openid-configuration"),
                RemoteGet.openIdConfiguration("https://kc.example/realms/main"));
    }

    @Test
    void insertsTheRfc8414SegmentBeforeTheIssuerPath() {
        assertEquals(URI.create("https://as.example/.well-known/oauth-authorization-server/tenant/1"),
                RemoteGet.oauthAuthorizationServer("https://as.example/tenant/1/"));
        assertEquals(URI.create("https://as.example/.well-known/oauth-authorization-server"),
                RemoteGet.oauthAuthorizationServer("https://as.example"));
        assertEquals(URI.create("http://127.0.0.1:8080/.well-known/oauth-authorization-server"),
                RemoteGet.oauthAuthorizationServer("http://127.0.0.1:8080/"));
    }

    @Test
    void allowsHttpsAndLoopbackHttpOnly() {
        assertNull(RemoteGet.refusal(URI.create("https://issuer.example/keys")));
        assertNull(RemoteGet.refusal(URI.create("http://127.0.0.1:1234/keys")));
        assertNull(RemoteGet.refusal(URI.create("http://localhost/keys")));
        assertNull(RemoteGet.refusal(URI.create("http://[::1]:8080/keys")));
        assertNotNull(RemoteGet.refusal(URI.create("http://issuer.example/keys")));
        assertNotNull(RemoteGet.refusal(URI.create("http://127.0.0.1.evil.example/keys")));
        assertNotNull(RemoteGet.refusal(URI.create("http://10.0.0.1/keys")));
        assertNotNull(RemoteGet.refusal(URI.create("ftp://issuer.example/keys")));
        assertNotNull(RemoteGet.refusal(URI.create("/keys")));
        assertNotNull(RemoteGet.refusal(URI.create("https://user:pw@issuer.example/keys")));
        assertNotNull(RemoteGet.refusal(URI.create("https://issuer.example/keys#frag")));
    }

    @Test
    void recognisesLoopbackLiteralsWithoutResolvingNames() {
        assertTrue(RemoteGet.isLoopback("127.255.0.1"));
        assertFalse(RemoteGet.isLoopback("127.0.0.256"));
        assertFalse(RemoteGet.isLoopback("127.0.0"));
        assertFalse(RemoteGet.isLoopback("localhost.example"));
    }

    @Test
    void anHttpsIssuersJwksUriMayNotBePlainHttpNotEvenOnLoopback() {
        assertNull(RemoteGet.jwksRefusal("https://issuer.example/", URI.create("https://keys.example/jwks")));
        assertNull(RemoteGet.jwksRefusal("http://127.0.0.1:8080/", URI.create("http://127.0.0.1:8080/jwks")));
        assertNull(RemoteGet.jwksRefusal("http://127.0.0.1:8080/", URI.create("https://keys.example/jwks")));
        assertEquals("http://127.0.0.1:8080/jwks is plain http under the https issuer https://issuer.example/"
                + " (refused, loopback included)",
                RemoteGet.jwksRefusal("https://issuer.example/", URI.create("http://127.0.0.1:8080/jwks")));
        assertNotNull(RemoteGet.jwksRefusal("HTTPS://issuer.example/", URI.create("HTTP://localhost/jwks")));
        assertNotNull(RemoteGet.jwksRefusal("http://127.0.0.1/", URI.create("http://keys.example/jwks")));
    }

    @Test
    void refusalsShowTheUriPrintably() {
        String refusal = RemoteGet.refusal(URI.create("http://keys.example/\u202ejwks"));
        assertEquals("'http://keys.example/\\u202ejwks' must use https (plain http is allowed for loopback hosts only)",
                refusal);
    }
}
