package dev.sigil.http.jdk;

import dev.sigil.spi.HttpRequest;
import dev.sigil.spi.HttpResponse;
import dev.sigil.spi.HttpTransport;
import dev.sigil.spi.UntrustedText;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * Sigil's {@link HttpTransport} over the JDK's own HTTP stack; {@link #name()} {@code "jdk"},
 * {@link #priority()} 100. Found by {@link java.util.ServiceLoader} when {@code sigil-http-jdk} is
 * on the path; needs no dependency beyond the JDK.
 *
 * <h2>Connections</h2>
 * The public constructor makes each request over {@link java.net.HttpURLConnection} (HTTP/1.1, with
 * the JDK's keep-alive, default TLS settings and proxy selector). In a fresh JVM its first response
 * comes about 160 ms sooner than {@link HttpClient}'s, which was most of the time from
 * {@code builder()} to the first verified token, and key sets need neither HTTP/2 nor an
 * asynchronous client. Each exchange runs on a short-lived daemon thread of its own, so that the
 * calling thread can give up on it at the deadline or when interrupted, which a blocked
 * {@code HttpURLConnection} read would not allow. {@link #using(HttpClient)} takes the
 * application's {@link HttpClient} instead, with its proxy, TLS, HTTP version, executor,
 * authenticator and connect timeout.
 *
 * <h2>Timeouts and the body cap</h2>
 * {@link HttpRequest#timeout()} bounds the whole call: the headers and the whole body, whichever
 * client carries it; when it passes, the exchange is abandoned (its connection closed, or its
 * {@code HttpClient} exchange cancelled) and an {@link IOException} thrown. The body is read into
 * memory up to {@link HttpRequest#maxBodyBytes()}: a larger declared {@code Content-Length} is
 * refused before reading, and reading stops as soon as the count passes the cap, in both cases with
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
 * call gets an {@link InterruptedIOException} promptly, the exchange is abandoned, and its interrupt
 * status stays set. A caller's mistake throws {@link IllegalArgumentException} before anything is
 * sent: a header that cannot be sent (a line break in a value) or that the HTTP stack manages
 * itself (such as {@code Host}, {@code Connection} or {@code Content-Length}), a URI that is not
 * absolute http or https, or a connect timeout that is not positive.
 *
 * <h2>Threads</h2>
 * Instances are immutable, thread-safe, and meant to be shared. Calls block the calling thread.
 */
public final class JdkHttpTransport implements HttpTransport {

    /** The application's client, or null when requests go over {@code HttpURLConnection}. */
    private final HttpClientGet supplied;
    private final UrlConnectionGet own;

    /** A transport over {@code HttpURLConnection} with the JDK's defaults; see the class description. */
    public JdkHttpTransport() {
        this.supplied = null;
        this.own = new UrlConnectionGet(null);
    }

    /** Like {@link #JdkHttpTransport()}, but https uses this TLS context (tests). */
    JdkHttpTransport(SSLContext sslContext) {
        this.supplied = null;
        this.own = new UrlConnectionGet(Objects.requireNonNull(sslContext, "sslContext").getSocketFactory());
    }

    private JdkHttpTransport(HttpClient client) {
        this.supplied = new HttpClientGet(client);
        this.own = null;
    }

    /**
     * A transport over the application's own client, which keeps its proxy, TLS, HTTP version,
     * authenticator, executor and connect timeout; {@link HttpRequest#timeout()} still bounds the
     * whole exchange.
     *
     * @param client a client built with {@code followRedirects(HttpClient.Redirect.NEVER)}, the default
     * @return a transport that sends every request through {@code client}
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
        return new JdkHttpTransport(client);
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
            throw new InterruptedIOException("interrupted before GET " + UntrustedText.printable(uri.toString()));
        }
        long deadline = System.nanoTime() + saturatedNanos(request.timeout());
        return supplied != null ? supplied.get(request, deadline) : own.get(request, deadline);
    }

    private static void requireHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http or https URI: " + UntrustedText.printable(uri.toString()));
        }
    }

    /** Duration.toNanos overflows past 292 years; such a timeout means "no timeout" anyway. */
    private static long saturatedNanos(Duration duration) {
        return duration.compareTo(Duration.ofDays(365)) > 0 ? TimeUnit.DAYS.toNanos(365) : Math.max(0, duration.toNanos());
    }
}
