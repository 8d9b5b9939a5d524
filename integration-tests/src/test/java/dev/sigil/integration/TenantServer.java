package dev.sigil.integration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A multi-tenant provider on the JDK's own {@link HttpServer}, as Entra ID is: discovery for ANY
 * path, {@code GET <issuer path>/.well-known/openid-configuration} answering
 * {@code {"issuer": "http://127.0.0.1:<port><issuer path>", "jwks_uri": <one shared uri>}}, and one
 * key set at {@code /keys} for every tenant. It counts what it was asked.
 */
final class TenantServer implements AutoCloseable {

    static final String DISCOVERY_SUFFIX = "/.well-known/openid-configuration";
    static final String JWKS_PATH = "/keys";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private volatile String jwks = "{\"keys\":[]}";
    private volatile URI jwksUri;
    final AtomicInteger discoveryRequests = new AtomicInteger();
    final AtomicInteger jwksRequests = new AtomicInteger();
    final AtomicInteger otherRequests = new AtomicInteger();
    /** How many times each issuer's discovery was asked for, by the issuer the document named. */
    final Map<String, AtomicInteger> discoveries = new ConcurrentHashMap<>();

    TenantServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jwksUri = URI.create(base() + JWKS_PATH);
        server.createContext("/", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The shared key set every tenant's discovery names, unless {@link #nameJwksUri} changed it. */
    URI ownJwksUri() {
        return URI.create(base() + JWKS_PATH);
    }

    void publishKeys(String json) {
        jwks = json;
    }

    /** The jwks_uri every discovery document names from now on. */
    void nameJwksUri(URI uri) {
        jwksUri = uri;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body;
            if (path.equals(JWKS_PATH)) {
                jwksRequests.incrementAndGet();
                body = jwks;
            } else if (path.endsWith(DISCOVERY_SUFFIX) && path.length() > DISCOVERY_SUFFIX.length()) {
                discoveryRequests.incrementAndGet();
                String issuer = base() + path.substring(0, path.length() - DISCOVERY_SUFFIX.length());
                discoveries.computeIfAbsent(issuer, i -> new AtomicInteger()).incrementAndGet();
                body = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwksUri + "\"}";
            } else {
                otherRequests.incrementAndGet();
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** How many times the discovery of {@code issuer} was asked for. */
    int discoveriesOf(String issuer) {
        AtomicInteger n = discoveries.get(issuer);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
