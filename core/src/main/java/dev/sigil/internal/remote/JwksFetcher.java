package dev.sigil.internal.remote;

import dev.sigil.internal.log.SigilLoggers;
import dev.sigil.jwk.InvalidJwkException;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksCachePolicy;
import dev.sigil.jwk.JwksListener;
import dev.sigil.spi.HttpResponse;
import dev.sigil.spi.HttpTransport;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.UntrustedText;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The requests one cache makes, and the key set's fetch.
 *
 * <p>Every GET, discovery's too, goes through {@link RemoteGet} within the policy's timeouts and body
 * cap, and its outcome reaches the listener once, so that failures are reported one way.
 *
 * <p>Freshness and validators follow the few HTTP caching headers a key set depends on (RFC 9111,
 * RFC 9110): {@code Cache-Control}, {@code Retry-After}, {@code ETag} and {@code Last-Modified}.
 *
 * <p>The key set's fetch from a known {@code jwks_uri}: a conditional GET when the previous snapshot
 * came from the same URI, freshness from {@code Cache-Control} within the policy's bounds, the body
 * parsed within JSON limits derived from the body cap, and at most {@code maxKeys} entries. It
 * publishes nothing: it returns the next snapshot or throws.
 */
final class JwksFetcher {
    private static final Map<String, String> ACCEPT_JSON =
            Map.of("Accept", "application/jwk-set+json, application/json;q=0.9");
    /** A hostile or mistaken Retry-After must not stop refreshes for days. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    /** The longest validator echoed; real ones are tens of characters. */
    static final int MAX_VALIDATOR_CHARS = 256;

    private final HttpTransport transport;
    private final JwksListener listener;
    private final BiFunction<byte[], JsonLimits, JwkSet> parser;
    private final JwksCachePolicy policy;
    private final Clock clock;
    private final FetchStats stats;
    private final JsonLimits setLimits;

    /**
     * @param parser {@code JwkSet.parse} with the cache's codec; it throws {@link InvalidJwkException}
     *     for a malformed set
     */
    JwksFetcher(HttpTransport transport, JwksListener listener, BiFunction<byte[], JsonLimits, JwkSet> parser,
            JwksCachePolicy policy, Clock clock, FetchStats stats) {
        this.transport = transport;
        this.listener = listener;
        this.parser = parser;
        this.policy = policy;
        this.clock = clock;
        this.stats = stats;
        // The body cap bounds what can arrive, so the parser must admit that much and no more.
        this.setLimits = new JsonLimits(policy.maxBodyBytes(), JsonLimits.DEFAULT.maxDepth(),
                JsonLimits.DEFAULT.maxStringLength());
    }

    Snapshot fetch(URI uri, Snapshot previous) throws FetchFailure {
        // Validators belong to the resource that sent them: none go to a jwks_uri found anew.
        Snapshot validated = previous != null && previous.source.equals(uri) ? previous : null;
        Map<String, String> headers = new LinkedHashMap<>(ACCEPT_JSON);
        if (validated != null && validated.etag != null) {
            headers.put("If-None-Match", validated.etag);
        }
        if (validated != null && validated.lastModified != null) {
            headers.put("If-Modified-Since", validated.lastModified);
        }
        stats.fetchStarted();
        long start = System.nanoTime();
        HttpResponse response = get(uri, headers, start);
        Instant now = clock.instant();
        Duration ttl = freshness(response.header("Cache-Control"), policy.defaultTtl(), policy.minTtl(),
                policy.maxTtl());
        // A validator no client can send back as received is dropped here, so the next request is
        // unconditional rather than one that cannot be built or can never match.
        String etag = echoableEtag(response.header("ETag").orElse(null));
        String lastModified = echoableLastModified(response.header("Last-Modified").orElse(null));
        if (response.status() == 304 && validated != null) {
            stats.notModified();
            succeeded(uri, 304, start);
            return new Snapshot(uri, validated.set(), validated.body, now.plus(ttl), policy.refreshAhead(),
                    response.header("ETag").isPresent() ? etag : validated.etag,
                    response.header("Last-Modified").isPresent() ? lastModified : validated.lastModified);
        }
        if (response.status() != 200) {
            throw httpFailure(uri, response, now, start);
        }
        byte[] body = response.body();
        JwkSet set;
        if (previous != null && Arrays.equals(body, previous.body)) {
            // The same bytes: keep the same instance, so verifiers keep their imported keys.
            set = previous.set();
        } else {
            try {
                set = parser.apply(body, setLimits);
            } catch (InvalidJwkException e) {
                // InvalidJwkException's messages are printable already (its class comment).
                throw failed(uri, 200, "malformed key set from " + RemoteGet.show(uri) + ": " + e.getMessage(),
                        null, start, e);
            }
            int entries = set.keys().size() + set.malformedKeys().size();
            if (entries > policy.maxKeys()) {
                throw failed(uri, 200, "key set from " + RemoteGet.show(uri) + " holds " + entries
                        + " keys, more than the limit of " + policy.maxKeys(), null, start, null);
            }
        }
        succeeded(uri, 200, start);
        return new Snapshot(uri, set, body, now.plus(ttl), policy.refreshAhead(), etag, lastModified);
    }

