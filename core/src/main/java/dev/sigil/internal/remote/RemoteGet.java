package dev.sigil.internal.remote;

import dev.sigil.spi.HttpRequest;
import dev.sigil.spi.HttpResponse;
import dev.sigil.spi.HttpTransport;
import dev.sigil.spi.UntrustedText;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code GET} of a discovery document or a key set as core performs it: the transport makes one
 * request per hop and returns redirects unfollowed; this class follows them and applies every rule
 * about where keys may come from, once, for every transport.
 *
 * <ul>
 *   <li>The first URI and every redirect target: absolute {@code http} or {@code https} with a host
 *       and no user info (a fragment is dropped: it is never sent).
 *   <li>Never from {@code https} to {@code http}; plain {@code http} only between loopback hosts
 *       ({@link #isLoopback(String)}), on every hop, so a loopback test issuer cannot hand a fetch to the
 *       network in the clear.
 *   <li>301, 302, 303, 307 and 308 with a {@code Location} are followed, at most
 *       {@value #MAX_REDIRECTS} times; a relative {@code Location} is resolved against the URI that
 *       answered. A redirect without {@code Location} is the final response.
 *   <li>The request's timeout covers the whole chain: each hop gets what is left of it.
 *   <li>A 2xx response whose {@code Content-Encoding} is anything but identity (after the
 *       transport's own gzip decoding, if it has one) is refused: those bytes never reach a parser.
 * </ul>
 *
 * <p>Where an issuer's metadata lives (OpenID Connect Discovery 1.0 section 4, RFC 8414 section 3)
 * is here too, with the rule for which URIs keys may be fetched from at all ({@link #refusal(URI)}):
 * {@code https}, or {@code http} on a loopback host only.
 *
 * <p>Refusals are {@link Refused}, whose message is printable and names the rule. Stateless.
 */
public final class RemoteGet {

    /** Redirect hops followed per fetch. */
    public static final int MAX_REDIRECTS = 3;
    /** Entra ID's sign-in hosts: the public cloud, the US government and the China clouds. */
    private static final Set<String> ENTRA_HOSTS = Set.of("login.microsoftonline.com", "login.microsoftonline.us",
            "login.partner.microsoftonline.cn", "login.chinacloudapi.cn", "login.windows.net");
    /** The tenant segments that stand for many tenants (Microsoft identity platform, "Endpoints"). */
    public static final Set<String> ENTRA_MULTI_TENANT = Set.of("common", "organizations", "consumers");

    /** A fetch refused by one of the rules above; the message is safe to print and log. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private RemoteGet() {
    }

    /**
     * Performs the {@code GET}, following redirects by the rules of the class description.
     *
     * @return the final response: not a followed redirect
     * @throws Refused if a rule refuses the URI, a redirect target or the final response
     * @throws IOException as the transport throws it, or when no time is left for the next hop
     */
    public static HttpResponse get(HttpTransport transport, URI uri, Map<String, String> headers,
            Duration connectTimeout, Duration timeout, int maxBodyBytes) throws IOException {
        String refusal = refusal(uri);
        if (refusal != null) {
            throw new Refused(refusal);
        }
        long budget = timeout.compareTo(Duration.ofDays(365)) > 0 ? Duration.ofDays(365).toNanos() : timeout.toNanos();
        long start = System.nanoTime();
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            long left = budget - (System.nanoTime() - start);
            if (left <= 0) {
                throw new SocketTimeoutException("no complete response within " + timeout.toMillis() + " ms, after "
                        + redirects + " redirects, the last to " + show(current));
            }
            HttpResponse response = transport.get(new HttpRequest(current, headers, connectTimeout,
                    Duration.ofNanos(left), maxBodyBytes));
            if (response == null) {
                return null;
            }
            Optional<URI> next = redirectTarget(current, response);
            if (next.isEmpty()) {
                requireIdentity(current, response);
                return response;
            }
            if (redirects == MAX_REDIRECTS) {
                throw new Refused("too many redirects: more than " + MAX_REDIRECTS + ", the last from " + show(current)
                        + " to " + show(next.get()));
            }
            current = next.get();
        }
    }

    private static Optional<URI> redirectTarget(URI from, HttpResponse response) throws Refused {
        int status = response.status();
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            return Optional.empty();
        }
        Optional<String> location = response.header("Location");
        if (location.isEmpty()) {
            return Optional.empty();
        }
        URI target;
        try {
            target = from.resolve(new URI(location.get().trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new Refused("refused redirect from " + show(from) + " to " + UntrustedText.printable(location.get())
                    + ": not a valid uri");
        }
        String why = hopRefusal(from, target);
        if (why != null) {
            throw new Refused("refused redirect from " + show(from) + " to " + show(target) + ": " + why);
        }
        if (target.getRawFragment() != null) {
            try {
                target = new URI(target.getScheme(), target.getRawAuthority(), target.getRawPath(), target.getRawQuery(), null);
            } catch (URISyntaxException e) {
                throw new Refused("refused redirect from " + show(from) + " to " + show(target) + ": not a valid uri");
            }
        }
        return Optional.of(target);
    }

    /**
     * Why a redirect from {@code from} to {@code to} may not be followed, or {@code null} if it may.
     * The one place the hop rules live.
     */
    static String hopRefusal(URI from, URI to) {
        String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || !to.isAbsolute() || to.getHost() == null) {
            return "not an http or https uri";
        }
        if (to.getRawUserInfo() != null) {
            return "the target carries user info";
        }
        boolean fromHttps = from.getScheme().equalsIgnoreCase("https");
        if (scheme.equals("http") && fromHttps) {
            return "never from https to http";
        }
        if (scheme.equals("http") && !(isLoopback(from.getHost()) && isLoopback(to.getHost()))) {
            return "plain http is allowed between loopback hosts only";
        }
        return null;
    }

    /**
     * Refuses a successful response in an encoding nobody decoded: every value and every
     * comma-separated coding of {@code Content-Encoding} must be empty or {@code identity}.
     */
    private static void requireIdentity(URI uri, HttpResponse response) throws Refused {
        if (response.status() < 200 || response.status() > 299) {
            return;
        }
        List<String> values = response.headers().get("Content-Encoding");
        if (values == null) {
            return;
        }
        for (String value : values) {
            for (String coding : value.split(",", -1)) {
                String c = coding.trim();
                if (!c.isEmpty() && !c.equalsIgnoreCase("identity")) {
                    throw new Refused("unsupported Content-Encoding " + UntrustedText.quoted(value) + " from " + show(uri)
                            + ": only identity is read (a transport decodes gzip itself)");
                }
            }
        }
    }

    /** A URI as messages show it: printable, since a Location or a jwks_uri comes from outside. */
    public static String show(URI uri) {
        return UntrustedText.printable(uri.toString());
    }

    /** {@code {issuer}/.well-known/openid-configuration}, the issuer's trailing slash removed first. */
    public static URI openIdConfiguration(String issuer) {
        return URI.create(trimSlash(issuer) + "/.well-known/openid-configuration");
    }

    /**
     * RFC 8414's {@code /.well-known/oauth-authorization-server{path}}: the well-known segment goes
     * between the host and the issuer's path.
     */
    public static URI oauthAuthorizationServer(String issuer) {
        URI uri = URI.create(trimSlash(issuer));
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        try {
            return new URI(uri.getScheme(), uri.getRawAuthority(), "/.well-known/oauth-authorization-server" + path,
                    null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("issuer is not a valid uri: " + e.getMessage(), e);
        }
    }

    /**
     * Why keys may not be fetched from {@code uri}, or {@code null} if they may: it must be absolute,
     * without user info or fragment, and {@code https} unless its host is a loopback literal
     * ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}).
     */
    public static String refusal(URI uri) {
        if (!uri.isAbsolute() || uri.getHost() == null) {
            return quoted(uri) + " is not an absolute http(s) uri with a host";
        }
        if (uri.getRawUserInfo() != null) {
            return UntrustedText.quoted(uri.getScheme() + "://" + uri.getHost() + "/...") + " carries user info";
        }
        if (uri.getRawFragment() != null) {
            return quoted(uri) + " has a fragment";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return null;
        }
        if (scheme.equals("http") && isLoopback(uri.getHost())) {
            return null;
        }
        return quoted(uri) + " must use https (plain http is allowed for loopback hosts only)";
    }

    /**
     * Why a discovery document's {@code jwks_uri} may not be fetched for {@code issuer}, or
     * {@code null} if it may: {@link #refusal(URI)}, and under an {@code https} issuer never plain
     * {@code http}, loopback included, since that would hand the keys of a TLS-protected issuer to
     * anyone on the path (or on the machine).
     */
    public static String jwksRefusal(String issuer, URI jwksUri) {
        String refusal = refusal(jwksUri);
        if (refusal != null) {
            return refusal;
        }
        if (issuer.regionMatches(true, 0, "https:", 0, 6) && jwksUri.getScheme().equalsIgnoreCase("http")) {
            return UntrustedText.printable(jwksUri.toString()) + " is plain http under the https issuer "
                    + UntrustedText.printable(issuer) + " (refused, loopback included)";
        }
        return null;
    }

    /**
     * Why {@code issuer} cannot be one verifier's expected issuer because it stands for many tenants'
     * issuers, or {@code null}: it holds a {@code {tenant}} or {@code {tenantid}} placeholder, or it is
     * one of Entra ID's multi-tenant endpoints ({@code common}, {@code organizations},
     * {@code consumers}), whose discovery document names the template issuer
     * {@code https://login.microsoftonline.com/{tenantid}/v2.0} while each token names its own
     * tenant. Either way no token could match, so the message names the two ways that work.
     */
    public static String multiTenantRefusal(String issuer) {
        if (hasTenantPlaceholder(issuer)) {
            return "issuer " + UntrustedText.quoted(issuer) + " is a template for many tenants' issuers, and a token's"
                    + " \"iss\" names one tenant: give the template to MultiIssuerVerifier.Builder.issuerTemplate(template,"
                    + " \"tid\", tenants), or configure one tenant's own issuer";
        }
        URI uri;
        try {
            uri = URI.create(issuer);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        int end = path.indexOf('/', 1);
        String segment = path.length() < 2 ? "" : path.substring(1, end < 0 ? path.length() : end);
        if (!ENTRA_HOSTS.contains(host) || !ENTRA_MULTI_TENANT.contains(segment.toLowerCase(Locale.ROOT))) {
            return null;
        }
        String template = uri.getScheme() + "://" + uri.getRawAuthority() + "/{tenantid}" + (end < 0 ? "" : path.substring(end));
        return "issuer " + UntrustedText.quoted(issuer) + " is Entra ID's multi-tenant '" + segment + "' endpoint: its"
                + " discovery document names the template issuer " + UntrustedText.quoted(template)
                + ", and each token names its own tenant's issuer; give that template to"
                + " MultiIssuerVerifier.Builder.issuerTemplate(template, \"tid\", tenants), or configure your tenant's own"
                + " issuer, " + UntrustedText.quoted(template.replace("{tenantid}", "<tenant id>"));
    }

    /** Whether {@code text} holds a tenant placeholder, as Entra ID's multi-tenant documents' issuers do. */
    public static boolean hasTenantPlaceholder(String text) {
        return text.contains("{tenantid}") || text.contains("{tenant}");
    }

    private static String quoted(URI uri) {
        return UntrustedText.quoted(uri.toString());
    }

    /** Loopback by its literal form only: no name is resolved. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.equals("[::1]") || h.equals("::1")) {
            return true;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !digits(part) || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    // A loop, not chars().allMatch: this runs on the way to the first token, where loading the
    // stream classes costs more than the check.
    private static boolean digits(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String trimSlash(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }
}
