package dev.sigil.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The hop rule, where it is written: every redirect target is judged by the URI it leaves and the
 * one it goes to. The whole chain, over real transports and servers, is in the integration tests.
 */
class RemoteGetTest {

    private static String refusal(String from, String to) {
        return RemoteGet.hopRefusal(URI.create(from), URI.create(to));
    }

    @Test
    void httpsMayGoAnywhereOverHttps() {
        assertNull(refusal("https://issuer.example/keys", "https://cdn.example/keys"));
        assertNull(refusal("https://issuer.example/keys", "https://127.0.0.1/keys"));
    }

    @Test
    void neverFromHttpsToHttpLoopbackIncluded() {
        assertEquals("never from https to http", refusal("https://issuer.example/keys", "http://issuer.example/keys"));
        assertEquals("never from https to http", refusal("https://127.0.0.1/keys", "http://127.0.0.1/keys"));
        assertEquals("never from https to http", refusal("HTTPS://localhost/keys", "HTTP://localhost/keys"));
    }

    @Test
    void plainHttpOnlyBetweenLoopbackHosts() {
        assertNull(refusal("http://127.0.0.1:8080/keys", "http://localhost:9090/keys"));
        assertNull(refusal("http://[::1]/keys", "http://127.0.0.2/keys"));
        assertNull(refusal("http://127.0.0.1/keys", "https://issuer.example/keys"));
        String rule = "plain http is allowed between loopback hosts only";
        assertEquals(rule, refusal("http://127.0.0.1/keys", "http://issuer.example/keys"));
        assertEquals(rule, refusal("http://127.0.0.1/keys", "http://10.0.0.1/keys"));
        assertEquals(rule, refusal("http://127.0.0.1/keys", "http://127.0.0.1.evil.example/keys"));
        assertEquals(rule, refusal("http://localhost/keys", "http://localhost.evil.example/keys"));
    }

    @Test
    void onlyHttpAndHttpsTargetsWithAHostAndNoUserInfo() {
        String scheme = "not an http or https uri";
        assertEquals(scheme, refusal("http://127.0.0.1/keys", "ftp://127.0.0.1/keys"));
        assertEquals(scheme, refusal("https://issuer.example/keys", "file:///etc/passwd"));
        assertEquals(scheme, refusal("https://issuer.example/keys", "jar:file:/x.jar!/keys"));
        assertEquals(scheme, refusal("https://issuer.example/keys", "https:///keys"));
        assertEquals("the target carries user info", refusal("https://issuer.example/keys", "https://u:p@cdn.example/keys"));
    }
}
