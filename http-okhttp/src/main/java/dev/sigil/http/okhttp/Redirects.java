package dev.sigil.http.okhttp;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * The redirect rules of the {@code HttpTransport} contract for one request: which statuses are
 * followed, how many hops, and which targets are refused. One per request; its hops run one after
 * another (each may be on a different dispatcher thread, ordered by the caller's wait), never at once.
 */
final class Redirects {

    private final int maxHops;
    private int hops;

    Redirects(int maxHops) {
        this.maxHops = maxHops;
    }

    /**
     * The URL to request next, or null when {@code response} is the one to return: not a redirect,
     * or a redirect without a {@code Location} (OkHttp returns those as responses too).
     *
     * @throws IOException if this would be one hop too many, the target is not an http(s) URL, or
     *     it leaves https for http
     */
    HttpUrl next(Response response) throws IOException {
        if (!isFollowed(response.code())) {
            return null;
        }
        String location = response.header("Location");
        if (location == null) {
            return null;
        }
        HttpUrl from = response.request().url();
        if (hops == maxHops) {
            throw new IOException("too many redirects: more than " + maxHops + ", the last from "
                    + from.redact());
        }
        // Resolved against the request that got the redirect: it may itself have been redirected
        // or rewritten by an application interceptor.
        HttpUrl to = from.resolve(location);
        if (to == null) {
            throw new IOException("redirect from " + from.redact() + " to an unusable location"
                    + " (not an http or https URL)");
        }
        if (from.isHttps() && !to.isHttps()) {
            // A downgrade would hand the key set to anyone on the path, so it is never followed.
            throw new IOException("refused redirect from https to http: " + from.redact() + " -> "
                    + to.redact());
        }
        hops++;
        return to;
    }

    private static boolean isFollowed(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
