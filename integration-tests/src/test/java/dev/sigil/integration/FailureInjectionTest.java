package dev.sigil.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.http.jdk.JdkHttpTransport;
import dev.sigil.jwk.DroppedKey;
import dev.sigil.jwk.JwksCachePolicy;
import dev.sigil.jwk.JwksListener;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.spi.HttpRequest;
import dev.sigil.spi.HttpResponse;
import dev.sigil.spi.HttpTransport;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The key cache under a transport that misbehaves in every way the SPI contract forbids, a listener
 * that throws, and an interrupted caller: verification fails with a typed reason or carries on, and
 * never hangs, crashes or loses the interrupt.
 */
class FailureInjectionTest extends IssuerScenario {

    private static final IssuerKey KEY = IssuerKey.plain("k1");
    private static final JwksCachePolicy QUICK = JwksCachePolicy.builder()
            .requestTimeout(Duration.ofSeconds(1)).connectTimeout(Duration.ofSeconds(1)).build();

    enum Mode { REAL, RUNTIME_EXCEPTION, ERROR, NULL_RESPONSE, GARBAGE, BLOCK_FOREVER }

    /** The real JDK transport, or one of the ways a broken transport breaks the contract. */
    private static final class BrokenTransport implements HttpTransport {
        private final HttpTransport real = new JdkHttpTransport();
        final CountDownLatch release = new CountDownLatch(1);
        volatile Mode mode = Mode.REAL;

        @Override
        public String name() {
            return "broken";
        }

        @Override
        public int priority() {
            return 0;
        }

        @Override
        public HttpResponse get(HttpRequest request) throws IOException {
            switch (mode) {
                case RUNTIME_EXCEPTION:
                    throw new IllegalStateException("transport bug");
                case ERROR:
                    throw new AssertionError("transport error");
                case NULL_RESPONSE:
                    return null;
                case GARBAGE:
                    return new HttpResponse(200, Map.of(), new byte[] {(byte) 0xff, 0x00, '{', 0x7f});
                case BLOCK_FOREVER:
                    // Ignores every timeout and the interrupt, as a broken client might.
                    boolean released = false;
                    while (!released) {
                        try {
                            released = release.await(1, TimeUnit.MINUTES);
                        } catch (InterruptedException e) {
                            // swallowed on purpose
                        }
                    }
                    return real.get(request);
                default:
                    return real.get(request);
            }
        }
    }

    private final BrokenTransport transport = new BrokenTransport();

    @AfterEach
    void releaseBlockedThreads() {
        transport.release.countDown();
    }

    private JwtVerifier verifier() {
        return builder().jwksUri(issuer.jwksUri()).httpTransport(transport).cachePolicy(QUICK).build();
    }

    private JwtVerificationException refusalOf(JwtVerifier verifier, String token) {
        return assertThrows(JwtVerificationException.class, () -> verifier.verify(token));
    }

    @Test
    void aTransportThatThrowsARuntimeExceptionOrAnErrorIsKeysUnavailable() throws Exception {
        issuer.publishKeys(IssuerKey.jwks(KEY));
        for (Mode mode : new Mode[] {Mode.RUNTIME_EXCEPTION, Mode.ERROR}) {
            try (JwtVerifier verifier = verifier()) {
                transport.mode = mode;
                JwtVerificationException e = refusalOf(verifier, KEY.mint(issuer.issuer(), START));
                assertEquals(Reason.KEYS_UNAVAILABLE, e.reason(), mode.name());
                transport.mode = Mode.REAL;
                clock.advance(Duration.ofMinutes(1));
                verifier.verify(KEY.mint(issuer.issuer(), clock.instant()));
            }
        }
    }

    @Test
    void aTransportThatReturnsNothingOrGarbageIsKeysUnavailableWithTheReason() {
        issuer.publishKeys(IssuerKey.jwks(KEY));
        try (JwtVerifier verifier = verifier()) {
            transport.mode = Mode.NULL_RESPONSE;
            JwtVerificationException none = refusalOf(verifier, KEY.mint(issuer.issuer(), START));
            assertTrue(none.getMessage().contains("returned no response"), none.getMessage());
            clock.advance(Duration.ofMinutes(1));
            transport.mode = Mode.GARBAGE;
            JwtVerificationException garbage = refusalOf(verifier, KEY.mint(issuer.issuer(), clock.instant()));
            assertEquals(Reason.KEYS_UNAVAILABLE, garbage.reason());
            assertTrue(garbage.getMessage().contains("malformed key set"), garbage.getMessage());
        }
    }

    @Test
    void aTransportThatBlocksForeverCannotHangACaller() throws Exception {
        issuer.publishKeys(IssuerKey.jwks(KEY));
        CountDownLatch fetched = new CountDownLatch(1);
        JwksListener onFetch = new JwksListener() {
            @Override
            public void keysChanged(Set<String> added, Set<String> removed) {
                // Reported once the new set is in place.
                fetched.countDown();
            }
        };
        try (JwtVerifier verifier = builder().jwksUri(issuer.jwksUri()).httpTransport(transport).cachePolicy(QUICK)
                .listener(onFetch).build()) {
            transport.mode = Mode.BLOCK_FOREVER;
            String token = KEY.mint(issuer.issuer(), START);
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                // Each attempt waits at most the 1 s request timeout; four stuck fetches occupy
                // every fetcher thread, and the fifth attempt fails at once instead of queueing.
                for (int i = 0; i < 6; i++) {
                    JwtVerificationException e = refusalOf(verifier, token);
                    assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
                    clock.advance(Duration.ofMinutes(1));
                }
            });
            JwtVerificationException busy = refusalOf(verifier, token);
            assertTrue(busy.getMessage().contains("every fetcher thread is still waiting on an earlier fetch")
                    || busy.getMessage().contains("no answer within the request timeout"), busy.getMessage());
            transport.mode = Mode.REAL;
            transport.release.countDown();
            // The abandoned fetches now finish, and the first to succeed still publishes its set.
            assertTrue(fetched.await(10, TimeUnit.SECONDS));
            verifier.verify(token);
        }
    }

    @Test
    void aListenerThatThrowsOnEveryEventNeverBreaksVerification() throws Exception {
        issuer.publishKeys("{\"keys\":[{\"kty\":\"future\",\"kid\":\"x\"}," + KEY.publicJwk() + "]}");
        JwksListener hostile = new JwksListener() {
            @Override
            public void fetchSucceeded(URI uri, int status, Duration duration) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void keysChanged(Set<String> added, Set<String> removed) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void keyDropped(DroppedKey key) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void keysLoaded(int usableKeys) {
                throw new IllegalStateException("listener bug");
            }
        };
        try (JwtVerifier verifier = builder().jwksUri(issuer.jwksUri()).listener(hostile).build()) {
            verifier.verify(KEY.mint(issuer.issuer(), START));
        }
    }

    @Test
    void anInterruptedCallerKeepsItsInterruptStatus() {
        issuer.publishKeys(IssuerKey.jwks(KEY));
        try (JwtVerifier verifier = builder().jwksUri(issuer.jwksUri()).httpTransport(transport).build()) {
            String token = KEY.mint(issuer.issuer(), START);
            Thread.currentThread().interrupt();
            try {
                JwtVerificationException e = refusalOf(verifier, token);
                assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt must not be swallowed");
            } finally {
                Thread.interrupted();
            }
            clock.advance(Duration.ofMinutes(1));
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> verifier.verify(token));
        }
    }
}
