package dev.sigil.http.okhttp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.sigil.spi.HttpRequest;
import dev.sigil.spi.HttpResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link OkHttpTransport#using(OkHttpClient)} sends through the application's own client. */
class ApplicationClientTest {

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(get("/jwks").willReturn(aResponse().withBody("{\"keys\":[]}")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpRequest request(String path) {
        return new HttpRequest(URI.create(server.baseUrl() + path), Map.of(), Duration.ofSeconds(5),
                Duration.ofSeconds(10), 4096);
    }

    @Test
    void theApplicationsInterceptorsSeeAndShapeEveryRequest() throws IOException {
        List<String> seen = new CopyOnWriteArrayList<>();
        OkHttpClient client = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    seen.add(chain.request().url().encodedPath());
                    return chain.proceed(chain.request().newBuilder().header("X-Tenant", "acme").build());
                })
                .build();
        server.stubFor(get("/old").willReturn(aResponse().withStatus(302).withHeader("Location", "/jwks")));
        OkHttpTransport transport = OkHttpTransport.using(client);

        HttpResponse moved = transport.get(request("/old"));
        String body = new String(transport.get(request("/jwks")).body(), UTF_8);

        // The client follows redirects itself; the transport's derived one must not: core follows
        // them, checking each hop, and every hop it asks for passes the application's interceptors.
        assertEquals(302, moved.status());
        assertEquals("/jwks", moved.header("Location").orElseThrow());
        assertEquals("{\"keys\":[]}", body);
        assertEquals(List.of("/old", "/jwks"), seen);
        server.verify(getRequestedFor(urlEqualTo("/jwks")).withHeader("X-Tenant", equalTo("acme")));
    }

    @Test
    void connectionsGoBackToTheApplicationsPoolAndAreReused() throws IOException {
        ConnectionPool pool = new ConnectionPool(5, 1, TimeUnit.MINUTES);
        OkHttpClient client = new OkHttpClient.Builder().connectionPool(pool).build();
        OkHttpTransport transport = OkHttpTransport.using(client);

        transport.get(request("/jwks"));
        assertEquals(1, pool.connectionCount(), "the body was read to the end, so the connection is pooled");
        transport.get(request("/jwks"));
        transport.get(request("/jwks"));

        assertEquals(1, pool.connectionCount(), "later requests reuse the pooled connection");
        assertEquals(1, pool.idleConnectionCount());
    }

    @Test
    void theApplicationsClientIsLeftAsItWas() throws IOException {
        OkHttpClient client = new OkHttpClient.Builder().connectTimeout(7, TimeUnit.SECONDS).build();

        OkHttpTransport.using(client).get(request("/jwks"));

        assertTrue(client.followRedirects());
        assertTrue(client.followSslRedirects());
        assertEquals(7000, client.connectTimeoutMillis());
    }

    @Test
    void aShorterCallTimeoutOnTheApplicationsClientStillApplies() throws IOException {
        OkHttpClient client = new OkHttpClient.Builder().callTimeout(200, TimeUnit.MILLISECONDS).build();
        try (StallingServer silent = new StallingServer("")) {
            HttpRequest generous = new HttpRequest(silent.uri("/jwks"), Map.of(), Duration.ofSeconds(5),
                    Duration.ofMinutes(5), 4096);

            assertThrows(InterruptedIOException.class, () -> OkHttpTransport.using(client).get(generous));
        }
    }

    @Test
    void usingRejectsANullClient() {
        assertThrows(NullPointerException.class, () -> OkHttpTransport.using(null));
    }
}
