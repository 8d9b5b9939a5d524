package dev.sigil.http.okhttp;

import dev.sigil.spi.HttpRequest;
import dev.sigil.spi.HttpResponse;
import dev.sigil.spi.HttpTransport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * An {@link HttpTransport} over OkHttp 4.12+ or 5.x. Found by {@code ServiceLoader} under the
 * name {@code "okhttp"} with priority {@value #PRIORITY}, above the JDK transport: an application
 * that ships OkHttp wants its proxies, TLS settings and connection pool used.
 *
 * <h2>Bring your own client</h2>
 * {@link #using(OkHttpClient)} keeps the application's client: its connection pool, dispatcher,
 * interceptors, proxy, DNS, TLS and certificate pinning all apply. Each request derives a client
 * with {@link OkHttpClient#newBuilder()}, which shares the pool and dispatcher, to set the
 * request's connect timeout and to turn off redirect following ({@code followRedirects(false)},
 * {@code followSslRedirects(false)}); the application's client itself is left as it was. The no-argument
 * constructor (the one {@code ServiceLoader} uses) creates a private client with OkHttp's defaults.
 *
 * <h2>What a request does</h2>
 * <ul>
 *   <li>Timeouts: {@link HttpRequest#connectTimeout()} bounds each connection attempt;
 *       {@link HttpRequest#timeout()} bounds the whole exchange (the body included) through
 *       OkHttp's call timeout; a shorter call timeout configured on the
 *       application's client still applies, as do its read and write timeouts.
 *   <li>Redirects: none are followed. A 3xx is returned as a response with its {@code Location},
 *       and Sigil's core follows it by its own rules (at most 3 hops, never from https to http,
 *       plain http only between loopback hosts), the same for every transport.
 *   <li>Body cap: a {@code Content-Length} above {@link HttpRequest#maxBodyBytes()} fails before
 *       the body is read; otherwise reading stops one byte past the cap. The cap counts decoded
 *       bytes: OkHttp negotiates gzip and decompresses itself, so a caller's
 *       {@code Accept-Encoding} is not forwarded. A body in another encoding is returned as
 *       received, with its {@code Content-Encoding}, and core refuses it.
 * </ul>
 *
 * <h2>Failures</h2>
 * Any HTTP status is a response. Connectivity failures throw {@link IOException}:
 * {@link java.io.InterruptedIOException} (often its subclass {@link SocketTimeoutException}) for a
 * timeout, {@link dev.sigil.spi.ResponseTooLargeException} for the body cap, a plain
 * {@code IOException} otherwise. A request URI that is not
 * {@code http} or {@code https}, or a header OkHttp cannot encode, throws
 * {@link IllegalArgumentException}, as do non-positive timeouts.
 *
 * <h2>Threads and interrupts</h2>
 * Instances are immutable and thread-safe; share one. Each hop runs on the client's
 * {@link okhttp3.Dispatcher} (so its limits on concurrent requests apply) while the caller waits:
 * OkHttp's blocking socket reads ignore interrupts, but the wait does not. An interrupt, whether
 * before or during the request, cancels the call and ends it with an
 * {@code InterruptedIOException}, the thread's interrupt status left set.
 */
public final class OkHttpTransport implements HttpTransport {

    /** The highest priority among Sigil's transports, so OkHttp wins when it is present. */
    static final int PRIORITY = 200;

    /** One request per call, so OkHttp's redirect following is off; everything else is the application's. */
    private final OkHttpClient client;

    /** A transport with its own {@code OkHttpClient}, OkHttp's defaults. */
    public OkHttpTransport() {
        this(new OkHttpClient());
    }

    private OkHttpTransport(OkHttpClient client) {
        this.client = client.newBuilder()
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
    }

    /**
     * A transport that sends through the application's client, sharing its connection pool,
     * dispatcher and interceptors. The client is not modified and not closed by this transport.
     *
     * @param client the application's OkHttp client
     * @return a transport that sends every request through {@code client}
     * @throws NullPointerException if {@code client} is null
     */
    public static OkHttpTransport using(OkHttpClient client) {
        return new OkHttpTransport(Objects.requireNonNull(client, "client"));
    }

    /** Returns {@code "okhttp"}. */
    @Override
    public String name() {
        return "okhttp";
    }

    /** Returns {@value #PRIORITY}, preferred over the JDK transport. */
    @Override
    public int priority() {
        return PRIORITY;
    }

    /**
     * Performs one {@code GET}; a redirect is returned as a response.
     *
     * @throws IOException on any connectivity failure, timeout, or a body above the cap
     * @throws IllegalArgumentException if the URI is not {@code http}/{@code https}, a header cannot
     *     be sent, or a timeout is not positive
     */
    @Override
    public HttpResponse get(HttpRequest request) throws IOException {
        Objects.requireNonNull(request, "request");
        long budgetNanos = positiveNanos(request.timeout(), "timeout");
        OkHttpClient perRequest = client.newBuilder()
                .connectTimeout(connectMillis(request.connectTimeout()), TimeUnit.MILLISECONDS)
                .build();
        HttpUrl url = HttpUrl.get(request.uri().toASCIIString());
        if (Thread.currentThread().isInterrupted()) {
            // isInterrupted(), not interrupted(): the caller's interrupt status stays set.
            throw new InterruptedIOException("interrupted before requesting " + url.redact());
        }
        Call call = perRequest.newCall(Requests.get(url, request.headers()));
        // The client's call timeout, when the application set one, is the default here.
        long clientDefault = call.timeout().timeoutNanos();
        call.timeout().timeout(clientDefault > 0 ? Math.min(clientDefault, budgetNanos) : budgetNanos,
                TimeUnit.NANOSECONDS);
        return Hop.await(call, request.maxBodyBytes(), budgetNanos);
    }

    private static long positiveNanos(Duration duration, String what) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + duration);
        }
        // Saturate instead of overflowing: a huge timeout means "effectively none", and okio adds
        // the value to System.nanoTime(), so keep well clear of Long.MAX_VALUE.
        return duration.compareTo(Duration.ofNanos(Long.MAX_VALUE / 4)) > 0
                ? Long.MAX_VALUE / 4 : duration.toNanos();
    }

    private static long connectMillis(Duration duration) {
        long nanos = positiveNanos(duration, "connectTimeout");
        // OkHttp rejects a positive timeout below one millisecond and one above Integer.MAX_VALUE ms.
        return Math.min(Integer.MAX_VALUE, Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos)));
    }
}
