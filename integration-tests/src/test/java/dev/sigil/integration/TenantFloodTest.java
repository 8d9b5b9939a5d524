package dev.sigil.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.MultiIssuerStats;
import dev.sigil.jwt.MultiIssuerVerifier;
import dev.sigil.jwt.TokenCachePolicy;
import dev.sigil.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A template trusting any tenant, served by a provider that answers discovery for every tenant
 * path with one shared key set, flooded with validly signed tokens that name distinct tenants. The
 * clock is the test's and does not move during a flood, so the new-issuer bucket never refills.
 */
class TenantFloodTest {

    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    private static final Signer KEY = Signer.ec("tenants-ec");
    private static final int MAX_ISSUERS = 10;
    private static final int RATE = 20;
    private static final int FLOOD = 1_000;

    private TenantServer server;
    private MutableClock clock;
    private String template;

    @BeforeEach
    void start() {
        server = new TenantServer();
        server.publishKeys(Signer.jwks(KEY, Signer.rsa("tenants-rsa")));
        clock = new MutableClock(START);
        template = server.base() + "/{tenant}";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MultiIssuerVerifier.Builder anyTenant() {
        return MultiIssuerVerifier.builder()
                .issuerTemplateTrustingAnyTenant(template, "tid")
                .audience(IssuerKey.AUDIENCE)
                .defaults(b -> b.clock(clock))
                .maxIssuers(MAX_ISSUERS)
                .newIssuerRate(RATE, Duration.ofMinutes(1));
    }

    private String issuerOf(String tenant) {
        return server.base() + "/" + tenant;
    }

    private String tokenOf(String tenant) {
        return KEY.mintForTenant(issuerOf(tenant), tenant, clock.instant());
    }

    @Test
    void aFloodOfDistinctTenantsCostsBoundedIssuersAndRequests() throws Exception {
        try (MultiIssuerVerifier verifier = anyTenant().build()) {
            int verified = 0;
            int refused = 0;
            for (int i = 0; i < FLOOD; i++) {
                String tenant = "tenant-" + i;
                try {
                    assertEquals(tenant, verifier.verify(tokenOf(tenant)).claims().get("tid").orElseThrow());
                    verified++;
                } catch (JwtVerificationException e) {
                    assertEquals(Reason.KEYS_UNAVAILABLE, e.reason(), e.getMessage());
                    refused++;
                }
                assertTrue(verifier.stats().liveIssuers() <= MAX_ISSUERS, "live: " + verifier.stats().liveIssuers());
            }
            assertEquals(RATE, verified, "the burst of the bucket, which never refills on a still clock");
            assertEquals(FLOOD - RATE, refused);

            MultiIssuerStats stats = verifier.stats();
            assertEquals(MAX_ISSUERS, stats.liveIssuers());
            assertEquals(RATE, stats.issuersCreated());
            assertEquals(RATE - MAX_ISSUERS, stats.issuersEvicted());
            assertEquals(FLOOD - RATE, stats.newIssuersRefused());
            assertEquals(0, stats.untrustedIssuers());
            assertEquals(List.of(template), List.copyOf(stats.keySets().keySet()), "labelled by the template only");
            assertEquals(1, stats.keySets().get(template).fetches());

            assertEquals(RATE, server.discoveryRequests.get(), "one discovery per verifier made, none for a refused one");
            assertEquals(1, server.jwksRequests.get(), "the shared key set fetched once, not per tenant");
            assertEquals(0, server.otherRequests.get());

            // A known-good tenant, evicted early in the flood: refused while the bucket is empty, then
            // made again once the clock has moved by one permit's time (a minute / RATE).
            String good = tokenOf("tenant-0");
            JwtVerificationException early = org.junit.jupiter.api.Assertions.assertThrows(JwtVerificationException.class,
                    () -> verifier.verify(good));
            assertEquals(Reason.KEYS_UNAVAILABLE, early.reason());
            clock.advance(Duration.ofMinutes(1).dividedBy(RATE));
            assertEquals("tenant-0", verifier.verify(good).claims().get("tid").orElseThrow());
            assertEquals(RATE + 1, server.discoveryRequests.get());
            assertEquals(1, server.jwksRequests.get(), "the shared cache, still leased by live tenants, was kept");
            assertEquals(RATE - MAX_ISSUERS + 1, verifier.stats().issuersEvicted());
        }
    }

    @Test
    void aConcurrentAsyncFloodStaysWithinTheSameBounds() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        AtomicInteger maxLive = new AtomicInteger();
        java.util.Set<String> messages = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (MultiIssuerVerifier verifier = anyTenant().build()) {
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < FLOOD; i++) {
                tokens.add(tokenOf("t" + i));
            }
            List<CompletableFuture<String>> outcomes = new ArrayList<>();
            for (String token : tokens) {
                outcomes.add(CompletableFuture.supplyAsync(() -> verifier.verifyAsync(token), senders)
                        .thenCompose(stage -> stage)
                        .handle((jwt, failure) -> {
                            maxLive.accumulateAndGet(verifier.stats().liveIssuers(), Math::max);
                            if (failure == null) {
                                return "ok";
                            }
                            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                            JwtVerificationException e = assertInstanceOf(JwtVerificationException.class, cause);
                            messages.add(e.getMessage().replaceAll("[0-9]+", "N"));
                            return e.reason().name();
                        }));
            }
            CompletableFuture.allOf(outcomes.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
            Map<String, Long> counts = new java.util.TreeMap<>();
            for (CompletableFuture<String> outcome : outcomes) {
                counts.merge(outcome.join(), 1L, Long::sum);
            }
            assertEquals(Map.of("KEYS_UNAVAILABLE", (long) FLOOD - counts.getOrDefault("ok", 0L)),
                    counts.entrySet().stream().filter(e -> !e.getKey().equals("ok"))
                            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                    "every refusal is KEYS_UNAVAILABLE: " + counts + " " + messages);
            // How many of the RATE verifiers made get to verify their token varies: a verifier may be
            // evicted before its discovery ends; and the discoveries of all issuers share 4 fetcher
            // threads: a discovery that finds none free fails at once, and its issuer then waits a
            // backoff, which this still clock never ends. So none may verify, and that is not asserted.
            assertTrue(counts.getOrDefault("ok", 0L) <= RATE, counts + " " + messages);
            assertTrue(maxLive.get() <= MAX_ISSUERS, "live: " + maxLive.get());
            MultiIssuerStats stats = verifier.stats();
            assertEquals(RATE, stats.issuersCreated());
            assertEquals(FLOOD - RATE, stats.newIssuersRefused());
            assertTrue(server.discoveryRequests.get() <= RATE, "discoveries: " + server.discoveryRequests.get());
            assertTrue(server.jwksRequests.get() <= RATE, "key-set fetches: " + server.jwksRequests.get());
        } finally {
            senders.shutdownNow();
        }
    }

