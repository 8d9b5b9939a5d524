package dev.sigil.internal.remote;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** The few HTTP caching headers a key set's freshness depends on (RFC 9111, RFC 9110). */
public final class HttpCaching {

    /** A hostile or mistaken Retry-After must not stop refreshes for days. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    /** The longest validator echoed; real ones are tens of characters. */
    static final int MAX_VALIDATOR_CHARS = 256;

    private HttpCaching() {
    }

    /**
     * How long a response may be cached by its {@code Cache-Control}: {@code max-age} within
     * [min, max]; {@code no-store} or {@code no-cache} give the minimum; absent or unreadable gives
     * the default. {@code s-maxage} is for shared caches and is not honoured.
     */
    public static Duration freshness(Optional<String> cacheControl, Duration defaultTtl, Duration min, Duration max) {
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
    public static Optional<Duration> retryAfter(Optional<String> header, Instant now) {
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
    public static String echoableEtag(String etag) {
        return etag != null && isVisibleAscii(etag, false) ? etag : null;
    }

    /**
     * The {@code Last-Modified} to send back in {@code If-Modified-Since}, or {@code null}: as
     * {@link #echoableEtag(String)}, and single spaces between visible characters are allowed too,
     * as an HTTP-date has them (RFC 9110 section 5.6.7); no leading, trailing or double space, no tab.
     */
    public static String echoableLastModified(String lastModified) {
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
