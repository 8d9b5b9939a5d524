package dev.sigil.spring.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.KeySource;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.MultiIssuerVerifier;
import dev.sigil.jwt.TokenVerifier;
import dev.sigil.jwt.VerifiedJwt;
import dev.sigil.testkit.FakeIssuer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The reactive decoder uses the verifier's async path only: it never blocks the subscribing thread. */
@Timeout(60)
class SigilReactiveJwtDecoderTest {

    private static final TestIssuer ISSUER = TestIssuer.named("https://issuer.example/");
    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void withKeysAtHandTheTokenIsVerifiedAtSubscription() {
        try (JwtVerifier verifier = JwtVerifier.builder().issuer(ISSUER.issuer).audience(TestIssuer.AUDIENCE)
                .keys(ISSUER.jwkSet()).build()) {
            SigilReactiveJwtDecoder decoder = new SigilReactiveJwtDecoder(verifier);
            StepVerifier.create(decoder.decode(ISSUER.token()))
                    .assertNext(jwt -> {
                        assertEquals("alice", jwt.getSubject());
                        assertEquals(List.of(TestIssuer.AUDIENCE), jwt.getAudience());
                    })
                    .verifyComplete();
            StepVerifier.create(decoder.decode(ISSUER.token(c -> c.audience("https://other-api.example"))))
                    .expectErrorSatisfies(e -> {
                        assertSame(JwtValidationException.class, e.getClass());
                        assertEquals("audience not accepted", e.getMessage());
                    })
                    .verify(BOUND);
            StepVerifier.create(decoder.decode("x.y.z"))
                    .expectErrorSatisfies(e -> assertSame(BadJwtException.class, e.getClass()))
                    .verify(BOUND);
        }
    }

    @Test
    void nothingHappensBeforeSubscriptionAndEachSubscriptionVerifiesAnew() {
        CompletableFuture<JwkSet> keys = CompletableFuture.completedFuture(ISSUER.jwkSet());
        AtomicInteger asked = new AtomicInteger();
        KeySource counting = () -> {
            asked.incrementAndGet();
            return keys;
        };
        try (JwtVerifier verifier = JwtVerifier.builder().issuer(ISSUER.issuer).audience(TestIssuer.AUDIENCE)
                .keySource(counting).build()) {
            Mono<Jwt> mono = new SigilReactiveJwtDecoder(verifier).decode(ISSUER.token());
            assertEquals(0, asked.get(), "decode(..) alone verifies nothing");
            mono.block(BOUND);
            mono.block(BOUND);
            assertEquals(2, asked.get());
        }
    }

