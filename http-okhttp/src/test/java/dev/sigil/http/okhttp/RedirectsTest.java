package dev.sigil.http.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The redirect rules on responses built in memory: the exact failure messages, and the cases the
 * conformance suite leaves to each transport (a redirect status without {@code Location}).
 */
class RedirectsTest {

    private static Response redirect(String from, int status, String location) {
        Response.Builder builder = new Response.Builder()
                .request(new Request.Builder().url(from).build())
                .protocol(Protocol.HTTP_1_1)
                .code(status)
                .message("redirect");
        if (location != null) {
            builder.header("Location", location);
        }
        return builder.build();
    }

    @Test
    void refusesARedirectFromHttpsToHttp() {
        Redirects redirects = new Redirects(3);

        IOException e = assertThrows(IOException.class,
                () -> redirects.next(redirect("https://issuer.example/jwks", 302, "http://issuer.example/jwks")));
        assertEquals("refused redirect from https to http: https://issuer.example/... -> http://issuer.example/...",
                e.getMessage());
    }

    @Test
    void countsHopsAndRefusesTheOneTooMany() throws IOException {
        Redirects redirects = new Redirects(3);
        for (int i = 0; i < 3; i++) {
            redirects.next(redirect("https://issuer.example/" + i, 307, "/" + (i + 1)));
        }

        IOException e = assertThrows(IOException.class,
                () -> redirects.next(redirect("https://issuer.example/3", 307, "/4")));
        assertEquals("too many redirects: more than 3, the last from https://issuer.example/...", e.getMessage());
    }

    @Test
    void returnsNullForOtherStatusesAndForRedirectsWithoutLocation() throws IOException {
        Redirects redirects = new Redirects(3);

        assertNull(redirects.next(redirect("https://issuer.example/jwks", 200, null)));
        assertNull(redirects.next(redirect("https://issuer.example/jwks", 300, "/elsewhere")));
        assertNull(redirects.next(redirect("https://issuer.example/jwks", 304, null)));
        assertNull(redirects.next(redirect("https://issuer.example/jwks", 302, null)));
    }
}
