package dev.sigil.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sigil.jwk.DroppedKey;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksListener;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.MultiIssuerVerifier;
import dev.sigil.testkit.RealIssuers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 19: each real provider's discovery document, served on 127.0.0.1 with its {@code issuer}
 * and {@code jwks_uri} moved there (path kept, every other member as the provider serves it), is
 * accepted by discovery and its key set loaded. Entra ID's {@code common} and {@code organizations}
 * documents name the template issuer {@code .../{tenantid}/v2.0}: a multi-issuer verifier's tenant
 * template accepts them, and one verifier of the endpoint is told why it cannot.
 */
class RealIssuerDiscoveryTest {

    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    private static final String AUDIENCE = "api://sigil-tests";
    private static final String TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
    private static final String KEYS_PATH = "/keys";

    private HttpServer server;
    private volatile String document = "{}";
    private volatile String jwks = "{\"keys\":[]}";
    /** Paths asked for, with how often. */
    private final Map<String, Integer> requests = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.merge(path, 1, Integer::sum);
        String body = path.endsWith("/.well-known/openid-configuration") ? document : path.equals(KEYS_PATH) ? jwks : null;
        byte[] bytes = (body == null ? "not found" : body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The provider's issuer on this server: its path kept, its scheme and host replaced. */
    private String loopback(String issuer) {
        URI uri = URI.create(issuer.replace("{tenantid}", "TENANTID"));
        return (base() + (uri.getRawPath() == null ? "" : uri.getRawPath())).replace("TENANTID", "{tenantid}");
    }

    /** Serves {@code name}'s document, its issuer and jwks_uri moved here; returns the moved issuer. */
    private String serve(String name, String keys) {
        String issuer = loopback(RealIssuers.issuer(name));
        document = RealIssuers.metadataMovedTo(name, issuer, URI.create(base() + KEYS_PATH));
        jwks = keys;
        // Dynamic tests share one server: each counts its own requests.
        requests.clear();
        return issuer;
    }

    @TestFactory
    Stream<DynamicTest> eachProvidersDiscoveryDocumentMovedToLoopbackIsAccepted() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : RealIssuers.NAMES) {
            if (name.startsWith("entra-")) {
                continue; // a template issuer: below
            }
            tests.add(DynamicTest.dynamicTest(name, () -> {
                String issuer = serve(name, new String(RealIssuers.jwks(name), StandardCharsets.UTF_8));
                List<String> dropped = new ArrayList<>();
                int[] loaded = {-1};
                JwksListener listener = new JwksListener() {
                    @Override
                    public void keyDropped(DroppedKey key) {
                        dropped.add(key.reason());
                    }

                    @Override
                    public void keysLoaded(int usableKeys) {
                        loaded[0] = usableKeys;
                    }
                };
                try (JwtVerifier verifier = JwtVerifier.builder().issuer(issuer).audience(AUDIENCE).listener(listener).build()) {
                    verifier.prefetch();
                    assertEquals(0, verifier.stats().orElseThrow().fetchFailures());
                }
                int published = JwkSet.parse(RealIssuers.jwks(name)).keys().size();
                assertEquals(published - dropped.size(), loaded[0], () -> "dropped: " + dropped);
                assertTrue(loaded[0] >= 1, "a provider has a usable key");
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> entraIdsMultiTenantDocumentsAreAcceptedThroughATenantTemplate() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : List.of("entra-common", "entra-organizations")) {
            tests.add(DynamicTest.dynamicTest(name, () -> {
                RSAKey tenantKey = new RSAKeyGenerator(2048).keyID("tenant-signing-key").generate();
                String published = new String(RealIssuers.jwks(name), StandardCharsets.UTF_8);
                int end = published.lastIndexOf(']');
                // Entra ID's own keys, and one whose private half this test holds, so that a token verifies.
                String template = serve(name, published.substring(0, end) + "," + tenantKey.toPublicJWK().toJSONString()
                        + published.substring(end));
                assertEquals(base() + "/{tenantid}/v2.0", template);
                try (MultiIssuerVerifier verifier = MultiIssuerVerifier.builder().audience(AUDIENCE)
                        .defaults(b -> b.clock(Clock.fixed(START, ZoneOffset.UTC)))
                        .issuerTemplate(template, "tid", List.of(TENANT)).build()) {
                    String iss = base() + "/" + TENANT + "/v2.0";
                    assertEquals(iss, verifier.verify(mint(tenantKey, iss, TENANT)).claims().issuer().orElseThrow());
                }
                assertEquals(Integer.valueOf(1), requests.get("/" + TENANT + "/v2.0/.well-known/openid-configuration"));
                assertEquals(Integer.valueOf(1), requests.get(KEYS_PATH));
            }));
        }
        return tests.stream();
    }

    @Test
    void oneVerifierOfTheMultiTenantEndpointIsToldWhyDiscoveryRefusesItsDocument() {
        serve("entra-common", new String(RealIssuers.jwks("entra-common"), StandardCharsets.UTF_8));
        String endpoint = base() + "/common/v2.0";
        try (JwtVerifier verifier = JwtVerifier.builder().issuer(endpoint).audience(AUDIENCE).build()) {
            JwtVerificationException e = assertThrows(JwtVerificationException.class, verifier::prefetch);
            assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
            assertTrue(e.getMessage().contains("names the template issuer '" + base() + "/{tenantid}/v2.0', not the configured '"
                    + endpoint + "' (a multi-tenant document, such as Entra ID's common, organizations and consumers publish:"
                    + " give the template to MultiIssuerVerifier.Builder.issuerTemplate(..), or configure one tenant's own"
                    + " issuer)"), e.getMessage());
        }
        assertEquals(null, requests.get(KEYS_PATH), "the key set of a refused document is never fetched");
    }

    @Test
    void aTenantTemplateStillRefusesADocumentNamingAnotherTemplate() throws Exception {
        serve("entra-common", new String(RealIssuers.jwks("entra-common"), StandardCharsets.UTF_8));
        document = document.replace("/{tenantid}/v2.0", "/{tenantid}/v1.0");
        RSAKey tenantKey = new RSAKeyGenerator(2048).keyID("k").generate();
        try (MultiIssuerVerifier verifier = MultiIssuerVerifier.builder().audience(AUDIENCE)
                .defaults(b -> b.clock(Clock.fixed(START, ZoneOffset.UTC)))
                .issuerTemplate(base() + "/{tenantid}/v2.0", "tid", List.of(TENANT)).build()) {
            JwtVerificationException e = assertThrows(JwtVerificationException.class,
                    () -> verifier.verify(mint(tenantKey, base() + "/" + TENANT + "/v2.0", TENANT)));
            assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
        }
    }

    private static String mint(RSAKey key, String issuer, String tenant) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE).subject("user").claim("tid", tenant)
                .issueTime(Date.from(START)).expirationTime(Date.from(START.plusSeconds(3600))).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
