package dev.sigil.http.jdk;

import dev.sigil.spi.HttpRequest;
import dev.sigil.spi.HttpResponse;
import dev.sigil.spi.HttpTransport;
import dev.sigil.spi.UntrustedText;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;

/**
 * Sigil's {@link HttpTransport} over the JDK's {@link HttpClient}; {@link #name()} {@code "jdk"},
 * {@link #priority()} 100. Found by {@link java.util.ServiceLoader} when {@code sigil-http-jdk} is
 * on the path; needs no dependency beyond the JDK.
 *
 * <h2>Clients</h2>
 * The public constructor lets the transport build its own clients: HTTP/2 preferred with HTTP/1.1
 * fallback, the JDK's default TLS settings, proxy selector and executor. {@link HttpClient}'s
 * connect timeout is fixed per client while Sigil's requests carry one each, so the transport keeps
 * one client per distinct {@link HttpRequest#connectTimeout()} (a verifier uses one value, so in
 * practice one client). {@link #using(HttpClient)} takes the application's client instead, with its
 * proxy, TLS, executor and authenticator; its own connect timeout then governs connecting, and the
 * request's {@link HttpRequest#timeout()} still bounds the whole exchange.
 *
 * <h2>Timeouts and the body cap</h2>
 * {@link HttpRequest#timeout()} bounds the whole call: the headers and the whole body. The JDK's request timeout, documented for the response only, is set to the time left
 * on each hop as well, but the transport keeps its own deadline rather than rely on the client to
 * cover the body. When it passes, the exchange is cancelled and {@link HttpTimeoutException} thrown. The body is read into memory up to
 * {@link HttpRequest#maxBodyBytes()}: a larger declared {@code Content-Length} is refused before
 * reading, and reading stops as soon as the count passes the cap, in both cases with
 * {@link dev.sigil.spi.ResponseTooLargeException}.
 *
 * <h2>Compression</h2>
 * {@code Accept-Encoding: gzip} is sent unless the request names its own {@code Accept-Encoding}.
 * A body whose {@code Content-Encoding} is exactly {@code gzip} is decoded as it arrives; the cap
 * applies to the decoded bytes, and the response then carries neither {@code Content-Encoding} nor
 * {@code Content-Length}, which describe the encoded form. This is what OkHttp's transparent gzip
 * does, so both transports hand core the same thing. A body in any other encoding ({@code br},
 * {@code x-gzip}, a list of codings) is returned as received, capped, with its
 * {@code Content-Encoding}; core refuses it.
 *
 * <h2>Redirects</h2>
 * None are followed: a 3xx is returned as a response with its {@code Location}, and Sigil's core
 * follows it by its own rules (at most 3 hops, never from https to http, plain http only between
 * loopback hosts), the same for every transport.
 *
 * <h2>Failures</h2>
 * Every HTTP status is a response. Connectivity failures, timeouts, a body over the cap and a
 * corrupt gzip body throw {@link IOException}. A caller interrupted before or during the
 * call gets an {@link InterruptedIOException} promptly, the exchange is cancelled, and its interrupt
 * status stays set. A caller's mistake throws {@link IllegalArgumentException} before anything is
 * sent: a header the JDK refuses (a line break in a value, or a header it manages itself such as
 * {@code Host} or {@code Connection}), a URI that is not absolute http or https, or a connect timeout
 * that is not positive.
 *
 * <h2>Threads</h2>
 * Instances are immutable apart from the client map, thread-safe, and meant to be shared. Calls
 * block the calling thread; the client's executor delivers the body.
 */
public final class JdkHttpTransport implements HttpTransport {

    /** Keeps the client map bounded should a caller vary its connect timeout without end. */
    private static final int MAX_OWN_CLIENTS = 8;

