package dev.sigil.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fake OpenID Connect issuer on {@code http://127.0.0.1:<port>/}: a discovery document and a
 * JSON Web Key Set whose answers a test controls, and counts of what was asked.
 *
 * <pre>{@code
 * try (FakeIssuer issuer = FakeIssuer.start()) {
 *     issuer.publishKeys(jwksJson, Map.of("Cache-Control", "max-age=60", "ETag", "\"v1\""));
 *     JwtVerifier verifier = JwtVerifier.builder().issuer(issuer.issuer()).audience("api").build();
 *     ...
 *     assertEquals(1, issuer.jwksRequests());
 * }
 * }</pre>
 *
 * <h2>Defaults</h2>
 * Discovery answers {@code {"issuer": issuer(), "jwks_uri": jwksUri(), ...}}; the key set answers
 * {@code {"keys":[]}} with {@code Content-Type: application/json} until {@link #publishKeys} is
 * called. Plain http, which core accepts for loopback hosts, unless started with {@link #startHttps()}.
 *
 * <h2>Conditional requests</h2>
 * When the published headers carry an {@code ETag}, a request whose {@code If-None-Match} contains
 * that tag gets {@code 304 Not Modified} (with the published headers, without a body); likewise
 * {@code If-Modified-Since} equal to a published {@code Last-Modified}. Any other request gets the
 * full set.
 *
 * <h2>Threads</h2>
 * Methods that change the answers are synchronized; requests are served concurrently by WireMock.
 * Counts come from WireMock's request journal and include requests still being answered.
 */
public final class FakeIssuer implements AutoCloseable {

    /** A broken answer for the key set, independent of WireMock's own types. */
    public enum Failure {
        /** The connection is reset before any response. */
        CONNECTION_RESET,
        /** The connection is closed without any response. */
        EMPTY_RESPONSE,
        /** A 200 status line and headers, then a malformed chunked body. */
        MALFORMED_RESPONSE,
        /** No answer for a minute: longer than any sane client timeout. */
        HANG
    }

    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    static final String JWKS_PATH = "/.well-known/jwks.json";
    private static final int HANG_MILLIS = 60_000;

    private final WireMockServer server;
    private final String issuer;
    private final List<StubMapping> jwksStubs = new ArrayList<>();
    private final List<StubMapping> extraStubs = new ArrayList<>();
    private StubMapping discoveryStub;
    // Where the key set is served; moveJwks changes it.
    private String jwksPath = JWKS_PATH;

    // What the key set answers; replaced as a whole by publishKeys / failJwks.
    private int jwksStatus = 200;
    private String jwksBody = "{\"keys\":[]}";
    private Map<String, String> jwksHeaders = Map.of("Content-Type", "application/json");
    private Failure jwksFailure;
    private Duration jwksDelay = Duration.ZERO;

    private FakeIssuer(WireMockServer server, boolean https) {
        this.server = server;
        this.issuer = https ? "https://127.0.0.1:" + server.httpsPort() + "/" : "http://127.0.0.1:" + server.port() + "/";
    }

    /**
     * Starts an issuer on a free port of {@code 127.0.0.1}; {@link #close()} stops it.
     *
     * @return the running issuer
     */
    public static FakeIssuer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .gzipDisabled(true)
                .notifier(new ConsoleNotifier(false)));
        return started(server, false);
    }

    /**
     * Starts an issuer whose identifier is {@code https://127.0.0.1:<port>/}, with the certificate
     * {@link TestServerTrust} trusts. The same answers are also served on a plain http port
     * ({@link #plainHttp(String)}), so a test can point an https issuer's documents at http.
     *
     * @return the running issuer
     */
    public static FakeIssuer startHttps() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .dynamicHttpsPort()
                .keystorePath(TestServerTrust.KEY_STORE_RESOURCE)
                .keystoreType("PKCS12")
                .keystorePassword(TestServerTrust.KEY_STORE_PASSWORD)
                .keyManagerPassword(TestServerTrust.KEY_STORE_PASSWORD)
                .gzipDisabled(true)
                .notifier(new ConsoleNotifier(false)));
        return started(server, true);
    }

    private static FakeIssuer started(WireMockServer server, boolean https) {
        server.start();
        FakeIssuer fake = new FakeIssuer(server, https);
        fake.setDiscoveryDocument(fake.defaultDiscoveryDocument());
        fake.installJwks();
        return fake;
    }

    /**
     * {@return the issuer identifier, exactly as the default discovery document's {@code issuer} member
     * states it: {@code http://127.0.0.1:<port>/} ({@code https} from {@link #startHttps()}), with a
     * trailing slash as Auth0 writes it}
     */
    public String issuer() {
        return issuer;
    }

    /**
     * {@return the URI of a path on this issuer's own scheme and port: {@code <issuer><path without its leading slash>}}
     *
     * @param path a path, with or without its leading slash
     */
    public URI uri(String path) {
        return URI.create(issuer).resolve(path);
    }

    /**
     * {@return the URI of a path on the plain http port, which serves the same answers as the issuer's own}
     *
     * @param path a path, with or without its leading slash
     */
    public URI plainHttp(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + "/").resolve(path);
    }

    /** {@return where the discovery document is served: {@code <issuer>.well-known/openid-configuration}} */
    public URI discoveryUri() {
        return URI.create(issuer).resolve(DISCOVERY_PATH);
    }

    /** {@return where the key set is served, as the default discovery document's {@code jwks_uri} says} */
    public synchronized URI jwksUri() {
        return URI.create(issuer).resolve(jwksPath);
    }

    /**
     * Moves the key set to {@code newPath}, as an issuer does when it changes hosting: the old
     * path answers 404 from now on, the discovery document is reset to the default naming the new
     * {@link #jwksUri()}, and the key set's current answers are served there.
     *
     * @param newPath the key set's new path
     * @return the new {@link #jwksUri()}
     */
    public synchronized URI moveJwks(String newPath) {
        if (!newPath.startsWith("/") || newPath.equals(jwksPath)) {
            throw new IllegalArgumentException("not a new absolute path: " + newPath);
        }
        extraStubs.add(server.stubFor(get(urlPathEqualTo(jwksPath)).atPriority(1)
                .willReturn(aResponse().withStatus(404).withBody("moved"))));
        jwksPath = newPath;
        setDiscoveryDocument(defaultDiscoveryDocument());
        installJwks();
        return jwksUri();
    }

    /**
     * Answers {@code GET path} with {@code status} and this {@code Location}, exactly as given (a
     * relative one included), until {@link #close()}.
     *
     * @param path the path that redirects
     * @param status the redirect status, such as 301 or 307
     * @param location the {@code Location} header, absolute or relative
     */
    public synchronized void redirect(String path, int status, String location) {
        extraStubs.add(server.stubFor(get(urlPathEqualTo(path)).atPriority(1)
                .willReturn(aResponse().withStatus(status).withHeader("Location", location))));
    }

    /**
     * {@return how many requests for {@code path} arrived since the start or the last {@link #resetCounts()}}
     *
     * @param path the path, as requested
     */
    public int requests(String path) {
        return server.findAll(getRequestedFor(urlPathEqualTo(path))).size();
    }

    /**
     * Serves {@code jwksJson} as the key set, with {@code Content-Type: application/json} only.
     *
     * @param jwksJson the key set's JSON text
     */
    public void publishKeys(String jwksJson) {
        publishKeys(jwksJson, Map.of());
    }

    /**
     * Serves {@code jwksJson} as the key set with these response headers (for example
     * {@code Cache-Control}, {@code ETag}, {@code Last-Modified}); {@code Content-Type:
     * application/json} is added unless given. Clears an earlier failure; keeps a delay.
     *
     * @param jwksJson the key set's JSON text
     * @param responseHeaders headers to send with it, by name
     */
    public synchronized void publishKeys(String jwksJson, Map<String, String> responseHeaders) {
        Objects.requireNonNull(jwksJson, "jwksJson");
        Map<String, String> headers = new LinkedHashMap<>(responseHeaders);
        if (headerValue(headers, "Content-Type").isEmpty()) {
            headers.put("Content-Type", "application/json");
        }
        jwksStatus = 200;
        jwksBody = jwksJson;
        jwksHeaders = Map.copyOf(headers);
        jwksFailure = null;
        installJwks();
    }

    /**
     * Answers key-set requests with this status and headers (for example 503 with
     * {@code Retry-After}) and a short text body, until keys are published again. Keeps a delay.
     *
     * @param status the HTTP status to answer with
     * @param responseHeaders headers to send with it, by name
     */
    public synchronized void failJwks(int status, Map<String, String> responseHeaders) {
        jwksStatus = status;
        jwksBody = "fake issuer failure " + status;
        jwksHeaders = Map.copyOf(responseHeaders);
        jwksFailure = null;
        installJwks();
    }

    /**
     * Breaks key-set requests this way until keys are published again.
     *
     * @param failure how the requests fail
     */
    public synchronized void failJwks(Failure failure) {
        jwksFailure = Objects.requireNonNull(failure, "failure");
        installJwks();
    }

    /**
     * Delays every key-set answer (full, 304 or failure) by this much, until changed;
     * {@link Duration#ZERO} removes the delay. The delay is the server's: tests do not sleep.
     *
     * @param delay the delay, or {@link Duration#ZERO}
     */
    public synchronized void delayJwks(Duration delay) {
        if (delay.isNegative() || delay.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("delay out of range: " + delay);
        }
        jwksDelay = delay;
        installJwks();
    }

    /**
     * Replaces the discovery document with this JSON, served as is with {@code application/json}.
     *
     * @param json the discovery document's JSON text
     */
    public synchronized void setDiscoveryDocument(String json) {
        Objects.requireNonNull(json, "json");
        if (discoveryStub != null) {
            server.removeStub(discoveryStub);
        }
        discoveryStub = server.stubFor(get(urlPathEqualTo(DISCOVERY_PATH)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(json)));
    }

    /**
     * Answers OpenID Connect discovery requests with this status and a short text body, until
     * {@link #setDiscoveryDocument} is called (the RFC 8414 path is never stubbed: it answers 404).
     *
     * @param status the HTTP status to answer with
     */
    public synchronized void failDiscovery(int status) {
        if (discoveryStub != null) {
            server.removeStub(discoveryStub);
        }
        discoveryStub = server.stubFor(get(urlPathEqualTo(DISCOVERY_PATH)).willReturn(aResponse()
                .withStatus(status).withBody("fake issuer failure " + status)));
    }

    /**
     * {@return how many requests of any kind, for any path, arrived since the start or the last
     * {@link #resetCounts()}}
     */
    public int totalRequests() {
        return server.getAllServeEvents().size();
    }

    /**
     * {@return how many requests for the key set's current path arrived since the start or the last
     * {@link #resetCounts()}}
     */
    public synchronized int jwksRequests() {
        return server.findAll(getRequestedFor(urlPathEqualTo(jwksPath))).size();
    }

    /** {@return how many discovery requests arrived since the start or the last {@link #resetCounts()}} */
    public int discoveryRequests() {
        return server.findAll(getRequestedFor(urlPathEqualTo(DISCOVERY_PATH))).size();
    }

    /**
     * {@return a header of the latest key-set request, for checking conditional requests
     * ({@code If-None-Match}); empty if there was no such request or header}
     *
     * @param name the header name, such as {@code "If-None-Match"}
     */
    public synchronized Optional<String> lastJwksRequestHeader(String name) {
        List<LoggedRequest> requests = server.findAll(getRequestedFor(urlPathEqualTo(jwksPath)));
        if (requests.isEmpty()) {
            return Optional.empty();
        }
        // Sorted by arrival time rather than trusting the journal's iteration order.
        LoggedRequest latest = requests.stream().max(Comparator.comparing(LoggedRequest::getLoggedDate)).orElseThrow();
        return latest.containsHeader(name) ? Optional.of(latest.getHeader(name)) : Optional.empty();
    }

    /** Forgets the requests counted so far; the answers stay as they are. */
    public void resetCounts() {
        server.resetRequests();
    }

    /** Stops the server; a hanging answer is abandoned. */
    @Override
    public void close() {
        server.stop();
    }

    private String defaultDiscoveryDocument() {
        return "{\"issuer\":\"" + issuer + "\","
                + "\"jwks_uri\":\"" + jwksUri() + "\","
                + "\"authorization_endpoint\":\"" + issuer + "authorize\","
                + "\"token_endpoint\":\"" + issuer + "oauth/token\","
                + "\"response_types_supported\":[\"code\"],"
                + "\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\",\"ES256\",\"EdDSA\"]}";
    }

    /** Replaces every key-set stub with ones that give the current answer. */
    private void installJwks() {
        for (StubMapping stub : jwksStubs) {
            server.removeStub(stub);
        }
        jwksStubs.clear();
        if (jwksFailure != null) {
            jwksStubs.add(server.stubFor(get(urlPathEqualTo(jwksPath)).willReturn(failure(jwksFailure))));
            return;
        }
        jwksStubs.add(server.stubFor(get(urlPathEqualTo(jwksPath)).atPriority(10)
                .willReturn(delayed(withHeaders(aResponse().withStatus(jwksStatus).withBody(jwksBody), jwksHeaders)))));
        if (jwksStatus != 200) {
            return;
        }
        // 304 answers carry the validators and caching headers, not the entity's Content-Type.
        Map<String, String> notModifiedHeaders = new LinkedHashMap<>(jwksHeaders);
        notModifiedHeaders.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Type"));
        Optional<String> etag = headerValue(jwksHeaders, "ETag");
        if (etag.isPresent()) {
            jwksStubs.add(server.stubFor(get(urlPathEqualTo(jwksPath)).atPriority(1)
                    .withHeader("If-None-Match", containing(etag.get()))
                    .willReturn(delayed(withHeaders(aResponse().withStatus(304), notModifiedHeaders)))));
        }
        Optional<String> lastModified = headerValue(jwksHeaders, "Last-Modified");
        if (lastModified.isPresent()) {
            jwksStubs.add(server.stubFor(get(urlPathEqualTo(jwksPath)).atPriority(2)
                    .withHeader("If-Modified-Since", equalTo(lastModified.get()))
                    .willReturn(delayed(withHeaders(aResponse().withStatus(304), notModifiedHeaders)))));
        }
    }

    private ResponseDefinitionBuilder failure(Failure failure) {
        switch (failure) {
            case CONNECTION_RESET:
                return delayed(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
            case EMPTY_RESPONSE:
                return delayed(aResponse().withFault(Fault.EMPTY_RESPONSE));
            case MALFORMED_RESPONSE:
                return delayed(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
            case HANG:
                return aResponse().withStatus(200).withBody(jwksBody).withFixedDelay(HANG_MILLIS);
            default:
                throw new IllegalStateException("unknown failure " + failure);
        }
    }

    private ResponseDefinitionBuilder delayed(ResponseDefinitionBuilder response) {
        return jwksDelay.isZero() ? response : response.withFixedDelay((int) jwksDelay.toMillis());
    }

    private static ResponseDefinitionBuilder withHeaders(ResponseDefinitionBuilder response, Map<String, String> headers) {
        headers.forEach(response::withHeader);
        return response;
    }

    private static Optional<String> headerValue(Map<String, String> headers, String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
