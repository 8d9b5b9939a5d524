package dev.sigil.spring.boot.tests.filter;

// The README's servlet filter, "In a web server (snippets)": from here to the end of the file, the
// README's code line for line (ReadmeSnippetsTest checks it). Applications without Spring copy it.
// --- README: BearerTokenFilter ---
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.VerifiedJwt;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

public final class BearerTokenFilter extends HttpFilter {

    private final JwtVerifier verifier;   // one per issuer, shared by all requests; close() it at shutdown

    public BearerTokenFilter(JwtVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        // RFC 6750 section 2.1: "Bearer" (any case, RFC 9110), one or more spaces, the token.
        if (authorization == null || authorization.length() < 8
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            response.setHeader("WWW-Authenticate", "Bearer");   // no credentials: no error code (section 3.1)
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String token = authorization.substring(7).strip();
        try {
            VerifiedJwt jwt = verifier.verify(token);
            request.setAttribute(VerifiedJwt.class.getName(), jwt);
            chain.doFilter(request, response);
        } catch (JwtVerificationException e) {
            if (e.reason() == Reason.KEYS_UNAVAILABLE || e.reason() == Reason.OVERLOADED) {
                response.setHeader("Retry-After", "30");
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return;
            }
            // The reason is stable and safe to send; the message stays in your logs.
            response.setHeader("WWW-Authenticate",
                    "Bearer error=\"invalid_token\", error_description=\"" + e.reason() + "\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }
}
// --- end of the README snippet ---