    @Test
    void whenKeysMustBeFetchedTheSubscriberIsNotBlockedAndTheJwtArrivesOnAnotherThread() throws Exception {
        // Keys that arrive only when the test says so: a decoder that blocked would never return.
        CompletableFuture<JwkSet> keys = new CompletableFuture<>();
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "sigil-keys"));
        try (JwtVerifier verifier = JwtVerifier.builder().issuer(ISSUER.issuer).audience(TestIssuer.AUDIENCE)
                .keySource(() -> keys).executor(executor).build()) {
            AtomicReference<Jwt> result = new AtomicReference<>();
            AtomicReference<Thread> deliveredOn = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);

            new SigilReactiveJwtDecoder(verifier).decode(ISSUER.token()).subscribe(jwt -> {
                deliveredOn.set(Thread.currentThread());
                result.set(jwt);
                done.countDown();
            });
            // subscribe(..) returned on this thread, and the token is still waiting for its keys.
            assertNull(result.get());

            keys.complete(ISSUER.jwkSet());
            assertTrue(done.await(30, TimeUnit.SECONDS));
            assertEquals("alice", result.get().getSubject());
            assertNotSame(Thread.currentThread(), deliveredOn.get());
            assertEquals("sigil-keys", deliveredOn.get().getName());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aSubscriberThatGoesAwayDoesNotCancelTheVerifiersStage() {
        CompletableFuture<VerifiedJwt> stage = new CompletableFuture<>();
        TokenVerifier waiting = new TokenVerifier() {
            @Override
            public VerifiedJwt verify(String token) {
                throw new AssertionError("the reactive decoder must never call the blocking verify");
            }

            @Override
            public CompletionStage<VerifiedJwt> verifyAsync(String token) {
                return stage;
            }

            @Override
            public void prefetch() {
            }

            @Override
            public void close() {
            }
        };
        new SigilReactiveJwtDecoder(waiting).decode(ISSUER.token()).subscribe().dispose();
        assertFalse(stage.isDone(), "the verifier's stage is its own: never cancelled by a subscriber");
    }

    @Test
    void aRealIssuersKeysAreFetchedWithoutBlockingTheSubscriber() {
        try (FakeIssuer http = FakeIssuer.start()) {
            TestIssuer keys = TestIssuer.named(http.issuer());
            http.publishKeys(keys.jwksJson());
            try (JwtVerifier verifier = JwtVerifier.builder().issuer(http.issuer()).audience(TestIssuer.AUDIENCE).build()) {
                SigilReactiveJwtDecoder decoder = new SigilReactiveJwtDecoder(verifier);
                Thread caller = Thread.currentThread();
                AtomicReference<Thread> deliveredOn = new AtomicReference<>();
                StepVerifier.create(decoder.decode(keys.token()).doOnNext(jwt -> deliveredOn.set(Thread.currentThread())))
                        .assertNext(jwt -> assertEquals(http.issuer(), jwt.getClaimAsString("iss")))
                        .verifyComplete();
                // The first token waited for discovery and the key set: it completed on the cache's thread.
                assertNotSame(caller, deliveredOn.get());
                assertEquals(1, http.jwksRequests());

                // Keys cached now: the next token is verified on the subscribing thread, at once.
                StepVerifier.create(decoder.decode(keys.token()).doOnNext(jwt -> deliveredOn.set(Thread.currentThread())))
                        .expectNextCount(1)
                        .verifyComplete();
                assertSame(caller, deliveredOn.get());
            }
        }
    }

    @Test
    void aMultiIssuerVerifierWorksReactivelyToo() {
        TestIssuer other = TestIssuer.named("https://other.example/");
        try (MultiIssuerVerifier verifier = MultiIssuerVerifier.builder()
                .trustedIssuer(ISSUER.issuer, b -> b.keys(ISSUER.jwkSet()))
                .trustedIssuer(other.issuer, b -> b.keys(other.jwkSet()))
                .audience(TestIssuer.AUDIENCE).build()) {
            SigilReactiveJwtDecoder decoder = new SigilReactiveJwtDecoder(verifier);
            StepVerifier.create(decoder.decode(other.token()))
                    .assertNext(jwt -> assertEquals(other.issuer, jwt.getClaimAsString("iss")))
                    .verifyComplete();
            StepVerifier.create(decoder.decode(TestIssuer.named("https://stranger.example/").token()))
                    .expectErrorSatisfies(e -> assertEquals("untrusted issuer", e.getMessage()))
                    .verify(BOUND);
        }
    }

    @Test
    void anIssuerThatIsDownIsAServerSideJwtExceptionNotABadToken() {
        try (FakeIssuer http = FakeIssuer.start()) {
            http.failJwks(500, Map.of());
            try (JwtVerifier verifier = JwtVerifier.builder().issuer(http.issuer()).audience(TestIssuer.AUDIENCE).build()) {
                StepVerifier.create(new SigilReactiveJwtDecoder(verifier).decode(TestIssuer.named(http.issuer()).token()))
                        .expectErrorSatisfies(e -> {
                            assertSame(JwtException.class, e.getClass());
                            assertEquals("signing keys unavailable", e.getMessage());
                            assertEquals(Reason.KEYS_UNAVAILABLE,
                                    assertInstanceOf(JwtVerificationException.class, e.getCause()).reason());
                        })
                        .verify(BOUND);
            }
        }
    }

    @Test
    void theApplicationsValidatorRunsAfterSigilsChecks() {
        try (JwtVerifier verifier = JwtVerifier.builder().issuer(ISSUER.issuer).audience(TestIssuer.AUDIENCE)
                .keys(ISSUER.jwkSet()).build()) {
            SigilReactiveJwtDecoder decoder = new SigilReactiveJwtDecoder(verifier);
            decoder.setJwtValidator(jwt -> "alice".equals(jwt.getSubject())
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "only alice", null)));
            StepVerifier.create(decoder.decode(ISSUER.token())).expectNextCount(1).verifyComplete();
            StepVerifier.create(decoder.decode(ISSUER.token(c -> c.subject("bob"))))
                    .expectErrorSatisfies(e -> {
                        assertSame(JwtValidationException.class, e.getClass());
                        assertEquals("only alice", e.getMessage());
                    })
                    .verify(BOUND);
        }
    }
}
