package dev.sigil.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.sigil.jwk.JwksCachePolicy;
import dev.sigil.jwk.JwksStats;
import dev.sigil.spi.JwtConfigurationException;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.VerifiedJwt;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an issuer's documentation asks of a verifier, against a real (WireMock) issuer: discovery,
 * the signing-key filter, selection by kid, x5c keys, caching, rotation.
 */
class RemoteKeysTest extends IssuerScenario {


    @TempDir
    static Path keys;
    private static IssuerKey auth0Key;
    private static IssuerKey auth0NextKey;

    @BeforeAll
    static void makeCertificates() throws Exception {
        auth0Key = IssuerKey.withCertificate("auth0-key-1", keys);
        auth0NextKey = IssuerKey.withCertificate("auth0-key-2", keys);
    }

    @Test
    void verifiesTokensOfAnAuth0ShapedIssuerFoundByDiscovery() throws Exception {
        issuer.publishKeys(IssuerKey.jwks(auth0Key, auth0NextKey));
        try (JwtVerifier verifier = builder().build()) {
            VerifiedJwt jwt = verifier.verify(auth0Key.mint(issuer.issuer(), START));
            assertEquals("auth0|5f7c8ec7c33c6c004bbafe82", jwt.claims().subject().orElseThrow());
            verifier.verify(auth0NextKey.mint(issuer.issuer(), START));
            verifier.verify(auth0Key.mint(issuer.issuer(), START));
            assertEquals(1, issuer.discoveryRequests());
            assertEquals(1, issuer.jwksRequests());
            assertEquals(List.of("fetched /.well-known/openid-configuration 200", "fetched /.well-known/jwks.json 200",
                    "changed +[auth0-key-1, auth0-key-2] -[]", "loaded 2"), listener.events);
            JwksStats stats = verifier.stats().orElseThrow();
            assertEquals(1, stats.fetches());
            assertEquals(2, stats.keys());
            assertEquals(START.plus(Duration.ofMinutes(10)), stats.expiresAt());
        }
    }

    @Test
    void jwksUriSkipsDiscovery() throws Exception {
        issuer.publishKeys(IssuerKey.jwks(auth0Key));
        try (JwtVerifier verifier = builder().jwksUri(issuer.jwksUri()).build()) {
            verifier.verify(auth0Key.mint(issuer.issuer(), START));
        }
        assertEquals(0, issuer.discoveryRequests());
        assertEquals(1, issuer.jwksRequests());
    }

    @Test
    void fallsBackToTheRfc8414DocumentWhenOpenIdDiscoveryIsMissing() throws Exception {
        // The JDK's own server, with only the RFC 8414 document: the OIDC one answers 404.
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String tenantIssuer = base + "/tenant";
        serve(server, "/.well-known/oauth-authorization-server/tenant",
                "{\"issuer\":\"" + tenantIssuer + "\",\"jwks_uri\":\"" + base + "/keys\"}");
        serve(server, "/keys", IssuerKey.jwks(auth0Key));
        server.start();
        try (JwtVerifier verifier = JwtVerifier.builder().issuer(tenantIssuer).audience(IssuerKey.AUDIENCE).clock(clock)
                .listener(listener).build()) {
            verifier.verify(auth0Key.mint(tenantIssuer, START));
            // The OpenID document's 404 is not a failure when the RFC 8414 one answers.
            assertEquals(List.of("fetched /.well-known/oauth-authorization-server/tenant 200", "fetched /keys 200",
                    "changed +[auth0-key-1] -[]", "loaded 1"), listener.events);
        } finally {
            server.stop(0);
        }
    }

