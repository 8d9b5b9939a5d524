package dev.sigil.http.jdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.sigil.spi.HttpRequest;
import dev.sigil.spi.HttpResponse;
import dev.sigil.testkit.FakeIssuer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the conformance suite leaves to this transport: its clients, its input checks, its headers. */
class JdkHttpTransportTest {

    private static final String KEYS = "{\"keys\":[]}";

    private final FakeIssuer issuer = FakeIssuer.start();

    @AfterEach
    void stop() {
        issuer.close();
    }

    @Test
    void applicationSuppliedClientIsUsedWithItsExecutor() throws IOException {
        issuer.publishKeys(KEYS);
        AtomicInteger tasks = new AtomicInteger();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Executor counting = task -> {
                tasks.incrementAndGet();
                pool.execute(task);
            };
            HttpClient client = HttpClient.newBuilder().executor(counting).version(HttpClient.Version.HTTP_1_1).build();

            HttpResponse response = JdkHttpTransport.using(client).get(request(issuer.jwksUri()));

            assertEquals(200, response.status());
            assertEquals(KEYS, new String(response.body(), StandardCharsets.UTF_8));
            assertTrue(tasks.get() > 0, "the application's executor was never used");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void clientThatFollowsRedirectsItselfIsRefusedWithTheFixInTheMessage() {
        for (HttpClient.Redirect redirect : new HttpClient.Redirect[] {HttpClient.Redirect.NORMAL, HttpClient.Redirect.ALWAYS}) {
            HttpClient client = HttpClient.newBuilder().followRedirects(redirect).build();

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JdkHttpTransport.using(client));

            assertEquals("the HttpClient follows redirects itself (followRedirects " + redirect + "); Sigil's core"
                    + " follows them, checking every hop (at most 3, never from https to http, plain http only between"
                    + " loopback hosts): build the client with followRedirects(HttpClient.Redirect.NEVER)", e.getMessage());
        }
    }

    @Test
    void defaultTransportFetchesDiscoveryAndKeysFromTheFakeIssuer() throws IOException {
        issuer.publishKeys(KEYS, Map.of("Cache-Control", "max-age=60"));
        JdkHttpTransport transport = new JdkHttpTransport();

        HttpResponse discovery = transport.get(request(issuer.discoveryUri()));
        HttpResponse keys = transport.get(request(issuer.jwksUri()));

        assertTrue(new String(discovery.body(), StandardCharsets.UTF_8).contains(issuer.jwksUri().toString()));
        assertEquals(Optional.of("max-age=60"), keys.header("Cache-Control"));
        assertEquals(1, issuer.jwksRequests());
        assertEquals(1, issuer.discoveryRequests());
    }

    @Test
    void conditionalRequestGetsNotModifiedFromTheFakeIssuer() throws IOException {
        issuer.publishKeys(KEYS, Map.of("ETag", "\"v1\""));

        HttpResponse response = new JdkHttpTransport().get(new HttpRequest(issuer.jwksUri(),
                Map.of("If-None-Match", "\"v1\""), Duration.ofSeconds(2), Duration.ofSeconds(10), 1024));

        assertEquals(304, response.status());
        assertEquals(Optional.of("\"v1\""), issuer.lastJwksRequestHeader("If-None-Match"));
    }

