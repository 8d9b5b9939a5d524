package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.JwkSet;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.spi.HttpRequest;
import dev.sigil.spi.HttpResponse;
import dev.sigil.spi.HttpTransport;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.VerificationKey;
import dev.sigil.testkit.JwsSigner;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 20: 100,000 verifications, each on a virtual thread of its own, as a server with a virtual
 * thread per request makes them. Every result is checked (half the signatures are valid, half
 * altered), and the engines stay bounded: the pool never holds more than its capacity, and the run
 * makes about as many engines as calls run at once, where {@code ThreadLocal}s made one per thread,
 * that is one per call. The same through {@link JwtVerifier}, once warm, recorded by JFR: no
 * {@code jdk.VirtualThreadPinned} event. (JFR reports a pinned thread only when it parks; with
 * static keys nothing on the path parks, so the event's absence shows that nothing parks pinned.
 * That no {@code synchronized} is there at all, which on JDK 21 to 23 would pin, is the static
 * rule in architecture-tests.) Likewise for a key refresh that waits on the network: a thousand
 * virtual threads wait for one fetch that itself waits on a virtual thread.
 *
 * <p>Java 21 API: compiled only on JDK 21+ (this module's {@code jdk21-tests} profile) and run by
 * {@code .ci/run} on Temurin 25.
 */
@Tag("virtual-threads")
class VirtualThreadVerificationTest {

    private static final int VERIFICATIONS = 100_000;
    private static final byte[] DATA = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9".getBytes(StandardCharsets.US_ASCII);
    private static final String ISSUER = "https://issuer.example/";
    private static final String AUDIENCE = "https://api.example";
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final JcaCryptoBackend backend = new JcaCryptoBackend();

    @ParameterizedTest
    @EnumSource(names = {"HS256", "RS256"})
    void aHundredThousandVirtualThreadsShareABoundedPoolOfEngines(JwsAlgorithm alg) throws Exception {
        JwsSigner signer = JwsSigner.withFreshKey(alg);
        VerificationKey key = backend.importKey(signer.keyParameters());
        byte[] valid = signer.sign(DATA);
        byte[] altered = valid.clone();
        altered[altered.length / 2] ^= 1;
        AtomicInteger wrong = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < VERIFICATIONS; i++) {
                boolean expected = i % 2 == 0;
                executor.execute(() -> {
                    boolean answer = backend.verify(alg, key, DATA, 0, DATA.length, expected ? valid : altered);
                    if (answer != expected) {
                        wrong.incrementAndGet();
                    }
                    if (answer) {
                        accepted.incrementAndGet();
                    }
                });
            }
        }
        assertEquals(0, wrong.get());
        assertEquals(VERIFICATIONS / 2, accepted.get());
        EnginePool<?> pool = backend.enginesFor(alg, key);
        assertTrue(pool.pooled() <= pool.capacity());
        // Calls run at once on at most as many carriers as processors; a slot found empty while its
        // engine is between two hands can cost one more, so allow the capacity twice over: still
        // nothing like one per thread.
        assertTrue(pool.created() <= 2 * pool.capacity(),
                () -> pool.created() + " engines for " + VERIFICATIONS + " virtual threads, capacity " + pool.capacity());
    }

    @ParameterizedTest
    @EnumSource(names = {"HS256", "RS256"})
    void theWholeVerifyPathOnVirtualThreadsNeverPins(JwsAlgorithm alg) throws Exception {
        JwsSigner signer = JwsSigner.withFreshKey(alg);
        JwtVerifier verifier = JwtVerifier.builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .keys(JwkSet.of(signer.jwk()))
                .algorithms(alg)
                .cryptoBackend(backend)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        String token = token(signer, alg);
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BA" : "AA");
        // Once each on this thread first: the first calls load and initialise classes, and
        // virtual threads that meet another thread's class loading or <clinit> do pin (JFR showed
        // exactly that: "waited for initialization of JwtClaims", a contended class-loader
        // monitor). That is the JVM's, once per class, not the path a server runs all day.
        assertTrue(accepts(verifier, token));
        assertFalse(accepts(verifier, forged));
        AtomicInteger wrong = new AtomicInteger();
        Path events = Files.createTempFile("sigil-vthreads", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < VERIFICATIONS; i++) {
                    boolean good = i % 2 == 0;
                    executor.execute(() -> {
                        if (accepts(verifier, good ? token : forged) != good) {
                            wrong.incrementAndGet();
                        }
                    });
                }
            }
            recording.stop();
            recording.dump(events);
            assertEquals(List.of(), pinned(events));
        } finally {
            Files.deleteIfExists(events);
        }
        assertEquals(0, wrong.get());
    }

    @Test
    void virtualThreadsWaitingForAKeyFetchOnTheNetworkNeverPin() throws Exception {
        JwsSigner signer = JwsSigner.withFreshKey(JwsAlgorithm.RS256);
        byte[] jwks = ("{\"keys\":[" + json(signer.jwk().asMap()) + "]}").getBytes(StandardCharsets.UTF_8);
        String token = token(signer, JwsAlgorithm.RS256);
        // The remote-key path once with an answer at hand, on another verifier: it loads and
        // initialises the classes, which would pin on first use (see above).
        try (JwtVerifier warm = remote(new HeldTransport(jwks, new CountDownLatch(0)), null)) {
            assertTrue(accepts(warm, token));
        }
        int requests = 1_000;
        // The "network" answers once every request has started: by then most of them wait for
        // the fetch, and the fetch itself waits on a virtual thread of the refresher's executor.
        CountDownLatch started = new CountDownLatch(requests);
        HeldTransport network = new HeldTransport(jwks, started);
        AtomicInteger wrong = new AtomicInteger();
        Path events = Files.createTempFile("sigil-vthreads-refresh", ".jfr");
        try (ExecutorService refresher = Executors.newVirtualThreadPerTaskExecutor();
                JwtVerifier verifier = remote(network, refresher);
                Recording recording = new Recording()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < requests; i++) {
                    executor.execute(() -> {
                        started.countDown();
                        if (!accepts(verifier, token)) {
                            wrong.incrementAndGet();
                        }
                    });
                }
            }
            recording.stop();
            recording.dump(events);
            assertEquals(List.of(), pinned(events));
        } finally {
            Files.deleteIfExists(events);
        }
        assertEquals(0, wrong.get());
        assertEquals(1, network.fetches.get(), "one fetch for every waiting request");
    }

    private JwtVerifier remote(HttpTransport transport, ExecutorService refresher) {
        JwtVerifier.Builder builder = JwtVerifier.builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .jwksUri(URI.create("http://127.0.0.1:9/jwks.json"))
                .httpTransport(transport)
                .algorithms(JwsAlgorithm.RS256)
                .cryptoBackend(backend)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC));
        return refresher == null ? builder.build() : builder.executor(refresher).build();
    }

    /** Answers with the key set once {@code release} opens, as a slow network would; counts fetches. */
    private static final class HeldTransport implements HttpTransport {

        private final byte[] jwks;
        private final CountDownLatch release;
        final AtomicInteger fetches = new AtomicInteger();

        HeldTransport(byte[] jwks, CountDownLatch release) {
            this.jwks = jwks;
            this.release = release;
        }

        @Override
        public String name() {
            return "held";
        }

        @Override
        public int priority() {
            return 0;
        }

        @Override
        public HttpResponse get(HttpRequest request) throws IOException {
            fetches.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the network");
            }
            return new HttpResponse(200, Map.of("Content-Type", List.of("application/json")), jwks);
        }
    }

    /** A JWK's members as JSON; every member of a public RSA JWK is a string. */
    private static String json(Map<String, Object> members) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, Object> member : members.entrySet()) {
            out.append(out.length() > 1 ? "," : "").append('"').append(member.getKey()).append("\":\"")
                    .append(member.getValue()).append('"');
        }
        return out.append('}').toString();
    }

    /**
     * The recording's pinning events, but for the JVM's own class initialisation: a virtual thread
     * that first touches a class another thread is initialising waits pinned, once per class and
     * JVM, whatever the code (CI saw one for {@code CompletableFuture$UniHandle}, first used by a
     * waiting request). The warm-up above takes most of those; this leaves any left to chance out,
     * and keeps every pin in Sigil's own code or in a monitor it takes.
     */
    private static List<String> pinned(Path events) throws IOException {
        return RecordingFile.readAllEvents(events).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.VirtualThreadPinned"))
                .filter(e -> !(e.hasField("pinnedReason") && (e.getString("pinnedReason")
                        .startsWith("Waited for initialization of")
                        // JDK 25 failing to unmount inside CompletableFuture.get's own wait (CI saw
                        // "Freeze or preempt failed (2)" there, with no monitor of Sigil's held).
                        || e.getString("pinnedReason").startsWith("Freeze or preempt failed"))))
                .map(RecordedEvent::toString)
                .toList();
    }

    private static boolean accepts(JwtVerifier verifier, String token) {
        try {
            verifier.verify(token);
            return true;
        } catch (JwtVerificationException e) {
            return false;
        }
    }

    private static String token(JwsSigner signer, JwsAlgorithm alg) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString(("{\"alg\":\"" + alg.name() + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"sub\":\"alice\",\"aud\":\"" + AUDIENCE
                + "\",\"iat\":" + NOW.getEpochSecond() + ",\"exp\":" + (NOW.getEpochSecond() + 600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        String input = header + "." + payload;
        return input + "." + b64.encodeToString(signer.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }
}