    /**
     * A tenant whose tokens keep coming is used: the flood of new tenants evicts the least recently
     * used ones, never it, so it keeps verifying while new tenants are refused. With a token cache its
     * repeated token is answered from the cache, and that must count as a use too.
     */
    @Test
    void aTenantInSteadyUseSurvivesTheFloodWithAndWithoutATokenCache() throws Exception {
        for (boolean cached : new boolean[] {false, true}) {
            MultiIssuerVerifier.Builder builder = anyTenant();
            if (cached) {
                builder.tokenCache(TokenCachePolicy.defaults());
            }
            try (MultiIssuerVerifier verifier = builder.build()) {
                String steady = tokenOf("steady");
                verifier.verify(steady);
                int floodVerified = 0;
                for (int i = 0; i < 200; i++) {
                    try {
                        verifier.verify(tokenOf("flood-" + i + "-" + cached));
                        floodVerified++;
                    } catch (JwtVerificationException e) {
                        assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
                    }
                    try {
                        verifier.verify(steady);
                    } catch (JwtVerificationException e) {
                        fail("cache " + cached + ": the tenant in steady use was refused after " + i + " flood tokens: "
                                + e.reason() + " " + e.getMessage() + "; " + verifier.stats());
                    }
                }
                assertEquals(RATE, verifier.stats().issuersCreated(), "cache " + cached + ": " + verifier.stats());
                assertEquals(RATE - 1, floodVerified, "cache " + cached + ": every permit but the steady tenant's went"
                        + " to the flood");
                assertEquals(cached ? 2 : 1, server.discoveriesOf(issuerOf("steady")),
                        "cache " + cached + ": the steady tenant's verifier was made once (per verifier built)");
            }
        }
    }

    @Test
    void evictingTheLastLesseeOfASharedCacheClosesIt() throws Exception {
        try (MultiIssuerVerifier verifier = anyTenant().maxIssuers(1).build()) {
            verifier.verify(tokenOf("one"));
            assertEquals(1, server.jwksRequests.get());
            assertEquals(1, verifier.stats().keySets().get(template).fetches());

            // "two" evicts "one", the only lessee of the cache for /keys: that cache is closed and
            // dropped, so "two" leases a new one, which fetches the set again.
            verifier.verify(tokenOf("two"));
            assertEquals(1, verifier.stats().issuersEvicted());
            assertEquals(2, server.jwksRequests.get(), "a new cache, the evicted one's closed");
            assertEquals(1, verifier.stats().keySets().get(template).fetches(), "only the live cache is counted");

            // The evicted verifier's cache does nothing more: past the TTL, only the live cache fetches.
            clock.advance(Duration.ofMinutes(11));
            verifier.verify(tokenOf("two"));
            assertEquals(3, server.jwksRequests.get());
            clock.advance(Duration.ofMinutes(11));
            assertEquals(3, server.jwksRequests.get(), "no request without a token, nothing runs in the background");
        }
    }

    @Test
    void evictingOneOfSeveralLesseesKeepsTheSharedCache() throws Exception {
        try (MultiIssuerVerifier verifier = anyTenant().maxIssuers(2).build()) {
            verifier.verify(tokenOf("one"));
            verifier.verify(tokenOf("two"));
            verifier.verify(tokenOf("three"));
            verifier.verify(tokenOf("four"));
            assertEquals(2, verifier.stats().issuersEvicted());
            assertEquals(1, server.jwksRequests.get(), "the cache was leased by a live tenant throughout");
            assertEquals(4, server.discoveryRequests.get());
        }
    }

    @Test
    void closingTheVerifierEndsAllWork() throws Exception {
        MultiIssuerVerifier verifier = anyTenant().build();
        verifier.verify(tokenOf("one"));
        int requests = server.discoveryRequests.get() + server.jwksRequests.get();
        verifier.close();
        clock.advance(Duration.ofMinutes(11));
        JwtVerificationException e = org.junit.jupiter.api.Assertions.assertThrows(JwtVerificationException.class,
                () -> verifier.verify(tokenOf("two")));
        assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
        org.junit.jupiter.api.Assertions.assertThrows(JwtVerificationException.class, () -> verifier.verify(tokenOf("one")));
        assertEquals(requests, server.discoveryRequests.get() + server.jwksRequests.get());
        assertEquals(0, verifier.stats().liveIssuers());
    }
}