    private static void serve(HttpServer server, String path, String json) {
        server.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            if (!exchange.getRequestURI().getPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    @Test
    void honoursCacheControlAndRevalidatesWithTheEtag() throws Exception {
        issuer.publishKeys(IssuerKey.jwks(auth0Key), Map.of("Cache-Control", "public, max-age=120", "ETag", "\"v1\""));
        ManualExecutor executor = new ManualExecutor();
        try (JwtVerifier verifier = builder().jwksUri(issuer.jwksUri()).executor(executor).build()) {
            String token = auth0Key.mint(issuer.issuer(), START);
            verifier.verify(token);
            assertEquals(START.plusSeconds(120), verifier.stats().orElseThrow().expiresAt());
            clock.advance(Duration.ofSeconds(89));
            verifier.verify(token);
            assertEquals(0, executor.pending(), "fresh, and not yet within refresh-ahead");
            clock.advance(Duration.ofSeconds(30));
            verifier.verify(token);
            assertEquals(1, executor.pending());
            executor.runAll();
            assertEquals(2, issuer.jwksRequests());
            assertEquals("\"v1\"", issuer.lastJwksRequestHeader("If-None-Match").orElseThrow());
            JwksStats stats = verifier.stats().orElseThrow();
            assertEquals(1, stats.notModified());
            assertEquals(START.plusSeconds(119 + 120), stats.expiresAt());
            verifier.verify(token);
            assertEquals(1, listener.count("loaded"), "a 304 keeps the imported keys");
        }
    }

    @Test
    void aKeyAddedByRotationVerifiesAfterExactlyOneFetch() throws Exception {
        issuer.publishKeys(IssuerKey.jwks(auth0Key));
        try (JwtVerifier verifier = builder().build()) {
            verifier.verify(auth0Key.mint(issuer.issuer(), START));
            issuer.publishKeys(IssuerKey.jwks(auth0Key, auth0NextKey));
            issuer.resetCounts();
            verifier.verify(auth0NextKey.mint(issuer.issuer(), START));
            verifier.verify(auth0NextKey.mint(issuer.issuer(), START));
            assertEquals(1, issuer.jwksRequests());
            assertEquals(0, issuer.discoveryRequests(), "the jwks_uri is remembered");
            assertTrue(listener.events.contains("changed +[auth0-key-2] -[]"), listener.events.toString());
        }
    }

    @Test
    void aKeyReplacedUnderTheSameKidVerifiesAfterOneRefreshCausedByTheFailedSignature() throws Exception {
        IssuerKey original = IssuerKey.plain("same-kid");
        IssuerKey replacement = IssuerKey.plain("same-kid");
        issuer.publishKeys(IssuerKey.jwks(original));
        try (JwtVerifier verifier = builder().build()) {
            verifier.verify(original.mint(issuer.issuer(), START));
            issuer.publishKeys(IssuerKey.jwks(replacement));
            issuer.resetCounts();
            verifier.verify(replacement.mint(issuer.issuer(), START));
            assertEquals(1, issuer.jwksRequests(), "the failed signature refreshed once, and the retry passed");
            assertEquals(Reason.INVALID_SIGNATURE, refusal(verifier, original.mint(issuer.issuer(), START)));
            assertEquals(1, issuer.jwksRequests(), "within the cooldown, no second refresh");
        }
    }

    @Test
    void theReadmeAuth0QuickstartWorksAgainstAnIssuer() throws Exception {
        issuer.publishKeys(IssuerKey.jwks(auth0Key));
        String token = auth0Key.mint(issuer.issuer(), Instant.now());
        String yourTenant = issuer.issuer();
        // --- README.md, "Quickstart (Auth0, or any OpenID Connect issuer)", with the tenant replaced ---
        JwtVerifier verifier = JwtVerifier.builder()
            .issuer(yourTenant)                         // discovery: {issuer}/.well-known/openid-configuration
            .audience("https://api.example.com")        // your API's identifier in Auth0
            .build();                                   // one per issuer, shared by all threads

        verifier.prefetch();                            // optional: fetch the keys at start-up, fail fast

        VerifiedJwt jwt = verifier.verify(token);       // throws JwtVerificationException
        String subject = jwt.claims().subject().orElseThrow();
        // --- end of the README snippet ---
        assertEquals("auth0|5f7c8ec7c33c6c004bbafe82", subject);
        verifier.close();
    }

    @Test
    void aRemovedKeyStopsVerifyingOnceTheCacheRefreshes() throws Exception {
        issuer.publishKeys(IssuerKey.jwks(auth0Key, auth0NextKey));
        try (JwtVerifier verifier = builder().build()) {
            String old = auth0Key.mint(issuer.issuer(), START);
            verifier.verify(old);
            issuer.publishKeys(IssuerKey.jwks(auth0NextKey));
            verifier.verify(old);
            clock.advance(Duration.ofMinutes(10));
            assertEquals(Reason.KEY_NOT_FOUND, refusal(verifier, old));
            assertTrue(listener.events.contains("changed +[] -[auth0-key-1]"), listener.events.toString());
            verifier.verify(auth0NextKey.mint(issuer.issuer(), clock.instant()));
        }
    }

    @Test
    void refreshesAheadOfExpiryInTheBackground() throws Exception {
        issuer.publishKeys(IssuerKey.jwks(auth0Key));
        ManualExecutor executor = new ManualExecutor();
        try (JwtVerifier verifier = builder().jwksUri(issuer.jwksUri()).executor(executor).build()) {
            String token = auth0Key.mint(issuer.issuer(), START);
            verifier.verify(token);
            clock.advance(Duration.ofMinutes(9).plusSeconds(29));
            verifier.verify(token);
            assertEquals(0, executor.pending(), "not yet within refresh-ahead");
            clock.advance(Duration.ofSeconds(2));
            issuer.publishKeys(IssuerKey.jwks(auth0Key, auth0NextKey));
            verifier.verify(token);
            verifier.verify(token);
            assertEquals(1, executor.pending(), "one background refresh, however many requests");
            assertEquals(1, issuer.jwksRequests(), "the caller did not wait for it");
            executor.runAll();
            assertEquals(2, issuer.jwksRequests());
            verifier.verify(auth0NextKey.mint(issuer.issuer(), clock.instant()));
            assertEquals(2, issuer.jwksRequests(), "the refreshed set already held the new key");
        }
    }

    @Test
    void refusesADiscoveryDocumentForAnotherIssuerAndKeepsTheKeysItHolds() throws Exception {
        issuer.publishKeys(IssuerKey.jwks(auth0Key));
        try (JwtVerifier verifier = builder().build()) {
            String token = auth0Key.mint(issuer.issuer(), START);
            verifier.verify(token);
        }
        issuer.setDiscoveryDocument("{\"issuer\":\"https://evil.example/\",\"jwks_uri\":\"" + issuer.jwksUri() + "\"}");
        try (JwtVerifier verifier = builder().build()) {
            JwtVerificationException e = assertThrows(JwtVerificationException.class, verifier::prefetch);
            assertTrue(e.getMessage().contains("names issuer 'https://evil.example/', not the configured '"
                    + issuer.issuer() + "'"), e.getMessage());
        }
    }

    @Test
    void refusesAPlainHttpJwksUriOnAnotherHost() {
        issuer.setDiscoveryDocument("{\"issuer\":\"" + issuer.issuer() + "\",\"jwks_uri\":\"http://keys.example/jwks\"}");
        try (JwtVerifier verifier = builder().build()) {
            JwtVerificationException e = assertThrows(JwtVerificationException.class, verifier::prefetch);
            assertTrue(e.getMessage().contains("must use https"), e.getMessage());
        }
        JwtConfigurationException config = assertThrows(JwtConfigurationException.class,
                () -> builder().jwksUri(URI.create("http://keys.example/jwks")).build());
        assertTrue(config.getMessage().contains("must use https"), config.getMessage());
        assertThrows(JwtConfigurationException.class,
                () -> JwtVerifier.builder().issuer("http://issuer.example/").audience("a").build());
    }

    @Test
    void anOversizedOrMalformedSetIsRefusedAndTheKeysHeldAreKept() throws Exception {
        issuer.publishKeys(IssuerKey.jwks(auth0Key));
        JwksCachePolicy policy = JwksCachePolicy.builder().maxBodyBytes(8 * 1024).build();
        try (JwtVerifier verifier = builder().jwksUri(issuer.jwksUri()).cachePolicy(policy).build()) {
            String token = auth0Key.mint(issuer.issuer(), START);
            verifier.verify(token);

            issuer.publishKeys("{\"keys\":[" + "{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"},".repeat(400) + "{}]}");
            clock.advance(Duration.ofMinutes(11));
            verifier.verify(token);
            assertTrue(listener.events.stream().anyMatch(e -> e.startsWith("failed /.well-known/jwks.json")
                    && e.contains("exceeds the limit of 8192 bytes")), listener.events.toString());

            issuer.publishKeys("{\"keys\":[{\"kty\":\"RSA\"}");
            clock.advance(Duration.ofMinutes(1));
            verifier.verify(token);
            assertTrue(listener.events.stream().anyMatch(e -> e.contains("malformed key set")), listener.events.toString());
            assertTrue(listener.count("stale") >= 2, listener.events.toString());
        }
    }

