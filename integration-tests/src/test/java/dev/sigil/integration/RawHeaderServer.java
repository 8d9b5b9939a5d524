package dev.sigil.integration;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A key set on the JDK's own {@link HttpServer}, because it writes header values byte for byte: a
 * {@code char} of 0x80-0xFF goes out as that one byte, so a test can send the obs-text (RFC 9110
 * section 5.5) that WireMock would re-encode. It answers every request in full, ignoring validators,
 * and writes down the request headers each one carried.
 */
final class RawHeaderServer implements AutoCloseable {

    private final HttpServer server;
    private volatile String body = "{\"keys\":[]}";
    private volatile Map<String, String> headers = Map.of();
    final List<Map<String, List<String>>> requests = new CopyOnWriteArrayList<>();

    RawHeaderServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/jwks", exchange -> {
            requests.add(Map.copyOf(exchange.getRequestHeaders()));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    URI jwksUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
    }

    /** Serves this set with these extra response headers, each char of a value sent as one byte. */
    void serve(String json, Map<String, String> responseHeaders) {
        body = json;
        headers = Map.copyOf(responseHeaders);
    }

    /** Whether the n-th request (from 0) carried the header, matched case-insensitively. */
    boolean carried(int request, String name) {
        return requests.get(request).keySet().stream().anyMatch(name::equalsIgnoreCase);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
