package dev.sigil.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code GET} for an {@link HttpTransport}: one request, one hop. When it answers with a
 * redirect, core checks the target and makes a new request for it, with what is left of the timeout.
 *
 * @param uri the absolute {@code https} (or loopback {@code http}) URI, already checked by core
 * @param headers request headers to send, such as {@code Accept}, {@code If-None-Match} and
 *     {@code If-Modified-Since}; an unmodifiable copy is kept
 * @param connectTimeout the longest wait for a connection
 * @param timeout the longest wait for the whole response, body included
 * @param maxBodyBytes the largest body accepted; a larger one fails the request
 */
public record HttpRequest(URI uri, Map<String, String> headers, Duration connectTimeout, Duration timeout,
        int maxBodyBytes) {

    /**
     * Checks the request and keeps an unmodifiable copy of the headers.
     *
     * @param uri the URI to fetch
     * @param headers the request headers
     * @param connectTimeout the longest wait for a connection
     * @param timeout the longest wait for the whole response
     * @param maxBodyBytes the largest body accepted
     * @throws NullPointerException if the URI, the headers or a timeout is {@code null}
     * @throws IllegalArgumentException if {@code maxBodyBytes} is negative
     */
    public HttpRequest {
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(timeout, "timeout");
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must not be negative: " + maxBodyBytes);
        }
    }
}
