package dev.sigil.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.JwksStats;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.MultiIssuerStats;
import dev.sigil.jwt.MultiIssuerVerifier;
import dev.sigil.jwt.TokenVerifier;
import dev.sigil.jwt.VerifiedJwt;
import dev.sigil.testkit.FakeIssuer;
import dev.sigil.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link MultiIssuerVerifier} over real HTTP: several fake issuers on loopback, each with its own
 * discovery and key set, tokens minted by Nimbus with RSA and EC keys.
 */
class MultiIssuerRemoteTest {

    static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

    private static final Signer A_RSA = Signer.rsa("a-rsa");
    private static final Signer A_EC = Signer.ec("a-ec");
    private static final Signer B_RSA = Signer.rsa("b-rsa");
    private static final Signer B_EC = Signer.ec("b-ec");

    private FakeIssuer a;
    private FakeIssuer b;
    private MutableClock clock;

    @BeforeEach
    void start() throws Exception {
        a = FakeIssuer.start();
        b = FakeIssuer.start();
        clock = new MutableClock(START);
        a.publishKeys(Signer.jwks(A_RSA, A_EC));
        b.publishKeys(Signer.jwks(B_RSA, B_EC));
    }

    @AfterEach
    void stop() throws Exception {
        a.close();
        b.close();
    }

    private MultiIssuerVerifier.Builder twoIssuers() {
        return MultiIssuerVerifier.builder()
                .trustedIssuer(a.issuer())
                .trustedIssuer(b.issuer())
                .audience(IssuerKey.AUDIENCE)
                .defaults(v -> v.clock(clock));
    }

    static Reason refusal(TokenVerifier verifier, String token) {
        return assertThrows(JwtVerificationException.class, () -> verifier.verify(token)).reason();
    }

