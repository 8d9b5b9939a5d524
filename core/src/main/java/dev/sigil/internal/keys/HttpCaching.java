package dev.sigil.internal.keys;

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
