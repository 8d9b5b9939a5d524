package dev.sigil.http.jdk;

import dev.sigil.spi.HttpRequest;
import dev.sigil.spi.HttpResponse;
import dev.sigil.spi.UntrustedText;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One GET through the application's {@link HttpClient} ({@link JdkHttpTransport#using}). The client's
 * request timeout is documented for the response headers only, so it is set to the time left and a
 * deadline of this class's own covers the body: when it passes, the exchange is cancelled. The body
 * is read by a {@link CappedBodySubscriber}.
 */
final class HttpClientGet {

    private final HttpClient client;

    HttpClientGet(HttpClient client) {
        this.client = client;
    }

    /** Performs {@code request}, whose URI is an absolute http or https one, by {@code deadline} ({@link System#nanoTime()}). */
    HttpResponse get(HttpRequest request, long deadline) throws IOException {
        java.net.http.HttpRequest one = buildRequest(request.uri(), request.headers(), remaining(deadline, request, request.uri()));
        return toResponse(exchange(client, one, request, deadline));
    }

    private static java.net.http.HttpRequest buildRequest(URI uri, Map<String, String> headers, Duration timeout) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(uri).GET().timeout(timeout);
        boolean acceptEncoding = false;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            // Throws IllegalArgumentException for a line break or a header the client manages itself.
            builder.header(header.getKey(), header.getValue());
            acceptEncoding |= header.getKey().equalsIgnoreCase("Accept-Encoding");
        }
        if (!acceptEncoding) {
            builder.header("Accept-Encoding", "gzip");
        }
        return builder.build();
    }

    private static Received exchange(HttpClient client, java.net.http.HttpRequest hop, HttpRequest request, long deadline)
            throws IOException {
        AtomicReference<CappedBodySubscriber> body = new AtomicReference<>();
        CompletableFuture<java.net.http.HttpResponse<byte[]>> future;
        try {
            future = client.sendAsync(hop, info -> {
                CappedBodySubscriber subscriber = CappedBodySubscriber.create(info, request.maxBodyBytes());
                body.set(subscriber);
                return subscriber;
            });
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // For example a supplied client's executor rejecting work: still the caller's IOException.
            throw new IOException("the HTTP client could not send GET " + show(hop.uri()) + ": "
                    + UntrustedText.printable(e.toString()), e);
        }
        try {
            java.net.http.HttpResponse<byte[]> response = future.get(remainingNanos(deadline), TimeUnit.NANOSECONDS);
            return new Received(response, body.get().decoded());
        } catch (TimeoutException e) {
            cancel(future, body);
            throw new HttpTimeoutException("no complete response within " + request.timeout().toMillis()
                    + " ms: GET " + show(hop.uri()));
        } catch (InterruptedException e) {
            cancel(future, body);
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted during GET " + show(hop.uri()));
            interrupted.initCause(e);
            throw interrupted;
        } catch (ExecutionException e) {
            // Prefer the body's own reason: the client may report it as a mere cancellation.
            CappedBodySubscriber subscriber = body.get();
            Optional<IOException> refused = subscriber == null ? Optional.empty() : subscriber.refused();
            throw refused.isPresent() ? refused.get() : asIOException(e.getCause(), hop.uri());
        }
    }

    private static void cancel(CompletableFuture<?> future, AtomicReference<CappedBodySubscriber> body) {
        // Cancelling the future aborts the exchange (JDK 16+); aborting the body covers the time
        // after the headers, when the future is already on its way to completing.
        future.cancel(true);
        CappedBodySubscriber subscriber = body.get();
        if (subscriber != null) {
            subscriber.abort();
        }
    }

    private static IOException asIOException(Throwable failure, URI uri) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException("GET " + show(uri) + " failed: " + UntrustedText.printable(String.valueOf(cause)), cause);
    }

    private static HttpResponse toResponse(Received received) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        received.response.headers().map().forEach((name, values) -> {
            // HTTP/2 pseudo-headers (":status") are framing, not headers.
            if (!name.startsWith(":")) {
                headers.put(name, values);
            }
        });
        if (received.decoded) {
            headers.remove("Content-Encoding");
            headers.remove("Content-Length");
        }
        return new HttpResponse(received.response.statusCode(), headers, received.response.body());
    }

    private static Duration remaining(long deadline, HttpRequest request, URI uri) throws HttpTimeoutException {
        long nanos = deadline - System.nanoTime();
        if (nanos <= 0) {
            throw new HttpTimeoutException("no complete response within " + request.timeout().toMillis()
                    + " ms: GET " + show(uri));
        }
        return Duration.ofNanos(nanos);
    }

    private static long remainingNanos(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** A URI as messages show it: it came from an issuer's document or redirect, so made printable. */
    private static String show(URI uri) {
        return UntrustedText.printable(uri.toString());
    }

    /** A response with its body, and whether that body was gzip-decoded. */
    private record Received(java.net.http.HttpResponse<byte[]> response, boolean decoded) {
    }
}