    /** The application's client, or null when the transport builds its own. */
    private final HttpClient suppliedClient;
    /** TLS for the transport's own clients; null for the JDK default. */
    private final SSLContext sslContext;
    private final ConcurrentMap<Duration, HttpClient> ownClients = new ConcurrentHashMap<>();

    /** A transport that builds its own clients with the JDK's defaults; see the class description. */
    public JdkHttpTransport() {
        this(null, null);
    }

    /** Like {@link #JdkHttpTransport()}, but its own clients use this TLS context (tests). */
    JdkHttpTransport(SSLContext sslContext) {
        this(null, Objects.requireNonNull(sslContext, "sslContext"));
    }

    private JdkHttpTransport(HttpClient suppliedClient, SSLContext sslContext) {
        this.suppliedClient = suppliedClient;
        this.sslContext = sslContext;
    }

    /**
     * A transport over the application's own client, which keeps its proxy, TLS, authenticator,
     * executor and connect timeout.
     *
     * @param client a client built with {@code followRedirects(HttpClient.Redirect.NEVER)}, the default
     * @throws IllegalArgumentException if the client follows redirects itself: it would follow up to
     *     five, and with {@code Redirect.ALWAYS} from https to http, out of core's sight, so core's
     *     rules on where keys may come from could not be applied to each hop
     */
    public static JdkHttpTransport using(HttpClient client) {
        Objects.requireNonNull(client, "client");
        if (client.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("the HttpClient follows redirects itself (followRedirects "
                    + client.followRedirects() + "); Sigil's core follows them, checking every hop (at most 3,"
                    + " never from https to http, plain http only between loopback hosts): build the client"
                    + " with followRedirects(HttpClient.Redirect.NEVER)");
        }
        return new JdkHttpTransport(client, null);
    }

    /** {@code "jdk"}. */
    @Override
    public String name() {
        return "jdk";
    }

    /** 100, the baseline for transports; pin one with {@code -Dsigil.http=jdk} when several are present. */
    @Override
    public int priority() {
        return 100;
    }

    @Override
    public HttpResponse get(HttpRequest request) throws IOException {
        Objects.requireNonNull(request, "request");
        if (request.connectTimeout().isNegative() || request.connectTimeout().isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + request.connectTimeout());
        }
        URI uri = request.uri();
        requireHttp(uri);
        if (Thread.currentThread().isInterrupted()) {
            // Checked first so that an interrupted caller sends nothing; the status stays set.
            throw new InterruptedIOException("interrupted before GET " + show(uri));
        }
        long timeoutNanos = saturatedNanos(request.timeout());
        long deadline = System.nanoTime() + timeoutNanos;
        HttpClient client = clientFor(request.connectTimeout());
        java.net.http.HttpRequest one = buildRequest(uri, request.headers(), remaining(deadline, request, uri));
        return toResponse(exchange(client, one, request, deadline));
    }

    private HttpClient clientFor(Duration connectTimeout) {
        if (suppliedClient != null) {
            return suppliedClient;
        }
        HttpClient client = ownClients.get(connectTimeout);
        if (client != null) {
            return client;
        }
        if (ownClients.size() >= MAX_OWN_CLIENTS) {
            // Dropped clients close their connections once unreachable and idle.
            ownClients.clear();
        }
        return ownClients.computeIfAbsent(connectTimeout, this::newClient);
    }

    private HttpClient newClient(Duration connectTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                // One request per call: core follows redirects and checks every hop.
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        return builder.build();
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

    private static void requireHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http or https URI: " + show(uri));
        }
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

    /** Duration.toNanos overflows past 292 years; such a timeout means "no timeout" anyway. */
    private static long saturatedNanos(Duration duration) {
        return duration.compareTo(Duration.ofDays(365)) > 0 ? TimeUnit.DAYS.toNanos(365) : Math.max(0, duration.toNanos());
    }

    /** A response with its body, and whether that body was gzip-decoded. */
    private record Received(java.net.http.HttpResponse<byte[]> response, boolean decoded) {
    }
}
