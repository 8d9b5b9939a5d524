package dev.sigil.http.okhttp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.sigil.spi.HttpRequest;
import dev.sigil.spi.HttpResponse;
import dev.sigil.spi.ResponseTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HttpTransport contract, against a real server on 127.0.0.1. */
class OkHttpTransportTest {

    private static final int CAP = 4096;
    private static WireMockServer server;

    private final OkHttpTransport transport = new OkHttpTransport();

    @BeforeAll
    static void start() {
        // gzip off: the gzip tests send bytes they compressed themselves, with their own header.
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private static URI uri(String path) {
        return URI.create(server.baseUrl() + path);
    }

    private static HttpRequest request(URI uri) {
        return request(uri, Map.of(), Duration.ofSeconds(10));
    }

    private static HttpRequest request(URI uri, Map<String, String> headers, Duration timeout) {
        return new HttpRequest(uri, headers, Duration.ofSeconds(5), timeout, CAP);
    }

    @Test
    void returnsStatusHeadersAndBodyAndSendsTheCallersHeaders() throws IOException {
        server.stubFor(get("/jwks").withHeader("Accept", equalTo("application/json"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"v1\"").withBody("{\"keys\":[]}")));

        HttpResponse response = transport.get(request(uri("/jwks"), Map.of("Accept", "application/json"),
                Duration.ofSeconds(10)));

        assertEquals(200, response.status());
        assertEquals("\"v1\"", response.header("etag").orElseThrow());
        assertEquals("{\"keys\":[]}", new String(response.body(), UTF_8));
    }

    @Test
    void returnsNotModifiedAndErrorStatusesAsResponses() throws IOException {
        server.stubFor(get("/jwks").withHeader("If-None-Match", equalTo("\"v1\""))
                .willReturn(aResponse().withStatus(304)));
        server.stubFor(get("/gone").willReturn(aResponse().withStatus(404).withBody("no")));

        assertEquals(304, transport.get(request(uri("/jwks"), Map.of("If-None-Match", "\"v1\""),
                Duration.ofSeconds(10))).status());
        HttpResponse notFound = transport.get(request(uri("/gone")));
        assertEquals(404, notFound.status());
        assertEquals("no", new String(notFound.body(), UTF_8));
    }

    @Test
    void followsThreeRedirectsOfEveryKindResolvingRelativeLocations() throws IOException {
        server.stubFor(get("/a").willReturn(aResponse().withStatus(301).withHeader("Location", "b")));
        server.stubFor(get("/b").willReturn(aResponse().withStatus(303).withHeader("Location", "/c")));
        server.stubFor(get("/c").willReturn(aResponse().withStatus(307).withHeader("Location", server.baseUrl() + "/d")));
        server.stubFor(get("/d").willReturn(aResponse().withStatus(200).withBody("keys")));
        server.stubFor(get("/p").willReturn(aResponse().withStatus(302).withHeader("Location", "/q")));
        server.stubFor(get("/q").willReturn(aResponse().withStatus(308).withHeader("Location", "/d")));

        assertEquals("keys", new String(transport.get(request(uri("/a"))).body(), UTF_8));
        assertEquals("keys", new String(transport.get(request(uri("/p"))).body(), UTF_8));
    }

    @Test
    void failsOnTheFourthRedirect() {
        for (int i = 0; i < 4; i++) {
            server.stubFor(get("/r" + i).willReturn(aResponse().withStatus(302).withHeader("Location", "/r" + (i + 1))));
        }
        server.stubFor(get("/r4").willReturn(aResponse().withStatus(200).withBody("unreachable")));

        IOException e = assertThrows(IOException.class, () -> transport.get(request(uri("/r0"))));
        assertTrue(e.getMessage().startsWith("too many redirects: more than 3"), e.getMessage());
        server.verify(0, getRequestedFor(urlEqualTo("/r4")));
    }

    @Test
    void returnsARedirectWithoutLocationAsAResponse() throws IOException {
        server.stubFor(get("/nowhere").willReturn(aResponse().withStatus(302)));

        assertEquals(302, transport.get(request(uri("/nowhere"))).status());
    }

    @Test
    void refusesARedirectToANonHttpLocation() {
        server.stubFor(get("/ftp").willReturn(aResponse().withStatus(302).withHeader("Location", "ftp://127.0.0.1/keys")));

        IOException e = assertThrows(IOException.class, () -> transport.get(request(uri("/ftp"))));
        assertTrue(e.getMessage().contains("unusable location"), e.getMessage());
    }

    @Test
    void acceptsABodyOfExactlyTheCap() throws IOException {
        byte[] body = filled(CAP);
        server.stubFor(get("/cap").willReturn(aResponse().withBody(body)));

        assertArrayEquals(body, transport.get(request(uri("/cap"))).body());
    }

    @Test
    void refusesADeclaredLengthAboveTheCapBeforeReading() {
        server.stubFor(get("/big").willReturn(aResponse()
                .withHeader("Content-Length", String.valueOf(CAP + 1)).withBody(filled(CAP + 1))));

        assertThrows(ResponseTooLargeException.class, () -> transport.get(request(uri("/big"))));
    }

    @Test
    void refusesAChunkedBodyThatGrowsPastTheCap() {
        // WireMock sends bodies chunked unless a Content-Length is stubbed: no declared length.
        server.stubFor(get("/chunked").willReturn(aResponse().withBody(filled(CAP * 4))));

        assertThrows(ResponseTooLargeException.class, () -> transport.get(request(uri("/chunked"))));
    }

    @Test
    void decompressesGzipAndCountsTheCapInDecompressedBytes() throws IOException {
        byte[] small = filled(CAP);
        byte[] bomb = filled(CAP * 100);
        server.stubFor(get("/small.gz").willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(gzip(small))));
        server.stubFor(get("/bomb.gz").willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(gzip(bomb))));
        assertTrue(gzip(bomb).length < CAP, "the compressed bomb itself fits under the cap");

