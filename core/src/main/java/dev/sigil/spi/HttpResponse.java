package dev.sigil.spi;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an {@link HttpTransport} received.
 *
 * @param status the HTTP status code; a redirect (3xx) is returned as such, never followed
 * @param headers response headers as received (values are untrusted text: print them only through
 *     {@link UntrustedText}); names are matched case-insensitively by {@link #header(String)}
 * @param body the body, gzip-decoded if the transport decoded it (and then without
 *     {@code Content-Encoding}), else as received; at most the request's {@code maxBodyBytes}
 */
public record HttpResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /**
     * Keeps copies: the headers under lower-case names, in an unmodifiable map, and the body.
     *
     * @param status the HTTP status code
     * @param headers the response headers, by name
     * @param body the body
     * @throws NullPointerException if the headers or the body is {@code null}
     */
    public HttpResponse {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            copy.put(header.getKey().toLowerCase(Locale.ROOT), List.copyOf(header.getValue()));
        }
        headers = Collections.unmodifiableMap(copy);
        body = body.clone();
    }

    /**
     * {@return the first value of the named header, matched case-insensitively}
     *
     * @param name the header name, in any case
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** {@return a copy of the body} */
    @Override
    public byte[] body() {
        return body.clone();
    }
}
