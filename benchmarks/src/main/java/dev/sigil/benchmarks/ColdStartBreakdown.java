package dev.sigil.benchmarks;

import com.sun.net.httpserver.HttpServer;
import dev.sigil.jwk.JwksListener;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.VerifiedJwt;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.HttpTransport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Where a cold start's time goes (issue 18): each run is a fresh JVM that times, with
 * {@link System#nanoTime()} from the start of {@code main} (JVM boot excluded), creating the crypto
 * backend (its classes), finding the HTTP transport by {@link ServiceLoader} as {@code build()} would,
 * making it (its HTTP client), building the verifier (its parts, and the backend's probe of the RSA
 * family), then {@code prefetch()}: discovery and the
 * JWKS fetch as the verifier's listener reports them, and the rest of it (key import, with its checks
 * of each key), then the first {@code verify} (the header, the signature, the claims). The issuer is a JDK {@code HttpServer} on 127.0.0.1 in this launcher's JVM,
 * and the RS256 token is minted here too, so that the measured JVM does nothing before Sigil does.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.sigil.benchmarks.ColdStartBreakdown 10 jca}</pre>
 *
 * Arguments: the number of runs, the backend ({@code jca} or {@code bouncycastle}), and
 * {@code appcds} to run each JVM with an AppCDS archive of this path, made by one extra run first
 * ({@code -XX:ArchiveClassesAtExit}). Prints each phase's median in milliseconds.
 */
public final class ColdStartBreakdown {

    static final String[] PHASES = {"backend", "selection", "transport", "build", "discovery", "jwks", "import", "first verify",
        "first token"};

