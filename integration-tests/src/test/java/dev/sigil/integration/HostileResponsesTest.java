package dev.sigil.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Responses a hostile or broken issuer can send that are valid HTTP: validators in obs-text, bodies
 * in an encoding no transport decodes, sets larger than the default JSON limits. None may stop the
 * cache from refreshing, and none may put bytes the cache cannot read in front of the JSON parser.
 */
class HostileResponsesTest extends IssuerScenario {

    private static final IssuerKey KEY = IssuerKey.plain("k1");
    private static final IssuerKey NEXT = IssuerKey.plain("k2");

    /** Bytes 0x80-0xFF in validators: legal obs-text (RFC 9110 section 8.8.3), echoable by neither client. */
    private static final String OBS_TEXT_ETAG = "\"v1-\u00e9\u00ff\u0080\"";
    private static final String OBS_TEXT_DATE = "Wed, 21 Oct 2015 07:28:00 GMT\u00a0\u00fe";

    @ParameterizedTest
    @EnumSource(Transports.class)
    void validatorsInObsTextAreDroppedAndTheNextRefreshIsAnUnconditionalGetThatSucceeds(Transports transport)
            throws Exception {
        try (RawHeaderServer server = new RawHeaderServer()) {
            server.serve(IssuerKey.jwks(KEY), Map.of("ETag", OBS_TEXT_ETAG, "Last-Modified", OBS_TEXT_DATE));
            try (JwtVerifier verifier = builder().jwksUri(server.jwksUri()).httpTransport(transport.create()).build()) {
                verifier.verify(KEY.mint(issuer.issuer(), START));
                server.serve(IssuerKey.jwks(KEY, NEXT), Map.of("ETag", OBS_TEXT_ETAG, "Last-Modified", OBS_TEXT_DATE));
                clock.advance(Duration.ofMinutes(11));

                verifier.verify(NEXT.mint(issuer.issuer(), clock.instant()));

                assertEquals(2, server.requests.size(), listener.events.toString());
                assertFalse(server.carried(1, "If-None-Match"), "an obs-text ETag was echoed");
                assertFalse(server.carried(1, "If-Modified-Since"), "an obs-text Last-Modified was echoed");
                assertEquals(0, listener.count("failed"), listener.events.toString());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void validatorsInVisibleAsciiAreStillEchoed(Transports transport) throws Exception {
        String lastModified = "Wed, 21 Oct 2015 07:28:00 GMT";
        try (RawHeaderServer server = new RawHeaderServer()) {
            server.serve(IssuerKey.jwks(KEY), Map.of("ETag", "W/\"v1\"", "Last-Modified", lastModified));
            try (JwtVerifier verifier = builder().jwksUri(server.jwksUri()).httpTransport(transport.create()).build()) {
                verifier.verify(KEY.mint(issuer.issuer(), START));
                clock.advance(Duration.ofMinutes(11));
                verifier.verify(KEY.mint(issuer.issuer(), clock.instant()));

                assertEquals(2, server.requests.size());
                assertEquals("W/\"v1\"", server.requests.get(1).get("If-none-match").get(0));
                assertEquals(lastModified, server.requests.get(1).get("If-modified-since").get(0));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void aBodyInAnEncodingNoTransportDecodesIsAFailedFetchAndNeverParsed(Transports transport) throws Exception {
        WireMockServer server = wireMock();
        try {
            // Valid JSON, mislabelled: a transport that passed it through and a core that parsed it
            // anyway would accept bytes it was told it cannot read.
            server.stubFor(get("/br").willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Encoding", "br").withBody(IssuerKey.jwks(KEY))));
            server.stubFor(get("/x-gzip").willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Encoding", "x-gzip").withBody(gzip(IssuerKey.jwks(KEY)))));
            for (String path : new String[] {"/br", "/x-gzip"}) {
                URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
                try (JwtVerifier verifier = builder().jwksUri(uri).httpTransport(transport.create()).build()) {
                    JwtVerificationException e = assertThrows(JwtVerificationException.class, verifier::prefetch);

                    assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
                    assertTrue(e.getMessage().contains("unsupported Content-Encoding"), e.getMessage());
                    assertFalse(e.getMessage().contains("malformed"), e.getMessage());
                }
            }
        } finally {
            server.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void aGzipBodyIsStillDecodedByEitherTransport(Transports transport) throws Exception {
        WireMockServer server = wireMock();
        try {
            server.stubFor(get("/gzip").willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Encoding", "gzip").withBody(gzip(IssuerKey.jwks(KEY)))));
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/gzip");
            try (JwtVerifier verifier = builder().jwksUri(uri).httpTransport(transport.create()).build()) {
                verifier.verify(KEY.mint(issuer.issuer(), START));
            }
        } finally {
            server.stop();
        }
    }

    private static WireMockServer wireMock() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true).notifier(new ConsoleNotifier(false)));
        server.start();
        return server;
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
