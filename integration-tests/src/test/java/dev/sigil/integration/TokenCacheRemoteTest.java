package dev.sigil.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.MultiIssuerVerifier;
import dev.sigil.jwt.TokenCachePolicy;
import dev.sigil.jwt.TokenCacheStats;
import dev.sigil.jwt.TokenVerifier;
import dev.sigil.testkit.FakeIssuer;
import dev.sigil.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verified-token cache over real HTTP, on a {@link JwtVerifier} and on a
 * {@link MultiIssuerVerifier}: hits for a repeated token, none for a token one char away, and
 * never a hit once the key that verified the token has left its set or its kid names other
 * material. The key set is served with {@code max-age=60}, so moving the clock 61 s makes the
 * cache refresh it.
 */
class TokenCacheRemoteTest {

    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    private static final Map<String, String> ONE_MINUTE = Map.of("Cache-Control", "max-age=60");

    private FakeIssuer issuer;
    private FakeIssuer other;
    private MutableClock clock;

    @BeforeEach
    void start() {
        issuer = FakeIssuer.start();
        other = FakeIssuer.start();
        clock = new MutableClock(START);
    }

    @AfterEach
    void stop() {
        issuer.close();
        other.close();
    }

    /** A verifier with a token cache, and how to read its counters. */
    private record Cached(TokenVerifier verifier, Supplier<TokenCacheStats> stats) implements AutoCloseable {
        @Override
        public void close() {
            verifier.close();
        }
    }

    private Cached single() {
        JwtVerifier v = JwtVerifier.builder().issuer(issuer.issuer()).audience(IssuerKey.AUDIENCE).clock(clock)
                .tokenCache(TokenCachePolicy.defaults()).build();
        return new Cached(v, () -> v.tokenCacheStats().orElseThrow());
    }

    private Cached multi() {
        MultiIssuerVerifier v = MultiIssuerVerifier.builder().trustedIssuer(issuer.issuer()).trustedIssuer(other.issuer())
                .audience(IssuerKey.AUDIENCE).defaults(b -> b.clock(clock)).tokenCache(TokenCachePolicy.defaults()).build();
        return new Cached(v, () -> v.tokenCacheStats().orElseThrow());
    }

    private List<Supplier<Cached>> both() {
        return List.of(this::single, this::multi);
    }

    static Reason refusal(TokenVerifier verifier, String token) {
        return assertThrows(JwtVerificationException.class, () -> verifier.verify(token)).reason();
    }

    @Test
    void aRepeatedTokenHitsAndATokenOneCharAwayNeverDoes() throws Exception {
        Signer key = Signer.rsa("k1");
        Signer ec = Signer.ec("k2");
        issuer.publishKeys(Signer.jwks(key, ec), ONE_MINUTE);
        for (Supplier<Cached> make : both()) {
            try (Cached c = make.get()) {
                String token = key.mint(issuer.issuer(), START);
                c.verifier().verify(token);
                assertEquals(0, c.stats().get().hits());
                assertEquals(1, c.stats().get().misses());
                c.verifier().verify(token);
                c.verifier().verifyAsync(token).toCompletableFuture().get();
                TokenCacheStats after = c.stats().get();
                assertEquals(2, after.hits(), after.toString());
                assertEquals(1, after.misses());
                assertEquals(1, after.entries());
                assertEquals(1, issuer.jwksRequests(), "one key-set fetch for " + c.verifier());

                // One char in the middle of the signature changed: a different token, a miss, refused.
                int at = token.lastIndexOf('.') + 40;
                String changed = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
                assertNotEquals(token, changed);
                assertEquals(Reason.INVALID_SIGNATURE, refusal(c.verifier(), changed));
                // And an EC token, one char of its signature changed.
                String ecToken = ec.mint(issuer.issuer(), START);
                c.verifier().verify(ecToken);
                int last = ecToken.length() - 10;
                String ecChanged = ecToken.substring(0, last) + (ecToken.charAt(last) == 'A' ? 'B' : 'A')
                        + ecToken.substring(last + 1);
                assertEquals(Reason.INVALID_SIGNATURE, refusal(c.verifier(), ecChanged));
                TokenCacheStats end = c.stats().get();
                assertEquals(2, end.hits(), end.toString());
                assertEquals(4, end.misses(), end.toString());
                assertEquals(2, end.entries());
                issuer.resetCounts();
            }
        }
    }

    @Test
    void anEntryEndsWhenItsKeyLeavesTheSetRefreshedByTtl() throws Exception {
        for (Supplier<Cached> make : both()) {
            Signer key = Signer.rsa("k1");
            Signer next = Signer.rsa("k2");
            issuer.publishKeys(Signer.jwks(key), ONE_MINUTE);
            try (Cached c = make.get()) {
                String token = key.mint(issuer.issuer(), clock.instant());
                c.verifier().verify(token);
                c.verifier().verify(token);
                assertEquals(1, c.stats().get().hits());

                issuer.publishKeys(Signer.jwks(next), ONE_MINUTE);
                clock.advance(Duration.ofSeconds(61));
                assertEquals(Reason.KEY_NOT_FOUND, refusal(c.verifier(), token));
                assertEquals(Reason.KEY_NOT_FOUND, refusal(c.verifier(), token));
                TokenCacheStats s = c.stats().get();
                assertEquals(1, s.hits(), "the old token was never served from the cache again: " + s);
                assertEquals(1, s.invalidations(), s.toString());
                assertEquals(0, s.entries());
                c.verifier().verify(next.mint(issuer.issuer(), clock.instant()));
            }
        }
    }

