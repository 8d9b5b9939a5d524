package dev.sigil.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A minimal OpenID Connect issuer on {@code http://127.0.0.1:<free port>/}, on the JDK's own
 * {@link HttpServer}: a discovery document and a key set that can be replaced (rotation), and
 * counts of the requests for each. Plain http is fine here: Sigil accepts it on loopback hosts only.
 */
final class DemoIssuer implements AutoCloseable {

    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    static final String JWKS_PATH = "/.well-known/jwks.json";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String issuer;
    private final AtomicInteger discoveryRequests = new AtomicInteger();
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private volatile String jwks = "{\"keys\":[]}";

    private DemoIssuer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Starts an issuer on a free port of the loopback interface; {@link #close()} stops it. */
    static DemoIssuer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        // Daemon threads: a demo that fails half-way must not keep the JVM alive.
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "sigil-demo-issuer");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        DemoIssuer demo = new DemoIssuer(server, executor);
        String discovery = "{\"issuer\":\"" + demo.issuer + "\",\"jwks_uri\":\"" + demo.jwksUri() + "\","
                + "\"id_token_signing_alg_values_supported\":[\"RS256\",\"ES256\",\"EdDSA\"]}";
        server.createContext(DISCOVERY_PATH, exchange -> demo.answer(exchange, demo.discoveryRequests, () -> discovery));
        server.createContext(JWKS_PATH, exchange -> demo.answer(exchange, demo.jwksRequests, () -> demo.jwks));
        server.start();
        return demo;
    }

    /** {@code http://127.0.0.1:<port>/}, with the trailing slash Auth0 writes. */
    String issuer() {
        return issuer;
    }

    URI jwksUri() {
        return URI.create(issuer).resolve(JWKS_PATH);
    }

    /** Serves this key set from now on. */
    void publish(String jwksJson) {
        this.jwks = Objects.requireNonNull(jwksJson, "jwksJson");
    }

    int discoveryRequests() {
        return discoveryRequests.get();
    }

    int jwksRequests() {
        return jwksRequests.get();
    }

    private void answer(HttpExchange exchange, AtomicInteger counter, Supplier<String> body) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            counter.incrementAndGet();
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "max-age=300");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
