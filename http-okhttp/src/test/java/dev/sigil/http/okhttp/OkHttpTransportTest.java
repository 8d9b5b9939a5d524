package dev.sigil.http.okhttp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.sigil.spi.HttpRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What this transport decides beyond the shared contract (which {@link OkHttpTransportConformanceTest}
 * checks): how it deals with OkHttp's own gzip negotiation, redirects without a target, and
 * arguments OkHttp would misread.
 */
class OkHttpTransportTest {

    private static WireMockServer server;

    private final OkHttpTransport transport = new OkHttpTransport();

    @BeforeAll
    static void start() {
        // WireMock's gzip off: the test compresses the body itself.
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpRequest request(String path, Map<String, String> headers, Duration timeout) {
        return new HttpRequest(URI.create(server.baseUrl() + path), headers, Duration.ofSeconds(5), timeout, 4096);
    }

    @Test
    void aCallersAcceptEncodingIsReplacedByOkHttpsGzipSoTheBodyComesBackDecoded() throws IOException {
        byte[] json = "{\"keys\":[]}".getBytes(StandardCharsets.UTF_8);
        server.stubFor(get("/jwks.gz").willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(gzip(json))));

        // Forwarded, "br" would make OkHttp hand back whatever the server encoded, undecoded and uncapped.
        byte[] body = transport.get(request("/jwks.gz", Map.of("Accept-Encoding", "br"), Duration.ofSeconds(10))).body();

        assertArrayEquals(json, body);
        server.verify(getRequestedFor(urlEqualTo("/jwks.gz")).withHeader("Accept-Encoding", equalTo("gzip")));
    }

    @Test
    void aRedirectWithoutLocationIsReturnedAsAResponseAsOkHttpDoes() throws IOException {
        server.stubFor(get("/nowhere").willReturn(aResponse().withStatus(302)));

        assertEquals(302, transport.get(request("/nowhere", Map.of(), Duration.ofSeconds(10))).status());
    }

    @Test
    void aNonHttpUriIsACallersBugNotAConnectivityFailure() {
        HttpRequest ftp = new HttpRequest(URI.create("ftp://127.0.0.1/keys"), Map.of(), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 4096);

        assertThrows(IllegalArgumentException.class, () -> transport.get(ftp));
    }

    @Test
    void nonPositiveTimeoutsAreRejectedBecauseOkHttpReadsZeroAsNoTimeoutAtAll() {
        assertThrows(IllegalArgumentException.class,
                () -> transport.get(request("/jwks", Map.of(), Duration.ZERO)));
        assertThrows(IllegalArgumentException.class,
                () -> transport.get(new HttpRequest(URI.create(server.baseUrl() + "/jwks"), Map.of(),
                        Duration.ofSeconds(-1), Duration.ofSeconds(1), 4096)));
        server.verify(0, getRequestedFor(urlEqualTo("/jwks")));
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }
}