    @Test
    void asksForGzipAndDropsTheEncodedLengthAndEncodingAfterDecoding() throws IOException {
        // FakeIssuer serves text; WireMock itself serves the gzip bytes.
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true));
        server.start();
        try {
            server.stubFor(get("/gzip").willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Encoding", "gzip").withBody(gzip(KEYS))));

            HttpResponse response = new JdkHttpTransport().get(
                    request(URI.create("http://127.0.0.1:" + server.port() + "/gzip")));

            assertArrayEquals(KEYS.getBytes(StandardCharsets.UTF_8), response.body());
            assertEquals(Optional.empty(), response.header("Content-Encoding"));
            assertEquals(Optional.empty(), response.header("Content-Length"));
            server.verify(getRequestedFor(urlEqualTo("/gzip")).withHeader("Accept-Encoding", equalTo("gzip")));
        } finally {
            server.stop();
        }
    }

    @Test
    void callersOwnAcceptEncodingIsSentInsteadOfGzip() throws IOException {
        new JdkHttpTransport().get(new HttpRequest(issuer.jwksUri(), Map.of("accept-encoding", "identity"),
                Duration.ofSeconds(2), Duration.ofSeconds(10), 1024));

        assertEquals(Optional.of("identity"), issuer.lastJwksRequestHeader("Accept-Encoding"));
    }

    @Test
    void anEncodingOtherThanGzipIsReturnedAsReceivedWithItsHeaderForCoreToRefuse() throws IOException {
        // What OkHttp does with an encoding it did not negotiate; core refuses both alike.
        issuer.publishKeys(KEYS, Map.of("Content-Encoding", "br"));

        HttpResponse response = new JdkHttpTransport().get(request(issuer.jwksUri()));

        assertEquals(Optional.of("br"), response.header("Content-Encoding"));
        assertArrayEquals(KEYS.getBytes(StandardCharsets.UTF_8), response.body());
    }

    @Test
    void aUriFromAnIssuerIsPrintedEscapedInMessages() {
        // A bidi override and a zero-width space are legal in a java.net.URI path.
        URI hostile = URI.create("http://127.0.0.1:9/\u202ekeys\u200bforged");
        Thread.currentThread().interrupt();
        try {
            IOException e = assertThrows(IOException.class, () -> new JdkHttpTransport().get(request(hostile)));

            assertEquals("interrupted before GET http://127.0.0.1:9/\\u202ekeys\\u200bforged", e.getMessage());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void nonHttpUriIsRefusedBeforeSending() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new JdkHttpTransport().get(request(URI.create("file:///etc/passwd"))));

        assertEquals("not an absolute http or https URI: file:///etc/passwd", e.getMessage());
    }

    @Test
    void headerTheClientManagesItselfIsRefusedBeforeSending() {
        HttpRequest request = new HttpRequest(issuer.jwksUri(), Map.of("Host", "evil.example"),
                Duration.ofSeconds(2), Duration.ofSeconds(10), 1024);

        assertThrows(IllegalArgumentException.class, () -> new JdkHttpTransport().get(request));
        assertEquals(0, issuer.jwksRequests());
    }

    @Test
    void zeroConnectTimeoutIsRefused() {
        HttpRequest request = new HttpRequest(issuer.jwksUri(), Map.of(), Duration.ZERO, Duration.ofSeconds(10), 1024);

        assertThrows(IllegalArgumentException.class, () -> new JdkHttpTransport().get(request));
    }

    @Test
    void zeroTimeoutFailsWithATimeoutWithoutSending() {
        HttpRequest request = new HttpRequest(issuer.jwksUri(), Map.of(), Duration.ofSeconds(2), Duration.ZERO, 1024);

        assertThrows(SocketTimeoutException.class, () -> new JdkHttpTransport().get(request));
        assertEquals(0, issuer.jwksRequests());
    }

    @Test
    void notModifiedDeclaringALengthOverTheCapIsStillAResponse() throws IOException {
        // A 304 may carry the Content-Length of the representation it does not send.
        issuer.publishKeys(KEYS, Map.of("ETag", "\"v1\"", "Content-Length", "999999"));

        HttpResponse response = new JdkHttpTransport().get(new HttpRequest(issuer.jwksUri(),
                Map.of("If-None-Match", "\"v1\""), Duration.ofSeconds(2), Duration.ofSeconds(10), 1024));

        assertEquals(304, response.status());
    }

    @Test
    void nameAndPriority() {
        assertEquals("jdk", new JdkHttpTransport().name());
        assertEquals(100, new JdkHttpTransport().priority());
    }

    private static HttpRequest request(URI uri) {
        return new HttpRequest(uri, Map.of(), Duration.ofSeconds(2), Duration.ofSeconds(10), 64 * 1024);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
