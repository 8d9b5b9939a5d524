package dev.sigil.jwt;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A key set served by the JDK's HttpServer on 127.0.0.1, port 0, whose first answer can be held
 * back until {@link #release()}: a real, slow first fetch, with no clock and no sleep.
 */
final class LoopbackJwks implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch released;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String body;

    private LoopbackJwks(String body, boolean holdFirstAnswer) throws IOException {
        this.body = body;
        this.released = new CountDownLatch(holdFirstAnswer ? 1 : 0);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/jwks", exchange -> {
            try {
                if (requests.getAndIncrement() == 0) {
                    released.await();
                }
                byte[] bytes = this.body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(503, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** Serves {@code body} at once. */
    static LoopbackJwks serving(String body) throws IOException {
        return new LoopbackJwks(body, false);
    }

    /** Serves {@code body}, holding the first answer until {@link #release()}. */
    static LoopbackJwks holdingFirstAnswer(String body) throws IOException {
        return new LoopbackJwks(body, true);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
    }

    void publish(String body) {
        this.body = body;
    }

    void release() {
        released.countDown();
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
