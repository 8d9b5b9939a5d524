package dev.sigil.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checks the fake issuer with the JDK's own client, independent of Sigil's transports. */
class FakeIssuerTest {

    private static final String KEYS = "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k1\","
            + "\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}]}";

    private final FakeIssuer issuer = FakeIssuer.start();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stop() {
        issuer.close();
    }

    @Test
    void issuerIsALoopbackHttpUrlWithATrailingSlash() {
        assertTrue(issuer.issuer().matches("http://127\\.0\\.0\\.1:\\d+/"), issuer.issuer());
        assertEquals(URI.create(issuer.issuer() + ".well-known/openid-configuration"), issuer.discoveryUri());
        assertEquals(URI.create(issuer.issuer() + ".well-known/jwks.json"), issuer.jwksUri());
    }

    @Test
    void discoveryDocumentNamesTheIssuerAndTheJwksUriExactly() throws Exception {
        HttpResponse<String> response = send(issuer.discoveryUri(), Map.of());

        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
        assertTrue(response.body().contains("\"issuer\":\"" + issuer.issuer() + "\""), response.body());
        assertTrue(response.body().contains("\"jwks_uri\":\"" + issuer.jwksUri() + "\""), response.body());
        assertEquals(1, issuer.discoveryRequests());
        assertEquals(0, issuer.jwksRequests());
    }

    @Test
    void replacedDiscoveryDocumentIsServedAsGiven() throws Exception {
        issuer.setDiscoveryDocument("{\"issuer\":\"https://evil.example/\"}");

        assertEquals("{\"issuer\":\"https://evil.example/\"}", send(issuer.discoveryUri(), Map.of()).body());
    }

    @Test
    void keySetIsEmptyUntilKeysArePublished() throws Exception {
        assertEquals("{\"keys\":[]}", send(issuer.jwksUri(), Map.of()).body());

        issuer.publishKeys(KEYS);
        HttpResponse<String> response = send(issuer.jwksUri(), Map.of());

        assertEquals(200, response.statusCode());
        assertEquals(KEYS, response.body());
        assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
        assertEquals(2, issuer.jwksRequests());
    }

    @Test
    void publishedResponseHeadersAreServed() throws Exception {
        issuer.publishKeys(KEYS, Map.of("Cache-Control", "max-age=60", "ETag", "\"v1\""));

        HttpResponse<String> response = send(issuer.jwksUri(), Map.of());

        assertEquals(Optional.of("max-age=60"), response.headers().firstValue("Cache-Control"));
        assertEquals(Optional.of("\"v1\""), response.headers().firstValue("ETag"));
    }

    @Test
    void matchingIfNoneMatchGetsNotModifiedAndAStaleOneGetsTheKeys() throws Exception {
        issuer.publishKeys(KEYS, Map.of("ETag", "\"v2\"", "Cache-Control", "max-age=60"));

        HttpResponse<String> notModified = send(issuer.jwksUri(), Map.of("If-None-Match", "\"v2\""));
        HttpResponse<String> changed = send(issuer.jwksUri(), Map.of("If-None-Match", "\"v1\""));

        assertEquals(304, notModified.statusCode());
        assertEquals("", notModified.body());
        assertEquals(Optional.of("\"v2\""), notModified.headers().firstValue("ETag"));
        assertEquals(Optional.of("max-age=60"), notModified.headers().firstValue("Cache-Control"));
        assertEquals(200, changed.statusCode());
        assertEquals(KEYS, changed.body());
        assertEquals(Optional.of("\"v1\""), issuer.lastJwksRequestHeader("If-None-Match"));
    }

    @Test
    void matchingIfModifiedSinceGetsNotModified() throws Exception {
        String lastModified = "Wed, 21 Oct 2015 07:28:00 GMT";
        issuer.publishKeys(KEYS, Map.of("Last-Modified", lastModified));

        assertEquals(304, send(issuer.jwksUri(), Map.of("If-Modified-Since", lastModified)).statusCode());
        assertEquals(200, send(issuer.jwksUri(), Map.of()).statusCode());
    }

    @Test
    void republishingWithoutAnETagStopsAnsweringNotModified() throws Exception {
        issuer.publishKeys(KEYS, Map.of("ETag", "\"v1\""));
        issuer.publishKeys("{\"keys\":[]}");

        HttpResponse<String> response = send(issuer.jwksUri(), Map.of("If-None-Match", "\"v1\""));

        assertEquals(200, response.statusCode());
        assertEquals("{\"keys\":[]}", response.body());
    }

    @Test
    void failedKeySetAnswersWithTheStatusAndHeadersUntilKeysArePublishedAgain() throws Exception {
        issuer.publishKeys(KEYS, Map.of("ETag", "\"v1\""));
        issuer.failJwks(503, Map.of("Retry-After", "7"));

        HttpResponse<String> failed = send(issuer.jwksUri(), Map.of("If-None-Match", "\"v1\""));
        assertEquals(503, failed.statusCode());
        assertEquals(Optional.of("7"), failed.headers().firstValue("Retry-After"));

        issuer.publishKeys(KEYS);
        assertEquals(200, send(issuer.jwksUri(), Map.of()).statusCode());
    }

    @Test
    void eachFailureBreaksTheExchange() {
        for (FakeIssuer.Failure failure : new FakeIssuer.Failure[] {
                FakeIssuer.Failure.CONNECTION_RESET, FakeIssuer.Failure.EMPTY_RESPONSE, FakeIssuer.Failure.MALFORMED_RESPONSE}) {
            issuer.failJwks(failure);

            assertThrows(IOException.class, () -> send(issuer.jwksUri(), Map.of()), failure.name());
        }
    }

    @Test
    void hangingKeySetOutlastsTheClientTimeoutAndCloseDoesNotWaitForIt() {
        issuer.failJwks(FakeIssuer.Failure.HANG);
        HttpRequest request = HttpRequest.newBuilder(issuer.jwksUri()).timeout(Duration.ofMillis(300)).build();

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThrows(HttpTimeoutException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofString()));
            issuer.close();
        });
    }

    @Test
    void delayedKeySetIsLateByAtLeastTheDelay() {
        issuer.publishKeys(KEYS);
        issuer.delayJwks(Duration.ofSeconds(5));
        HttpRequest request = HttpRequest.newBuilder(issuer.jwksUri()).timeout(Duration.ofMillis(300)).build();

        assertThrows(HttpTimeoutException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofString()));

        issuer.delayJwks(Duration.ZERO);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertEquals(KEYS, send(issuer.jwksUri(), Map.of()).body()));
    }

    @Test
    void resetCountsForgetsEarlierRequests() throws Exception {
        send(issuer.discoveryUri(), Map.of());
        send(issuer.jwksUri(), Map.of());

        issuer.resetCounts();
        send(issuer.jwksUri(), Map.of());

        assertEquals(0, issuer.discoveryRequests());
        assertEquals(1, issuer.jwksRequests());
    }

    private HttpResponse<String> send(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