    @Test
    void anEntryEndsWhenItsKeyLeavesTheSetRefreshedByANewKid() throws Exception {
        for (Supplier<Cached> make : both()) {
            Signer key = Signer.ec("k1");
            Signer next = Signer.ec("k2");
            issuer.publishKeys(Signer.jwks(key));
            try (Cached c = make.get()) {
                String token = key.mint(issuer.issuer(), clock.instant());
                c.verifier().verify(token);
                c.verifier().verify(token);
                assertEquals(1, c.stats().get().hits());

                // The issuer rotates and drops k1; a token naming k2 makes the verifier refresh.
                issuer.publishKeys(Signer.jwks(next));
                c.verifier().verify(next.mint(issuer.issuer(), clock.instant()));
                assertEquals(Reason.KEY_NOT_FOUND, refusal(c.verifier(), token));
                TokenCacheStats s = c.stats().get();
                assertEquals(1, s.hits(), s.toString());
                assertEquals(1, s.invalidations(), s.toString());
            }
        }
    }

    @Test
    void anEntryEndsWhenItsKidNamesOtherKeyMaterial() throws Exception {
        for (Supplier<Cached> make : both()) {
            Signer key = Signer.rsa("k1");
            Signer impostor = Signer.rsa("k1");
            issuer.publishKeys(Signer.jwks(key), ONE_MINUTE);
            try (Cached c = make.get()) {
                String token = key.mint(issuer.issuer(), clock.instant());
                c.verifier().verify(token);
                c.verifier().verify(token);
                assertEquals(1, c.stats().get().hits());

                issuer.publishKeys(Signer.jwks(impostor), ONE_MINUTE);
                clock.advance(Duration.ofSeconds(61));
                assertEquals(Reason.INVALID_SIGNATURE, refusal(c.verifier(), token));
                assertEquals(Reason.INVALID_SIGNATURE, refusal(c.verifier(), token));
                TokenCacheStats s = c.stats().get();
                assertEquals(1, s.hits(), "never served from the cache under the reused kid: " + s);
                assertEquals(1, s.invalidations(), s.toString());
                assertEquals("user-k1", c.verifier().verify(impostor.mint(issuer.issuer(), clock.instant()))
                        .claims().subject().orElseThrow());
            }
        }
    }

    @Test
    void theMultiIssuerCacheIsSharedByIssuersButEntriesStayWithTheirIssuer() throws Exception {
        Signer a = Signer.rsa("a");
        Signer b = Signer.ec("b");
        issuer.publishKeys(Signer.jwks(a));
        other.publishKeys(Signer.jwks(b));
        try (Cached c = multi()) {
            // Keys at hand first: an async verification that waits for keys is counted as two misses.
            ((MultiIssuerVerifier) c.verifier()).prefetch();
            String ta = a.mint(issuer.issuer(), START);
            String tb = b.mint(other.issuer(), START);
            for (int i = 0; i < 3; i++) {
                assertEquals(issuer.issuer(), c.verifier().verify(ta).claims().issuer().orElseThrow());
                assertEquals(other.issuer(), c.verifier().verifyAsync(tb).toCompletableFuture().get()
                        .claims().issuer().orElseThrow());
            }
            TokenCacheStats s = c.stats().get();
            assertEquals(4, s.hits(), s.toString());
            assertEquals(2, s.misses(), s.toString());
            assertEquals(2, s.entries());
            // Other rotates and drops b: only tb's entry ends, ta still hits.
            Signer b2 = Signer.ec("b2");
            other.publishKeys(Signer.jwks(b2));
            c.verifier().verify(b2.mint(other.issuer(), START));
            assertEquals(Reason.KEY_NOT_FOUND, refusal(c.verifier(), tb));
            c.verifier().verify(ta);
            TokenCacheStats end = c.stats().get();
            assertEquals(5, end.hits(), end.toString());
            assertEquals(1, end.invalidations(), end.toString());
            assertEquals(2, end.entries(), "ta's and b2's: " + end);
        }
    }

    /**
     * A template tenant's verifier is evicted while its token is cached: the next presentation of
     * that token must be verified again by a new verifier for the tenant (the rate allows one), not
     * refused because the cached entry's verifier was closed.
     */
    @Test
    void aCachedTokenOfAnEvictedTenantIsVerifiedAgain() throws Exception {
        Signer key = Signer.ec("tenants");
        try (TenantServer tenants = new TenantServer();
                MultiIssuerVerifier verifier = MultiIssuerVerifier.builder()
                        .issuerTemplateTrustingAnyTenant(tenants.base() + "/{tenant}", "tid")
                        .audience(IssuerKey.AUDIENCE)
                        .defaults(b -> b.clock(clock))
                        .maxIssuers(1)
                        .tokenCache(TokenCachePolicy.defaults())
                        .build()) {
            tenants.publishKeys(Signer.jwks(key));
            String one = key.mintForTenant(tenants.base() + "/one", "one", START);
            verifier.verify(one);
            verifier.verify(one);
            assertEquals(1, verifier.tokenCacheStats().orElseThrow().hits());
            verifier.verify(key.mintForTenant(tenants.base() + "/two", "two", START));
            assertEquals(1, verifier.stats().issuersEvicted());

            for (int i = 0; i < 2; i++) {
                assertEquals("one", verifier.verify(one).claims().get("tid").orElseThrow(), "presentation " + i);
            }
            assertEquals(3, verifier.stats().issuersCreated(), verifier.stats().toString());
            assertEquals(2, verifier.tokenCacheStats().orElseThrow().hits(), "the entry of the closed verifier was"
                    + " not used; the new verifier's was: " + verifier.tokenCacheStats());
        }
    }
}