    @Test
    void aSetWithMoreKeysThanThePolicyAllowsIsRefusedWhole() throws Exception {
        issuer.publishKeys(IssuerKey.jwks(auth0Key));
        JwksCachePolicy policy = JwksCachePolicy.builder().maxKeys(2).build();
        try (JwtVerifier verifier = builder().jwksUri(issuer.jwksUri()).cachePolicy(policy).build()) {
            String token = auth0Key.mint(issuer.issuer(), START);
            verifier.verify(token);
            issuer.publishKeys(IssuerKey.jwks(auth0Key, auth0NextKey, IssuerKey.plain("third")));
            clock.advance(Duration.ofMinutes(11));
            verifier.verify(token);
            assertTrue(listener.events.stream().anyMatch(e -> e.endsWith("holds 3 keys, more than the limit of 2")),
                    listener.events.toString());
            assertEquals(Reason.KEY_NOT_FOUND, refusal(verifier, auth0NextKey.mint(issuer.issuer(), clock.instant())));
        }
    }

    @Test
    void aFutureKeyTypeOrABrokenPostQuantumKeyIsSkippedAndReportedNeverFatal() throws Exception {
        String future = "{\"kty\":\"SLH\",\"kid\":\"future-1\",\"alg\":\"SLH-DSA-128s\",\"pub\":\"AAAA\"}";
        String broken = "{\"kty\":\"AKP\",\"kid\":\"pq-1\",\"alg\":\"ML-DSA-65\",\"pub\":\"AAAA\"}";
        issuer.publishKeys("{\"keys\":[" + future + "," + broken + "," + auth0Key.publicJwk() + "]}");
        try (JwtVerifier verifier = builder().build()) {
            verifier.verify(auth0Key.mint(issuer.issuer(), START));
        }
        assertTrue(listener.events.contains("dropped key #0 'future-1': unsupported key type 'SLH'"),
                listener.events.toString());
        assertTrue(listener.events.contains("dropped key #1 'pq-1': 'pub' must be 1952 bytes for ML-DSA-65, got 3"),
                listener.events.toString());
    }
}
