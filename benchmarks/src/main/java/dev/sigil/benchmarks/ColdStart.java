package dev.sigil.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.VerifiedJwt;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * From {@code JwtVerifier.builder()} to the first verified RS256 token: creating the crypto backend
 * (which probes its provider), OIDC discovery and the JWKS fetch from a JDK {@code HttpServer} on
 * 127.0.0.1, key import, then one verification. The server and the token are set up outside the
 * measurement.
 *
 * <p>Only the first invocation in a JVM is truly cold (class loading, JIT): run with many forks and
 * one shot each ({@code -f 10 -wi 0 -i 1}) for the cold number, as the README's command does. Later
 * shots in one fork measure a warm JVM building a fresh verifier.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ColdStart {

    @Param({"jca", "bouncycastle"})
    public String backend;

    private HttpServer server;
    private String issuer;
    private String token;

    @Setup
    public void setUp() throws IOException {
        // The JDK's HttpServer writes a response's headers and body separately, and with Nagle's
        // algorithm on, the body of a response on a kept-alive connection then waits for the
        // client's delayed ACK, about 40 ms on JDK 17: a test server's artefact, not the issuer's.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        TokenFixture fixture = TokenFixture.create(Alg.RS256, issuer);
        token = fixture.token;
        String discovery = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + ".well-known/jwks.json\","
                + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
        serve("/.well-known/openid-configuration", discovery);
        serve("/.well-known/jwks.json", fixture.jwksJson);
        server.start();
    }

    private void serve(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> respond(exchange, body));
    }

    private static void respond(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "max-age=300");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @TearDown
    public void tearDown() {
        server.stop(0);
    }

    @Benchmark
    public VerifiedJwt firstToken() throws JwtVerificationException {
        try (JwtVerifier verifier = JwtVerifier.builder()
                .issuer(issuer)
                .audience(TokenFixture.AUDIENCE)
                .cryptoBackend(SigilSetup.backend(backend))
                // Pinned: sigil-json-jackson is on this module's class path too, and would win.
                .jsonCodec(SigilSetup.codec("builtin"))
                .build()) {
            VerifiedJwt jwt = verifier.verify(token);
            Check.subject(jwt.claims().subject().orElse(null), "cold start " + backend);
            return jwt;
        }
    }
}