    /**
     * One GET through {@link RemoteGet}, which follows redirects by core's rules. Anything the
     * transport throws, unchecked exceptions included (a header it cannot encode, a bug), is a
     * failed fetch with the usual backoff: a later attempt may succeed.
     */
    HttpResponse get(URI uri, Map<String, String> headers, long start) throws FetchFailure {
        try {
            HttpResponse response = RemoteGet.get(transport, uri, headers, policy.connectTimeout(),
                    policy.requestTimeout(), policy.maxBodyBytes());
            if (response == null) {
                throw failed(uri, 0, "http transport " + UntrustedText.quoted(transport.name()) + " returned no response",
                        null, start, null);
            }
            return response;
        } catch (RemoteGet.Refused e) {
            throw failed(uri, 0, e.getMessage(), null, start, e);
        } catch (IOException e) {
            throw failed(uri, 0, "fetching " + RemoteGet.show(uri) + " failed: " + UntrustedText.printable(e.toString()),
                    null, start, e);
        } catch (RuntimeException e) {
            throw failed(uri, 0, "http transport " + UntrustedText.quoted(transport.name()) + " failed: "
                    + UntrustedText.printable(e.toString()), null, start, e);
        }
    }

    /** A status the caller cannot use; 429 and 503 carry the issuer's {@code Retry-After}. */
    FetchFailure httpFailure(URI uri, HttpResponse response, Instant now, long start) {
        Duration retryAfter = response.status() == 429 || response.status() == 503
                ? retryAfter(response.header("Retry-After"), now).orElse(null) : null;
        return failed(uri, response.status(), RemoteGet.show(uri) + " answered HTTP " + response.status(), retryAfter, start,
                null);
    }

    /**
     * Reports the failure to the listener and returns it to throw; {@code status} is that of the
     * unusable answer, or 0 when none came.
     */
    FetchFailure failed(URI uri, int status, String reason, Duration retryAfter, long start, Throwable cause) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        try {
            listener.fetchFailed(uri, status, reason, took);
        } catch (RuntimeException e) {
            listenerThrew(e);
        }
        return new FetchFailure(reason, retryAfter, cause);
    }

    void succeeded(URI uri, int status, long start) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        try {
            listener.fetchSucceeded(uri, status, took);
        } catch (RuntimeException e) {
            listenerThrew(e);
        }
    }

    /**
     * Logs what the application's listener threw, which is then ignored, since its bug must not fail
     * a fetch. Each call site catches for itself rather than handing this a lambda: those calls are on
     * every cold start's way to its first token, where each lambda costs a class spun (issue 18).
     */
    static void listenerThrew(RuntimeException e) {
        SigilLoggers.jwk().log(Level.WARNING, "a JwksListener threw; ignored", e);
    }

    /**
     * How long a response may be cached by its {@code Cache-Control}: {@code max-age} within
     * [min, max]; {@code no-store} or {@code no-cache} give the minimum; absent or unreadable gives
     * the default. {@code s-maxage} is for shared caches and is not honoured.
     */
    static Duration freshness(Optional<String> cacheControl, Duration defaultTtl, Duration min, Duration max) {
        if (cacheControl.isEmpty()) {
            return defaultTtl;
        }
        Duration ttl = null;
        for (String directive : cacheControl.get().split(",")) {
            String d = directive.trim().toLowerCase(Locale.ROOT);
            if (d.equals("no-store") || d.equals("no-cache")) {
                return min;
            }
            if (d.startsWith("max-age=")) {
                ttl = seconds(d.substring("max-age=".length()));
            }
        }
        if (ttl == null) {
            return defaultTtl;
        }
        return ttl.compareTo(min) < 0 ? min : ttl.compareTo(max) > 0 ? max : ttl;
    }

    /**
     * The wait a {@code Retry-After} header asks for (delta-seconds or an HTTP date), capped at one
     * hour; empty when absent or unreadable.
     */
    static Optional<Duration> retryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        Duration wait = seconds(value);
        if (wait == null) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = Duration.between(now, at);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (wait.isNegative()) {
            return Optional.of(Duration.ZERO);
        }
        return Optional.of(wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait);
    }

    /**
     * The {@code ETag} to send back in {@code If-None-Match}, or {@code null} when it is not to be
     * echoed: only a value of 1 to {@value #MAX_VALIDATOR_CHARS} visible ASCII characters (VCHAR,
     * 0x21-0x7E) is. RFC 9110 (section 8.8.3) also allows obs-text, bytes 0x80-0xFF, which no
     * client can send back as received: OkHttp refuses to build the request and the JDK's client
     * replaces them, so a conditional request with them could never match and might never be sent.
     * Dropping the validator makes the next request unconditional, which always works.
     */
    static String echoableEtag(String etag) {
        return etag != null && isVisibleAscii(etag, false) ? etag : null;
    }

    /**
     * The {@code Last-Modified} to send back in {@code If-Modified-Since}, or {@code null}: as
     * {@link #echoableEtag(String)}, and single spaces between visible characters are allowed too,
     * as an HTTP-date has them (RFC 9110 section 5.6.7); no leading, trailing or double space, no tab.
     */
    static String echoableLastModified(String lastModified) {
        return lastModified != null && isVisibleAscii(lastModified, true) ? lastModified : null;
    }

    private static boolean isVisibleAscii(String value, boolean singleSpaces) {
        if (value.isEmpty() || value.length() > MAX_VALIDATOR_CHARS) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' && singleSpaces && i > 0 && i < value.length() - 1 && value.charAt(i - 1) != ' ') {
                continue;
            }
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static Duration seconds(String text) {
        String v = text.trim();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.isEmpty()) {
            return null;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return null;
            }
        }
        // More digits than any real max-age: "very long", which the caller clamps.
        return v.length() > 12 ? Duration.ofSeconds(999_999_999_999L) : Duration.ofSeconds(Long.parseLong(v));
    }
}
