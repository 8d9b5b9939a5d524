package dev.sigil.http.jdk;

import dev.sigil.spi.HttpRequest;
import dev.sigil.spi.HttpResponse;
import dev.sigil.spi.ResponseTooLargeException;
import dev.sigil.spi.UntrustedText;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * One GET over {@link HttpURLConnection}, for the transport's own connections. In a fresh JVM the
 * JDK's {@code HttpClient} takes about 210 ms to its first response and {@code HttpURLConnection}
 * about 50 ms, and that difference was most of the time from {@code builder()} to the first verified
 * token; key sets need neither HTTP/2 nor an asynchronous client.
 *
 * <p>A socket read blocked in {@code HttpURLConnection} ignores interrupts and its read timeout
 * restarts with every byte, so neither bounds the whole exchange. The exchange therefore runs on a
 * daemon thread of its own while the caller waits for it until the deadline or its own interrupt;
 * then the caller disconnects, which closes the socket under the reader. The connection's read
 * timeout is also set to the time left, so that a worker whose disconnect came too early to take
 * effect still ends by the deadline.
 */
final class UrlConnectionGet {

    /**
     * Names {@code HttpURLConnection} drops without a word unless a system property allows them (or
     * that describe the framing it does itself); refused instead, as the {@code HttpClient} path
     * refuses the ones it manages.
     */
    private static final Set<String> MANAGED_HEADERS = Set.of("access-control-request-headers",
            "access-control-request-method", "connection", "content-length", "content-transfer-encoding", "expect",
            "host", "keep-alive", "origin", "te", "trailer", "transfer-encoding", "upgrade", "via");

    /** The socket factory for https, or {@code null} for the JDK's default TLS settings. */
    private final SSLSocketFactory sockets;

    UrlConnectionGet(SSLSocketFactory sockets) {
        this.sockets = sockets;
    }

    /** Performs {@code request}, whose URI is an absolute http or https one, by {@code deadline} ({@link System#nanoTime()}). */
    HttpResponse get(HttpRequest request, long deadline) throws IOException {
        URI uri = request.uri();
        HttpURLConnection connection = open(request, deadline);
        CompletableFuture<HttpResponse> result = new CompletableFuture<>();
        // A class, not a lambda: the first fetch of a fresh JVM would spin one on its way.
        Thread worker = new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    result.complete(exchange(connection, request.maxBodyBytes()));
                } catch (Throwable e) {
                    connection.disconnect();
                    result.completeExceptionally(e);
                }
            }
        }, "sigil-http-get");
        worker.setDaemon(true);
        worker.start();
        try {
            return result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            connection.disconnect();
            throw new SocketTimeoutException("no complete response within " + request.timeout().toMillis()
                    + " ms: GET " + show(uri));
        } catch (InterruptedException e) {
            connection.disconnect();
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted during GET " + show(uri));
            interrupted.initCause(e);
            throw interrupted;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException("GET " + show(uri) + " failed: " + UntrustedText.printable(String.valueOf(cause)), cause);
        }
    }

    /** The connection, configured and not yet connected; a header that cannot be sent throws here. */
    private HttpURLConnection open(HttpRequest request, long deadline) throws IOException {
        boolean acceptEncoding = false;
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            checkHeader(header.getKey(), header.getValue());
            acceptEncoding |= header.getKey().equalsIgnoreCase("Accept-Encoding");
        }
        HttpURLConnection connection = (HttpURLConnection) request.uri().toURL().openConnection();
        if (sockets != null && connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(sockets);
        }
        // One request per call: core follows redirects and checks every hop.
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        int left = millisLeft(deadline);
        connection.setConnectTimeout((int) Math.min(left, Math.max(1, request.connectTimeout().toMillis())));
        connection.setReadTimeout(left);
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            connection.setRequestProperty(header.getKey(), header.getValue());
        }
        if (!acceptEncoding) {
            connection.setRequestProperty("Accept-Encoding", "gzip");
        }
        return connection;
    }

    /** On the worker: sends the request, reads the status, headers and at most {@code cap} (decoded) body bytes. */
    private static HttpResponse exchange(HttpURLConnection connection, int cap) throws IOException {
        int status = connection.getResponseCode();
        if (status < 100 || status > 599) {
            // -1: no status line at all, which HttpURLConnection reads as an HTTP/0.9 body.
            throw new IOException("the answer to GET " + show(connection.getURL().toString()) + " has no valid HTTP status line");
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        // By index rather than getHeaderFields(), which lists a repeated header's values last first.
        for (int i = 1; connection.getHeaderFieldKey(i) != null; i++) {
            List<String> values = headers.get(connection.getHeaderFieldKey(i));
            if (values == null) {
                values = new ArrayList<>();
                headers.put(connection.getHeaderFieldKey(i), values);
            }
            values.add(connection.getHeaderField(i));
        }
        List<String> encodings = headers.getOrDefault("Content-Encoding", List.of());
        // Exactly "gzip", as the HttpClient path and OkHttp decode; anything else is core's to refuse.
        boolean gzip = encodings.size() == 1 && encodings.get(0).trim().equalsIgnoreCase("gzip");
        long declared = connection.getContentLengthLong();
        boolean hasBody = status >= 200 && status != 204 && status != 304;
        if (!gzip && hasBody && declared > cap) {
            throw new ResponseTooLargeException(cap);
        }
        byte[] body = hasBody ? read(status >= 400 ? connection.getErrorStream() : connection.getInputStream(), cap,
                gzip, declared) : new byte[0];
        if (gzip) {
            headers.remove("Content-Encoding");
            headers.remove("Content-Length");
        }
        return new HttpResponse(status, headers, body);
    }

    private static byte[] read(InputStream in, int cap, boolean gzip, long declared) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        BoundedBuffer buffer = new BoundedBuffer(cap, gzip ? -1 : declared);
        GzipDecoder decoder = gzip ? new GzipDecoder(buffer) : null;
        try (in) {
            byte[] chunk = new byte[8 * 1024];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                if (decoder != null) {
                    decoder.feed(ByteBuffer.wrap(chunk, 0, n));
                } else {
                    buffer.write(chunk, 0, n);
                }
            }
            if (decoder != null) {
                decoder.finish();
            }
        } finally {
            if (decoder != null) {
                decoder.release();
            }
        }
        return buffer.toByteArray();
    }

    /** A header that could not be sent as given, or that the connection would drop, is the caller's mistake. */
    private static void checkHeader(String name, String value) {
        if (name.isEmpty() || MANAGED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("header '" + UntrustedText.printable(name) + "' cannot be set by a caller");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || c == ':') {
                throw new IllegalArgumentException("illegal character in header name '" + UntrustedText.printable(name) + "'");
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || c > 255) {
                throw new IllegalArgumentException("illegal character in the value of header '" + UntrustedText.printable(name) + "'");
            }
        }
    }

    private static int millisLeft(long deadline) throws SocketTimeoutException {
        long nanos = deadline - System.nanoTime();
        if (nanos <= 0) {
            throw new SocketTimeoutException("no time left for the request");
        }
        // At least 1: 0 means "no timeout" to HttpURLConnection.
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(nanos)));
    }

    /** A URI as messages show it: it came from an issuer's document or redirect, so made printable. */
    private static String show(URI uri) {
        return show(uri.toString());
    }

    private static String show(String uri) {
        return UntrustedText.printable(uri);
    }
}
