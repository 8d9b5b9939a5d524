package dev.sigil.internal.remote;

import dev.sigil.spi.UntrustedText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where an issuer's metadata lives (OpenID Connect Discovery 1.0 section 4, RFC 8414 section 3),
 * and which URIs keys may be fetched from: {@code https}, or {@code http} on a loopback host only.
 */
public final class IssuerUris {

    private IssuerUris() {
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
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static String trimSlash(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }
}
