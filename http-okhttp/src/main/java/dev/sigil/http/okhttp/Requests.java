package dev.sigil.http.okhttp;

import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;

/** Builds the OkHttp {@code GET} for one hop from the caller's URL and headers. */
final class Requests {

    private Requests() {
    }

    /**
     * @throws IllegalArgumentException if a header name or value cannot be sent (OkHttp checks)
     */
    static Request get(HttpUrl url, Map<String, String> headers) {
        Request.Builder builder = new Request.Builder().url(url).get();
        headers.forEach((name, value) -> {
            // OkHttp decompresses gzip only when it chose the encoding itself; a caller's
            // Accept-Encoding would hand back compressed bytes and defeat the decoded-size cap.
            if (!name.toLowerCase(Locale.ROOT).equals("accept-encoding")) {
                builder.header(name, value);
            }
        });
        return builder.build();
    }
}
