package dev.sigil.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.sigil.jwk.JwksCachePolicy;
import dev.sigil.jwk.JwksListener;
import dev.sigil.jwk.JwksStats;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.testkit.FakeIssuer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where keys may come from, hop by hop: redirects are followed by core, at most 3, never from https
 * to http, plain http only between loopback hosts; and an https issuer's discovery never leads to
 * plain http. Each rule is shown over both transports, which return redirects unfollowed.
 */
class RedirectsAndDowngradesTest extends IssuerScenario {

    private static final IssuerKey KEY = IssuerKey.plain("k1");
    private static final String JWKS = "/.well-known/jwks.json";
    /** A first TLS handshake on a busy build machine can take seconds; these tests are not about time. */
    private static final JwksCachePolicy PATIENT = JwksCachePolicy.builder()
            .connectTimeout(Duration.ofSeconds(20)).requestTimeout(Duration.ofSeconds(30)).build();

    private JwtVerificationException prefetchFailure(JwtVerifier verifier) {
        JwtVerificationException e = assertThrows(JwtVerificationException.class, verifier::prefetch);
        assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
        return e;
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void aRedirectFromLoopbackHttpToARemoteHttpUrlIsRefused(Transports transport) {
        issuer.publishKeys(IssuerKey.jwks(KEY));
        issuer.redirect("/hop", 302, "http://keys.example/jwks");
        try (JwtVerifier verifier = builder().jwksUri(issuer.uri("/hop")).httpTransport(transport.create()).build()) {
            JwtVerificationException e = prefetchFailure(verifier);

            assertTrue(e.getMessage().contains("refused redirect from " + issuer.uri("/hop")
                    + " to http://keys.example/jwks: plain http is allowed between loopback hosts only"), e.getMessage());
            assertTrue(listener.events.stream().anyMatch(event -> event.startsWith("failed /hop: refused redirect")),
                    listener.events.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void aRedirectBetweenLoopbackHttpUrlsIsFollowed(Transports transport) throws Exception {
        issuer.publishKeys(IssuerKey.jwks(KEY));
        issuer.redirect("/hop", 301, "http://localhost:" + issuer.uri("/").getPort() + JWKS);
        try (JwtVerifier verifier = builder().jwksUri(issuer.uri("/hop")).httpTransport(transport.create()).build()) {
            verifier.verify(KEY.mint(issuer.issuer(), START));
        }
        assertEquals(1, issuer.jwksRequests());
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void aRedirectFromHttpsToHttpIsRefusedEvenToLoopback(Transports transport) {
        try (FakeIssuer https = FakeIssuer.startHttps()) {
            https.publishKeys(IssuerKey.jwks(KEY));
            https.redirect("/hop", 307, https.plainHttp(JWKS).toString());
            try (JwtVerifier verifier = JwtVerifier.builder().issuer(https.issuer()).audience(IssuerKey.AUDIENCE)
                    .jwksUri(https.uri("/hop")).httpTransport(transport.create()).cachePolicy(PATIENT).clock(clock).listener(listener)
                    .build()) {
                JwtVerificationException e = prefetchFailure(verifier);

                assertTrue(e.getMessage().contains("refused redirect from " + https.uri("/hop") + " to "
                        + https.plainHttp(JWKS) + ": never from https to http"), e.getMessage());
                assertEquals(0, https.requests(JWKS));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void threeRedirectsAreFollowedAndAFourthIsRefused(Transports transport) throws Exception {
        issuer.publishKeys(IssuerKey.jwks(KEY));
        for (int i = 0; i < 4; i++) {
            issuer.redirect("/chain/" + i, 302, i < 3 ? "/chain/" + (i + 1) : JWKS);
        }
        try (JwtVerifier verifier = builder().jwksUri(issuer.uri("/chain/1")).httpTransport(transport.create()).build()) {
            verifier.verify(KEY.mint(issuer.issuer(), START));
        }
        try (JwtVerifier verifier = builder().jwksUri(issuer.uri("/chain/0")).httpTransport(transport.create()).build()) {
            issuer.resetCounts();
            JwtVerificationException e = prefetchFailure(verifier);

            assertTrue(e.getMessage().contains("too many redirects: more than 3"), e.getMessage());
            assertEquals(0, issuer.jwksRequests(), "the fourth redirect was followed");
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void theRequestTimeoutCoversTheWholeRedirectChainNotEachHop(Transports transport) throws Exception {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1").dynamicPort().notifier(new ConsoleNotifier(false)));
        server.start();
        try {
            // Each hop alone fits the timeout; the four requests together do not.
            for (int i = 0; i <= 3; i++) {
                server.stubFor(get("/hops/" + i).willReturn(i < 3
                        ? aResponse().withStatus(302).withHeader("Location", "/hops/" + (i + 1)).withFixedDelay(400)
                        : aResponse().withStatus(200).withBody(IssuerKey.jwks(KEY)).withFixedDelay(400)));
            }
            CountDownLatch ended = new CountDownLatch(1);
            JwksListener onEnd = new JwksListener() {
                @Override
                public void fetchSucceeded(URI uri, int status, Duration duration) {
                    ended.countDown();
                }

                @Override
                public void fetchFailed(URI uri, String reason, Duration duration) {
                    ended.countDown();
                }
            };
            JwksCachePolicy policy = JwksCachePolicy.builder().requestTimeout(Duration.ofMillis(900)).build();
            URI first = URI.create("http://127.0.0.1:" + server.port() + "/hops/0");
            try (JwtVerifier verifier = builder().jwksUri(first).cachePolicy(policy).listener(onEnd)
                    .httpTransport(transport.create()).build()) {
                assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
                    assertThrows(JwtVerificationException.class, verifier::prefetch);
                    assertTrue(ended.await(3, TimeUnit.SECONDS), "the fetch never ended");
                });
                assertEquals(0, server.findAll(getRequestedFor(urlEqualTo("/hops/3"))).size(),
                        "the chain went on past the timeout");
            }
        } finally {
            server.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void aRelativeLocationIsResolvedAgainstTheUriThatAnswered(Transports transport) throws Exception {
        issuer.publishKeys(IssuerKey.jwks(KEY));
        issuer.redirect("/rel/a/b", 302, "../c");
        issuer.redirect("/rel/c", 302, JWKS);
        try (JwtVerifier verifier = builder().jwksUri(issuer.uri("/rel/a/b")).httpTransport(transport.create()).build()) {
            verifier.verify(KEY.mint(issuer.issuer(), START));
        }
        assertEquals(1, issuer.requests("/rel/c"));
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void aRedirectToANonHttpSchemeIsRefused(Transports transport) {
        for (String location : List.of("ftp://127.0.0.1/keys", "file:///etc/passwd", "jar:file:/x.jar!/keys")) {
            issuer.redirect("/odd", 302, location);
            try (JwtVerifier verifier = builder().jwksUri(issuer.uri("/odd")).httpTransport(transport.create()).build()) {
                JwtVerificationException e = prefetchFailure(verifier);

                assertTrue(e.getMessage().contains("refused redirect from " + issuer.uri("/odd") + " to " + location
                        + ": not an http or https uri"), e.getMessage());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void anHttpsIssuersDiscoveryMayNotNameAPlainHttpJwksUriNotEvenOnLoopback(Transports transport) {
        try (FakeIssuer https = FakeIssuer.startHttps()) {
            https.publishKeys(IssuerKey.jwks(KEY));
            URI downgraded = https.plainHttp(JWKS);
            https.setDiscoveryDocument("{\"issuer\":\"" + https.issuer() + "\",\"jwks_uri\":\"" + downgraded + "\"}");
            try (JwtVerifier verifier = JwtVerifier.builder().issuer(https.issuer()).audience(IssuerKey.AUDIENCE)
                    .httpTransport(transport.create()).cachePolicy(PATIENT).clock(clock).listener(listener).build()) {
                // Lazy: build() made no request, the first token finds out.
                JwtVerificationException e = assertThrows(JwtVerificationException.class,
                        () -> verifier.verify(KEY.mint(https.issuer(), START)));

                String why = "discovery document's jwks_uri " + downgraded
                        + " is plain http under the https issuer " + https.issuer();
                assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
                assertTrue(e.getMessage().contains(why), e.getMessage());
                assertTrue(listener.events.stream().anyMatch(event -> event.startsWith("failed /.well-known/openid-configuration: " + why)),
                        listener.events.toString());
                JwksStats stats = verifier.stats().orElseThrow();
                assertEquals(1, stats.fetchFailures());
                assertTrue(stats.lastFailureReason().orElseThrow().contains(why), stats.toString());
                assertEquals(0, https.requests(JWKS), "the plain http jwks_uri was fetched");
            }
        }
    }
}