        // A caller's Accept-Encoding is not forwarded: OkHttp asks for gzip and decompresses itself.
        assertArrayEquals(small, transport.get(request(uri("/small.gz"), Map.of("Accept-Encoding", "gzip"),
                Duration.ofSeconds(10))).body());
        assertThrows(ResponseTooLargeException.class, () -> transport.get(request(uri("/bomb.gz"))));
        server.verify(getRequestedFor(urlEqualTo("/small.gz")).withHeader("Accept-Encoding", equalTo("gzip")));
    }

    @Test
    void timesOutWhenTheServerNeverAnswers() throws IOException {
        try (StallingServer silent = new StallingServer("")) {
            long start = System.nanoTime();
            assertThrows(InterruptedIOException.class,
                    () -> transport.get(request(silent.uri("/jwks"), Map.of(), Duration.ofMillis(300))));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
        }
    }

    @Test
    void theTimeoutCoversTheBodyToo() throws IOException {
        try (StallingServer half = new StallingServer("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"keys\"")) {
            assertThrows(InterruptedIOException.class,
                    () -> transport.get(request(half.uri("/jwks"), Map.of(), Duration.ofMillis(300))));
        }
    }

    @Test
    void aRefusedConnectionIsAnIOException() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket()) {
            closed.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = closed.getLocalPort();
        }
        assertThrows(IOException.class, () -> transport.get(request(URI.create("http://127.0.0.1:" + port + "/jwks"))));
    }

    @Test
    void anInterruptedCallerGetsInterruptedIOExceptionAndKeepsItsInterruptStatus() {
        server.stubFor(get("/jwks").willReturn(aResponse().withBody("{}")));
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedIOException.class, () -> transport.get(request(uri("/jwks"))));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status must stay set");
        } finally {
            Thread.interrupted();
        }
        server.verify(0, getRequestedFor(urlEqualTo("/jwks")));
    }

    @Test
    void rejectsANonHttpUriAndNonPositiveTimeouts() {
        assertThrows(IllegalArgumentException.class,
                () -> transport.get(request(URI.create("ftp://127.0.0.1/keys"))));
        assertThrows(IllegalArgumentException.class,
                () -> transport.get(request(uri("/jwks"), Map.of(), Duration.ZERO)));
        assertThrows(IllegalArgumentException.class,
                () -> transport.get(new HttpRequest(uri("/jwks"), Map.of(), Duration.ofSeconds(-1), Duration.ofSeconds(1), CAP)));
    }

    @Test
    void replacesTheCallersAcceptEncodingWithOkHttpsGzip() throws IOException {
        server.stubFor(get("/plain").willReturn(aResponse().withBody("x")));

        transport.get(request(uri("/plain"), Map.of("Accept-Encoding", "br"), Duration.ofSeconds(10)));

        server.verify(getRequestedFor(urlEqualTo("/plain")).withHeader("Accept-Encoding", equalTo("gzip")));
    }

    static byte[] filled(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 'k');
        return bytes;
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }
}
