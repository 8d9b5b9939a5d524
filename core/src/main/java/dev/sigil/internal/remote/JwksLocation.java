package dev.sigil.internal.remote;

import dev.sigil.internal.log.SigilLoggers;
import dev.sigil.jwk.JwksCachePolicy;
import dev.sigil.spi.HttpResponse;
import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;
import dev.sigil.spi.UntrustedText;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where the key set is fetched from: the {@code jwks_uri} given to the builder, or the one OpenID
 * Connect discovery finds (falling back to RFC 8414 on 404). A discovered URI is not kept for good:
 * once it fails {@value #REDISCOVER_AFTER_FAILURES} fetches in a row it is forgotten, at most once per
 * cooldown, so the next attempt (on the usual backoff) discovers again and an issuer that moved its
 * keys is followed rather than pinned for the life of the process.
 */
final class JwksLocation {
    /** A discovery document is small and flat; its strings are URLs and names. */
    private static final int MAX_DEPTH = 16;
    private static final int MAX_STRING = 64 * 1024;
    private static final Map<String, String> ACCEPT_JSON = Map.of("Accept", "application/json");
    /** Consecutive failures of a discovered jwks_uri after which discovery runs again. */
    static final int REDISCOVER_AFTER_FAILURES = 2;

    private final URI configured;
    private final String issuer;
    private final String tenant;
    private final JwksFetcher requests;
    private final JsonCodec json;
    private final JwksCachePolicy policy;
    private final Clock clock;
    private final JsonLimits limits;

    private volatile URI discovered;
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock.
    private Instant lastDiscovery;
    private int failuresSinceDiscovery;

    /**
     * Exactly one of {@code configured} and {@code issuer} is non-null; {@code tenant}, when not null,
     * is the tenant a template made {@code issuer} for.
     */
    JwksLocation(URI configured, String issuer, String tenant, JwksFetcher requests, JsonCodec json,
            JwksCachePolicy policy, Clock clock) {
        this.configured = configured;
        this.issuer = issuer;
        this.tenant = tenant;
        this.requests = requests;
        this.json = json;
        this.policy = policy;
        this.clock = clock;
        this.limits = new JsonLimits(policy.maxBodyBytes(), MAX_DEPTH, MAX_STRING);
    }

    /** The URI to fetch now; discovery may run first, and fail. */
    URI jwksUri() throws FetchFailure {
        if (configured != null) {
            return configured;
        }
        URI known = discovered;
        if (known != null) {
            return known;
        }
        lock.lock();
        try {
            lastDiscovery = clock.instant();
        } finally {
            lock.unlock();
        }
        long start = System.nanoTime();
        URI oidc = RemoteGet.openIdConfiguration(issuer);
        HttpResponse response = requests.get(oidc, ACCEPT_JSON, start);
        URI documentUri = oidc;
        if (response.status() == 404) {
            documentUri = RemoteGet.oauthAuthorizationServer(issuer);
            response = requests.get(documentUri, ACCEPT_JSON, start);
        }
        if (response.status() != 200) {
            throw requests.httpFailure(documentUri, response, clock.instant(), start);
        }
        URI jwksUri = jwksUriOf(documentUri, response.body(), start);
        requests.succeeded(documentUri, 200, start);
        discovered = jwksUri;
        return jwksUri;
    }

    private URI jwksUriOf(URI documentUri, byte[] body, long start) throws FetchFailure {
        String at = RemoteGet.show(documentUri);
        Object document;
        try {
            document = json.parse(body, limits);
        } catch (JsonParseException | RuntimeException e) {
            throw requests.failed(documentUri, 200, "discovery document at " + at + " is not valid json: "
                    + UntrustedText.printable(e.getMessage()), null, start, e);
        }
        if (!(document instanceof Map<?, ?> members)) {
            throw requests.failed(documentUri, 200, "discovery document at " + at + " is not a json object", null, start,
                    null);
        }
        Object named = members.get("issuer");
        if (!issuer.equals(named) && !namesThisTenantsTemplate(named)) {
            boolean template = named instanceof String s && RemoteGet.hasTenantPlaceholder(s);
            throw requests.failed(documentUri, 200, "discovery document at " + at + " names "
                    + (template ? "the template issuer " : "issuer ")
                    + (named instanceof String s ? UntrustedText.quoted(s) : "(none)")
                    + ", not the configured " + UntrustedText.quoted(issuer)
                    + (template ? " (a multi-tenant document, such as Entra ID's common, organizations and consumers"
                            + " publish: give the template to MultiIssuerVerifier.Builder.issuerTemplate(..), or"
                            + " configure one tenant's own issuer)" : ""), null, start, null);
        }
        if (!(members.get("jwks_uri") instanceof String jwks)) {
            throw requests.failed(documentUri, 200, "discovery document at " + at + " has no jwks_uri", null, start, null);
        }
        URI jwksUri;
        try {
            jwksUri = URI.create(jwks);
        } catch (IllegalArgumentException e) {
            throw requests.failed(documentUri, 200, "discovery document's jwks_uri " + UntrustedText.quoted(jwks)
                    + " is not a valid uri", null, start, e);
        }
        String refusal = RemoteGet.jwksRefusal(issuer, jwksUri);
        if (refusal != null) {
            throw requests.failed(documentUri, 200, "discovery document's jwks_uri " + refusal, null, start, null);
        }
        return jwksUri;
    }

    /**
     * Whether the document's issuer is the template this verifier's issuer was made from: Entra ID's
     * multi-tenant documents name {@code https://login.microsoftonline.com/{tenantid}/v2.0}, which,
     * with the tenant in the placeholder, is exactly the configured issuer.
     */
    private boolean namesThisTenantsTemplate(Object named) {
        return tenant != null && named instanceof String s && RemoteGet.hasTenantPlaceholder(s)
                && issuer.equals(s.replace("{tenantid}", tenant).replace("{tenant}", tenant));
    }

    /**
     * A fetch from {@code uri} failed: counts towards rediscovery, unless the URI was configured.
     * Returns whether the discovered URI is now forgotten.
     */
    boolean fetchFailed(URI uri) {
        if (configured != null) {
            return false;
        }
        Instant now = clock.instant();
        boolean forget = false;
        lock.lock();
        try {
            if (!uri.equals(discovered)) {
                return false;
            }
            failuresSinceDiscovery++;
            if (failuresSinceDiscovery >= REDISCOVER_AFTER_FAILURES
                    && RefreshState.cooledDown(lastDiscovery, now, policy.refreshCooldown())) {
                discovered = null;
                failuresSinceDiscovery = 0;
                forget = true;
            }
        } finally {
            lock.unlock();
        }
        if (forget) {
            SigilLoggers.jwk().log(Level.INFO, "jwks_uri " + RemoteGet.show(uri) + " failed " + REDISCOVER_AFTER_FAILURES
                    + " fetches in a row; the next attempt runs discovery again");
        }
        return forget;
    }

    /** A fetch succeeded: the failures of the discovered URI start again from zero. */
    void fetchSucceeded() {
        lock.lock();
        try {
            failuresSinceDiscovery = 0;
        } finally {
            lock.unlock();
        }
    }
}