    private ColdStartBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("--one")) {
            one(args[1], args[2], args[3]);
            return;
        }
        int runs = Integer.parseInt(args[0]);
        String backend = args.length > 1 ? args[1] : "jca";
        boolean appCds = args.length > 2 && args[2].equals("appcds");
        Map<String, Double> medians = measure(runs, backend, appCds, System.getProperty("java.class.path"));
        System.out.printf(Locale.ROOT, "%s, %s, %d fresh JVMs, JDK %d: medians in ms%n", backend,
                appCds ? "with an AppCDS archive" : "no AppCDS archive", runs, Runtime.version().feature());
        medians.forEach((phase, ms) -> System.out.printf(Locale.ROOT, "  %-14s %7.1f%n", phase, ms));
    }

    /**
     * Each phase's median over {@code runs} fresh JVMs on {@code classPath} (after one that makes the
     * archive, when {@code appCds}: then the class path must hold jars only, as AppCDS requires); the
     * last entry is the whole span to the first verified token.
     */
    static Map<String, Double> measure(int runs, String backend, boolean appCds, String classPath) throws Exception {
        return measure(runs, backend, appCds, classPath, List.of());
    }

    /** As {@link #measure(int, String, boolean, String)}, each measured JVM started with {@code jvmFlags} too. */
    static Map<String, Double> measure(int runs, String backend, boolean appCds, String classPath, List<String> jvmFlags)
            throws Exception {
        // The JDK's HttpServer writes a response's headers and body separately, and with Nagle's
        // algorithm on, the body of a response on a kept-alive connection then waits for the
        // client's delayed ACK, about 40 ms on JDK 17: a test server's artefact, not the issuer's.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        TokenFixture fixture = TokenFixture.create(Alg.RS256, issuer);
        serve(server, "/.well-known/openid-configuration", "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer
                + ".well-known/jwks.json\",\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
        serve(server, "/.well-known/jwks.json", fixture.jwksJson);
        server.start();
        Path archive = Files.createTempFile("sigil-cold-start", ".jsa");
        try {
            List<String> flags = new ArrayList<>(jvmFlags);
            if (appCds) {
                Files.delete(archive);
                run(List.of("-XX:ArchiveClassesAtExit=" + archive), classPath, issuer, fixture.token, backend);
                // -Xshare:on: a JVM that cannot map the archive fails instead of quietly running without it.
                flags.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on"));
            }
            double[][] times = new double[PHASES.length][runs];
            for (int i = 0; i < runs; i++) {
                double[] one = run(flags, classPath, issuer, fixture.token, backend);
                for (int p = 0; p < PHASES.length; p++) {
                    times[p][i] = one[p];
                }
            }
            Map<String, Double> medians = new LinkedHashMap<>();
            for (int p = 0; p < PHASES.length; p++) {
                Arrays.sort(times[p]);
                medians.put(PHASES[p], times[p][runs / 2]);
            }
            return medians;
        } finally {
            server.stop(0);
            Files.deleteIfExists(archive);
        }
    }

    private static void serve(HttpServer server, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "max-age=300");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    /** One fresh JVM; its phases in milliseconds, in {@link #PHASES} order. */
    private static double[] run(List<String> flags, String classPath, String issuer, String token, String backend)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("-cp", classPath,
                ColdStartBreakdown.class.getName(), "--one", issuer, token, backend));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.append(line).append('\n');
                if (line.startsWith("phases ")) {
                    result = line.substring("phases ".length());
                }
            }
        }
        if (process.waitFor() != 0 || result == null) {
            throw new IllegalStateException("the measured JVM failed:\n" + output);
        }
        return Arrays.stream(result.split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    /** In the measured JVM: the phases, printed on one line for the launcher. */
    private static void one(String issuer, String token, String backendName) throws Exception {
        long start = System.nanoTime();
        CryptoBackend backend = SigilSetup.backend(backendName);
        long backendReady = System.nanoTime();
        // What build() would do to find the transport, done here to time it apart: the lookup (the
        // services files read, each provider's class loaded, as ProviderSelection does it), then the
        // chosen provider made, which creates its HTTP client. build() is then handed the instance.
        Iterator<ServiceLoader.Provider<HttpTransport>> found = ServiceLoader.load(HttpTransport.class).stream().iterator();
        ServiceLoader.Provider<HttpTransport> provider = found.next();
        if (found.hasNext()) {
            throw new IllegalStateException("one HTTP transport expected on the benchmarks' class path");
        }
        long selected = System.nanoTime();
        HttpTransport transport = provider.get();
        long transportReady = System.nanoTime();
        long[] fetches = new long[2];
        JwksListener timing = new JwksListener() {
            @Override
            public void fetchSucceeded(URI uri, int status, Duration duration) {
                fetches[uri.getPath().endsWith("openid-configuration") ? 0 : 1] += duration.toNanos();
            }
        };
        try (JwtVerifier verifier = JwtVerifier.builder()
                .issuer(issuer)
                .audience(TokenFixture.AUDIENCE)
                .cryptoBackend(backend)
                // Pinned: sigil-json-jackson is on this module's class path too, and would win.
                .jsonCodec(SigilSetup.codec("builtin"))
                .httpTransport(transport)
                .listener(timing)
                .build()) {
            long built = System.nanoTime();
            // prefetch() does what the first verify() would do before its signature check (discovery,
            // the fetch, key import), so the two calls split the same work at the key set.
            verifier.prefetch();
            long prefetched = System.nanoTime();
            VerifiedJwt jwt = verifier.verify(token);
            long verified = System.nanoTime();
            Check.subject(jwt.claims().subject().orElse(null), "cold start breakdown " + backendName);
            double prefetchMs = (prefetched - built) / 1e6;
            double discoveryMs = fetches[0] / 1e6;
            double jwksMs = fetches[1] / 1e6;
            System.out.printf(Locale.ROOT, "phases %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f%n", (backendReady - start) / 1e6,
                    (selected - backendReady) / 1e6, (transportReady - selected) / 1e6, (built - transportReady) / 1e6,
                    discoveryMs, jwksMs, prefetchMs - discoveryMs - jwksMs, (verified - prefetched) / 1e6,
                    (verified - start) / 1e6);
        }
    }
}