    static VerifiedJwt verifyAsync(TokenVerifier verifier, String token) throws Exception {
        return verifier.verifyAsync(token).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    static Reason asyncRefusal(TokenVerifier verifier, String token) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> verifier.verifyAsync(token).toCompletableFuture().get(20, TimeUnit.SECONDS));
        return assertInstanceOf(JwtVerificationException.class, e.getCause()).reason();
    }

    @Test
    void eachIssuersTokensVerifyThroughItsOwnDiscoverySyncAndAsync() throws Exception {
        try (MultiIssuerVerifier verifier = twoIssuers().build()) {
            assertEquals(0, a.totalRequests() + b.totalRequests(), "build() fetches nothing");

            assertEquals(a.issuer(), verifier.verify(A_RSA.mint(a.issuer(), START)).claims().issuer().orElseThrow());
            assertEquals(1, a.discoveryRequests());
            assertEquals(1, a.jwksRequests());
            assertEquals(0, b.totalRequests(), "A's token made a request to B");

            assertEquals(b.issuer(), verifyAsync(verifier, B_EC.mint(b.issuer(), START)).claims().issuer().orElseThrow());
            assertEquals(1, b.discoveryRequests());
            assertEquals(1, b.jwksRequests());

            assertEquals("user-a-ec", verifyAsync(verifier, A_EC.mint(a.issuer(), START)).claims().subject().orElseThrow());
            assertEquals("user-b-rsa", verifier.verify(B_RSA.mint(b.issuer(), START)).claims().subject().orElseThrow());
            assertEquals(2, a.totalRequests(), "one discovery and one key set per issuer, whatever the count of tokens");
            assertEquals(2, b.totalRequests());

            MultiIssuerStats stats = verifier.stats();
            assertEquals(2, stats.liveIssuers());
            assertEquals(2, stats.issuersCreated());
            assertEquals(List.of(a.issuer(), b.issuer()), List.copyOf(stats.keySets().keySet()));
            assertEquals(1, stats.keySets().get(a.issuer()).fetches());
            assertEquals(2, stats.keySets().get(b.issuer()).keys());
        }
    }

    @Test
    void aTokenOfOneIssuerSignedWithTheOthersKeyIsRefused() throws Exception {
        try (MultiIssuerVerifier verifier = twoIssuers().build()) {
            verifier.prefetch();
            int bBefore = b.totalRequests();

            // B's RSA key, claiming A's RSA kid: A's key does not verify the signature.
            String sameKid = B_RSA.claimingKid(A_RSA.kid).mint(a.issuer(), START);
            assertEquals(Reason.INVALID_SIGNATURE, refusal(verifier, sameKid));
            assertEquals(Reason.INVALID_SIGNATURE, asyncRefusal(verifier, sameKid));
            // B's EC key under its own kid: A publishes no such key.
            String ownKid = B_EC.mint(a.issuer(), START);
            assertEquals(Reason.KEY_NOT_FOUND, refusal(verifier, ownKid));
            assertEquals(Reason.KEY_NOT_FOUND, asyncRefusal(verifier, ownKid));
            // And the other way round.
            assertEquals(Reason.INVALID_SIGNATURE, refusal(verifier, A_EC.claimingKid(B_EC.kid).mint(b.issuer(), START)));

            assertTrue(a.jwksRequests() <= 2, "forgeries at A cost A at most one refresh per cooldown: "
                    + a.jwksRequests());
            assertEquals(bBefore + 1, b.totalRequests(), "only the forgery naming B reached B, for one refresh");
            // The genuine tokens still pass.
            verifier.verify(A_RSA.mint(a.issuer(), START));
            verifier.verify(B_EC.mint(b.issuer(), START));
        }
    }

    @Test
    void anUntrustedIssuerIsRefusedWithoutAnyRequestToAnyServer() throws Exception {
        Signer cKey = Signer.rsa("c-rsa");
        try (FakeIssuer c = FakeIssuer.start()) {
            c.publishKeys(Signer.jwks(cKey));
            String tenantTemplate = c.issuer() + "{tenant}";
            try (MultiIssuerVerifier verifier = twoIssuers()
                    .issuerTemplate(tenantTemplate, "tid", List.of("good"))
                    .build()) {
                List<String> untrusted = List.of(
                        cKey.mint(c.issuer(), START),                                           // a real issuer, not configured
                        A_RSA.mint(a.issuer().substring(0, a.issuer().length() - 1), START),     // A without its slash
                        A_RSA.mint(a.issuer() + "x", START),
                        A_RSA.mint(a.issuer().replace("127.0.0.1", "localhost"), START),
                        cKey.mintForTenant(c.issuer() + "evil", "evil", START),                 // tenant not allowed
                        cKey.mintForTenant(c.issuer() + "go.od", "go.od", START),               // not a tenant
                        cKey.mintForTenant(c.issuer() + "good/x", "good", START));              // text after the tenant
                long refused = 0;
                for (String token : untrusted) {
                    assertEquals(Reason.ISSUER_MISMATCH, refusal(verifier, token));
                    assertEquals(Reason.ISSUER_MISMATCH, asyncRefusal(verifier, token));
                    refused += 2;
                }
                assertEquals(0, a.totalRequests(), "request to A");
                assertEquals(0, b.totalRequests(), "request to B");
                assertEquals(0, c.totalRequests(), "request to the untrusted issuer C");
                MultiIssuerStats stats = verifier.stats();
                assertEquals(refused, stats.untrustedIssuers());
                assertEquals(0, stats.liveIssuers());
                assertEquals(0, stats.issuersCreated());
                assertEquals(List.of(a.issuer(), b.issuer(), tenantTemplate), List.copyOf(stats.keySets().keySet()),
                        "labels are the configured strings only");

                // The control: the template's allowed tenant at C is trusted, so its token does reach C
                // (whose fake serves no discovery under /good, hence no keys).
                assertEquals(Reason.KEYS_UNAVAILABLE,
                        refusal(verifier, cKey.mintForTenant(c.issuer() + "good", "good", START)));
                assertEquals(1, c.requests("/good/.well-known/openid-configuration"));
                assertEquals(0, a.totalRequests() + b.totalRequests());
            }
        }
    }

    /**
     * A rotates while B is down. A's new kid verifies after exactly one refresh. B's keys, held and
     * fresh, keep verifying B's tokens without a request; once past their TTL they are served
     * stale (within max-stale). A token with a kid B has not published (B rotated, or it is forged:
     * the verifier cannot tell) is {@code KEY_NOT_FOUND}: the verifier holds a usable set for B, the
     * kid is not in it, and the one refresh the cooldown allows failed, so nothing newer can be had.
     * {@code KEYS_UNAVAILABLE} is kept for when no usable set is held at all.
     */
    @Test
    void rotationAtOneIssuerWhileTheOtherIsDown() throws Exception {
        Signer aNext = Signer.rsa("a-rsa-2");
        Signer bNext = Signer.ec("b-ec-2");
        try (MultiIssuerVerifier verifier = twoIssuers().build()) {
            verifier.prefetch();
            assertEquals(1, a.jwksRequests());
            assertEquals(2, b.totalRequests());

            b.failJwks(503, Map.of("Retry-After", "30"));
            b.failDiscovery(503);
            a.publishKeys(Signer.jwks(A_RSA, A_EC, aNext));

            assertEquals("user-a-rsa-2", verifier.verify(aNext.mint(a.issuer(), START)).claims().subject().orElseThrow());
            assertEquals(2, a.jwksRequests(), "the new kid verified after exactly one refresh");
            verifier.verify(A_RSA.mint(a.issuer(), START));
            assertEquals(2, a.jwksRequests(), "the old key is still published and held");

            verifier.verify(B_RSA.mint(b.issuer(), START));
            verifier.verify(B_EC.mint(b.issuer(), START));
            assertEquals(2, b.totalRequests(), "B's fresh keys needed no request");

            assertEquals(Reason.KEY_NOT_FOUND, refusal(verifier, bNext.mint(b.issuer(), START)));
            assertEquals(1, b.jwksRequests() - 1, "one refresh of B's keys was tried");
            assertEquals(1, b.discoveryRequests(), "B's discovery is not run again for one failure");
            assertEquals(Reason.KEY_NOT_FOUND, refusal(verifier, bNext.mint(b.issuer(), START)));
            assertEquals(3, b.totalRequests(), "within the cooldown, no second refresh");
            verifier.verify(B_RSA.mint(b.issuer(), START));

            // Past both sets' TTL (10 min without max-age): A refreshes, B's last good set is served stale.
            clock.advance(Duration.ofMinutes(11));
            Instant later = clock.instant();
            verifier.verify(aNext.mint(a.issuer(), later));
            verifier.verify(B_EC.mint(b.issuer(), later));
            verifier.verify(B_RSA.mint(b.issuer(), later));
            JwksStats bStats = verifier.stats().keySets().get(b.issuer());
            assertTrue(bStats.staleServed() >= 1, bStats.toString());
            assertTrue(bStats.fetchFailures() >= 2, bStats.toString());
            assertEquals(3, a.jwksRequests());
            assertEquals(Reason.KEY_NOT_FOUND, refusal(verifier, bNext.mint(b.issuer(), later)));

            // B recovers: its new kid verifies.
            b.setDiscoveryDocument("{\"issuer\":\"" + b.issuer() + "\",\"jwks_uri\":\"" + b.jwksUri() + "\"}");
            b.publishKeys(Signer.jwks(B_RSA, B_EC, bNext));
            clock.advance(Duration.ofMinutes(1));
            verifier.verify(bNext.mint(b.issuer(), clock.instant()));
        }
    }

    @Test
    void issuersWhoseDiscoveryNamesTheSameJwksUriShareOneFetchAndOneCooldown() throws Exception {
        a.publishKeys(Signer.jwks(A_RSA, B_EC));
        b.setDiscoveryDocument("{\"issuer\":\"" + b.issuer() + "\",\"jwks_uri\":\"" + a.jwksUri() + "\"}");
        try (MultiIssuerVerifier verifier = twoIssuers().build()) {
            verifier.verify(A_RSA.mint(a.issuer(), START));
            verifier.verify(B_EC.mint(b.issuer(), START));
            assertEquals(1, a.discoveryRequests());
            assertEquals(1, b.discoveryRequests());
            assertEquals(1, a.jwksRequests(), "one key-set fetch for both issuers");
            assertEquals(0, b.jwksRequests());

            MultiIssuerStats stats = verifier.stats();
            assertEquals(List.of(a.issuer(), b.issuer()), List.copyOf(stats.keySets().keySet()));
            assertEquals(1, stats.keySets().get(a.issuer()).fetches());
            assertEquals(1, stats.keySets().get(b.issuer()).fetches(), "the shared cache, counted once per label");
            assertEquals(2, stats.keySets().get(b.issuer()).keys());

            // One cooldown: a forged kid at A spends the refresh, and one at B right after is suppressed.
            assertEquals(Reason.KEY_NOT_FOUND, refusal(verifier, Signer.rsa("forged-1").mint(a.issuer(), START)));
            assertEquals(2, a.jwksRequests());
            assertEquals(Reason.KEY_NOT_FOUND, refusal(verifier, Signer.rsa("forged-2").mint(b.issuer(), START)));
            assertEquals(2, a.jwksRequests());
            assertEquals(1, verifier.stats().keySets().get(b.issuer()).refreshesSuppressed());
        }
    }

    @Test
    void tenantsOfATemplateAndANamedIssuerNamingOneJwksUriShareOneFetch() throws Exception {
        a.publishKeys(Signer.jwks(A_RSA, B_EC));
        try (TenantServer tenants = new TenantServer()) {
            tenants.nameJwksUri(a.jwksUri());
            String template = tenants.base() + "/{tenant}/v2.0";
            try (MultiIssuerVerifier verifier = MultiIssuerVerifier.builder()
                    .trustedIssuer(a.issuer())
                    .issuerTemplate(template, "tid", List.of("t1", "t2", "t3"))
                    .audience(IssuerKey.AUDIENCE)
                    .defaults(v -> v.clock(clock))
                    .build()) {
                verifier.verify(A_RSA.mint(a.issuer(), START));
                for (String tenant : List.of("t1", "t2", "t3")) {
                    verifier.verify(B_EC.mintForTenant(tenants.base() + "/" + tenant + "/v2.0", tenant, START));
                }
                assertEquals(3, tenants.discoveryRequests.get());
                assertEquals(0, tenants.jwksRequests.get());
                assertEquals(1, a.jwksRequests(), "one fetch for the named issuer and three tenants");

                MultiIssuerStats stats = verifier.stats();
                assertEquals(List.of(a.issuer(), template), List.copyOf(stats.keySets().keySet()),
                        "labelled by the configured issuer and template, never by a tenant's issuer");
                assertEquals(1, stats.keySets().get(template).fetches());
                assertEquals(4, stats.liveIssuers());
            }
        }
    }
}
