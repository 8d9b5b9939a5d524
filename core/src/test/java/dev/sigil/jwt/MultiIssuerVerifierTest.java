package dev.sigil.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.JwtConfigurationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Routing, settings, bounds and the shared token cache of a multi-issuer verifier, with static
 * HMAC keys per issuer on the JDK test backend: no network is involved, so none can be requested.
 * Remote keys, discovery and shared key caches are tested over real HTTP in integration-tests.
 */
class MultiIssuerVerifierTest {

    private static final long NOW = 1_700_000_000L;
    private static final String A = "https://a.example.com/";
    private static final String B = "https://b.example.com/";
    private static final String TEMPLATE = "https://login.example.com/{tenantid}/v2.0";
    private static final Jwk KEY_A = JdkTestBackend.secret("a", null, 32, 1);
    private static final Jwk KEY_B = JdkTestBackend.secret("b", null, 32, 2);
    private static final Jwk KEY_T = JdkTestBackend.secret("t", null, 32, 3);

    private final JdkTestBackend backend = new JdkTestBackend(JwsAlgorithm.HS256);
    private final Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

    private Consumer<JwtVerifier.Builder> defaults() {
        return b -> b.cryptoBackend(backend).jsonCodec(new BuiltinJsonCodec()).algorithms(JwsAlgorithm.HS256).clock(clock);
    }

    private MultiIssuerVerifier.Builder twoIssuers() {
        return MultiIssuerVerifier.builder().audience("api").defaults(defaults())
                .trustedIssuer(A, b -> b.keys(JwkSet.of(KEY_A)))
                .trustedIssuer(B, b -> b.keys(JwkSet.of(KEY_B)));
    }

    static String token(Jwk signer, String claims) {
        String signed = b64("{\"alg\":\"HS256\",\"kid\":\"" + signer.keyId().orElseThrow() + "\"}") + "." + b64(claims);
        return signed + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JdkTestBackend.signatureFor(signer, signed.getBytes(StandardCharsets.US_ASCII), signed.length()));
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String claims(String iss, String more) {
        return "{\"iss\":\"" + iss + "\",\"aud\":\"api\",\"exp\":" + (NOW + 600) + more + "}";
    }

    private static Reason refusal(TokenVerifier verifier, String token) {
        return assertThrows(JwtVerificationException.class, () -> verifier.verify(token)).reason();
    }

    @Test
    void routesEachTokenToItsIssuersKeys() throws Exception {
        try (MultiIssuerVerifier verifier = twoIssuers().build()) {
            assertEquals(A, verifier.verify(token(KEY_A, claims(A, ""))).claims().issuer().orElseThrow());
            assertEquals(B, verifier.verify(token(KEY_B, claims(B, ""))).claims().issuer().orElseThrow());
            assertEquals(A, verifier.verifyAsync(token(KEY_A, claims(A, ""))).toCompletableFuture().get().claims().issuer().orElseThrow());
            // B's key does not speak for A.
            assertEquals(Reason.KEY_NOT_FOUND, refusal(verifier, token(KEY_B, claims(A, ""))));
            assertEquals(2, verifier.stats().liveIssuers());
        }
    }

    @Test
    void refusesAnUntrustedIssuerBeforeAnyKeyOrSignatureAndCountsIt() {
        try (MultiIssuerVerifier verifier = twoIssuers().build()) {
            assertEquals(Reason.ISSUER_MISMATCH, refusal(verifier, token(KEY_A, claims("https://evil.example.com/", ""))));
            assertEquals(Reason.ISSUER_MISMATCH, refusal(verifier, token(KEY_A, claims(A + "x", ""))));
            assertEquals(Reason.MISSING_CLAIM, refusal(verifier, token(KEY_A, "{\"aud\":\"api\",\"exp\":" + (NOW + 60) + "}")));
            ExecutionException async = assertThrows(ExecutionException.class, () -> verifier.verifyAsync(
                    token(KEY_A, claims("https://evil.example.com/", ""))).toCompletableFuture().get());
            assertEquals(Reason.ISSUER_MISMATCH, ((JwtVerificationException) async.getCause()).reason());
            assertEquals(0, backend.calls.size());
            assertEquals(0, verifier.stats().liveIssuers());
            assertEquals(4, verifier.stats().untrustedIssuers());
        }
    }

    @Test
    void aMalformedPayloadIsMalformedBeforeRouting() {
        try (MultiIssuerVerifier verifier = twoIssuers().build()) {
            String good = token(KEY_A, claims(A, ""));
            String[] parts = good.split("\\.");
            assertEquals(Reason.MALFORMED, refusal(verifier, parts[0] + "." + b64("{\"iss\":") + "." + parts[2]));
            assertEquals(Reason.MALFORMED, refusal(verifier, parts[0] + ".!!!." + parts[2]));
            assertEquals(Reason.MALFORMED, refusal(verifier, "nodots"));
            assertEquals(Reason.MALFORMED, refusal(verifier, null));
        }
    }

    @Test
    void perIssuerSettingsApplyAfterTheDefaults() throws Exception {
        try (MultiIssuerVerifier verifier = twoIssuers().trustedIssuer(B, b -> b.keys(JwkSet.of(KEY_B)).audience("other")).build()) {
            assertEquals(Reason.AUDIENCE_MISMATCH, refusal(verifier, token(KEY_B, claims(B, ""))));
            verifier.verify(token(KEY_B, "{\"iss\":\"" + B + "\",\"aud\":\"other\",\"exp\":" + (NOW + 60) + "}"));
            verifier.verify(token(KEY_A, claims(A, "")));
        }
    }

    @Test
    void aTemplateRoutesAllowedTenantsAndRequiresTheTenantClaim() throws Exception {
        try (MultiIssuerVerifier verifier = MultiIssuerVerifier.builder().audience("api").defaults(defaults())
                .issuerTemplate(TEMPLATE, "tid", List.of("t1", "t2"), b -> b.keys(JwkSet.of(KEY_T))).build()) {
            String t1 = "https://login.example.com/t1/v2.0";
            assertEquals(t1, verifier.verify(token(KEY_T, claims(t1, ",\"tid\":\"t1\""))).claims().issuer().orElseThrow());
            assertEquals(Reason.INVALID_CLAIM, refusal(verifier, token(KEY_T, claims(t1, ",\"tid\":\"t2\""))));
            assertEquals(Reason.MISSING_CLAIM, refusal(verifier, token(KEY_T, claims(t1, ""))));
            assertEquals(Reason.ISSUER_MISMATCH, refusal(verifier, token(KEY_T, claims("https://login.example.com/t3/v2.0", ",\"tid\":\"t3\""))));
            assertEquals(Reason.ISSUER_MISMATCH, refusal(verifier, token(KEY_T, claims("https://login.example.com/t1/x/v2.0", ",\"tid\":\"t1\""))));
            assertEquals(List.of(TEMPLATE), new ArrayList<>(verifier.stats().keySets().keySet()));
        }
    }

    @Test
    void templateIssuersAreBoundedLeastRecentlyUsedFirst() throws Exception {
        try (MultiIssuerVerifier verifier = MultiIssuerVerifier.builder().audience("api").defaults(defaults())
                .issuerTemplateTrustingAnyTenant(TEMPLATE, "tid", b -> b.keys(JwkSet.of(KEY_T)))
                .trustedIssuer(A, b -> b.keys(JwkSet.of(KEY_A)))
                .maxIssuers(3).newIssuerRate(1000, Duration.ofMinutes(1)).build()) {
            verifier.verify(token(KEY_A, claims(A, "")));
            for (int i = 0; i < 50; i++) {
                String iss = "https://login.example.com/tenant-" + i + "/v2.0";
                verifier.verify(token(KEY_T, claims(iss, ",\"tid\":\"tenant-" + i + "\"")));
                assertTrue(verifier.stats().liveIssuers() <= 4, "3 template issuers and the configured one");
            }
            MultiIssuerStats stats = verifier.stats();
            assertEquals(51, stats.issuersCreated());
            assertEquals(47, stats.issuersEvicted());
            // The configured issuer is never evicted.
            verifier.verify(token(KEY_A, claims(A, "")));
            assertEquals(51, verifier.stats().issuersCreated());
        }
    }

    @Test
    void newTemplateIssuersAreRateLimitedAsKeysUnavailable() throws Exception {
        try (MultiIssuerVerifier verifier = MultiIssuerVerifier.builder().audience("api").defaults(defaults())
                .issuerTemplateTrustingAnyTenant(TEMPLATE, "tid", b -> b.keys(JwkSet.of(KEY_T)))
                .newIssuerRate(5, Duration.ofHours(1)).build()) {
            for (int i = 0; i < 5; i++) {
                String iss = "https://login.example.com/t" + i + "/v2.0";
                verifier.verify(token(KEY_T, claims(iss, ",\"tid\":\"t" + i + "\"")));
            }
            String sixth = "https://login.example.com/t5/v2.0";
            assertEquals(Reason.KEYS_UNAVAILABLE, refusal(verifier, token(KEY_T, claims(sixth, ",\"tid\":\"t5\""))));
            // Known issuers are not held back.
            verifier.verify(token(KEY_T, claims("https://login.example.com/t0/v2.0", ",\"tid\":\"t0\"")));
            assertEquals(1, verifier.stats().newIssuersRefused());
            assertEquals(5, verifier.stats().liveIssuers());
        }
    }

    @Test
    void theTokenCacheIsSharedByTheIssuersVerifiers() throws Exception {
        try (MultiIssuerVerifier verifier = twoIssuers().tokenCache(TokenCachePolicy.defaults()).build()) {
            String a = token(KEY_A, claims(A, ""));
            String b = token(KEY_B, claims(B, ""));
            VerifiedJwt first = verifier.verify(a);
            verifier.verify(b);
            assertSame(first, verifier.verify(a));
            verifier.verify(b);
            assertEquals(2, backend.calls.size(), "each token's signature checked once");
            TokenCacheStats stats = verifier.tokenCacheStats().orElseThrow();
            assertEquals(2, stats.hits());
            assertEquals(2, stats.misses());
            assertEquals(2, stats.entries());
        }
    }

    @Test
    void aCachedTokenWhoseIssuerWasEvictedIsRoutedAnew() throws Exception {
        try (MultiIssuerVerifier verifier = MultiIssuerVerifier.builder().audience("api").defaults(defaults())
                .issuerTemplateTrustingAnyTenant(TEMPLATE, "tid", b -> b.keys(JwkSet.of(KEY_T)))
                .maxIssuers(1).tokenCache(TokenCachePolicy.defaults()).build()) {
            String first = token(KEY_T, claims("https://login.example.com/one/v2.0", ",\"tid\":\"one\""));
            String second = token(KEY_T, claims("https://login.example.com/two/v2.0", ",\"tid\":\"two\""));
            verifier.verify(first);
            verifier.verify(second);
            assertEquals(1, verifier.stats().issuersEvicted());
            assertEquals("https://login.example.com/one/v2.0", verifier.verify(first).claims().issuer().orElseThrow());
            assertEquals(3, verifier.stats().issuersCreated(), "the evicted issuer's verifier made again");
            TokenCacheStats stats = verifier.tokenCacheStats().orElseThrow();
            assertEquals(0, stats.hits(), "an entry of a closed verifier is never a hit");
            assertEquals(3, stats.misses());
            assertEquals(3, backend.calls.size());
        }
    }

    @Test
    void configurationMistakesFailAtBuild() {
        assertThrows(JwtConfigurationException.class, () -> MultiIssuerVerifier.builder().audience("api").build());
        JwtConfigurationException noAudience = assertThrows(JwtConfigurationException.class, () -> MultiIssuerVerifier.builder()
                .defaults(defaults()).trustedIssuer(A, b -> b.keys(JwkSet.of(KEY_A))).build());
        assertTrue(noAudience.getMessage().contains("always requires an audience"), noAudience.getMessage());
        assertThrows(JwtConfigurationException.class, () -> twoIssuers().trustedIssuer(A, b -> b.keys(JwkSet.of(KEY_A)).ignoreAudience()).build());
        assertThrows(JwtConfigurationException.class, () -> twoIssuers().trustedIssuer(A, b -> b.keys(JwkSet.of(KEY_A)).issuer(B)).build());
        assertThrows(JwtConfigurationException.class, () -> twoIssuers().trustedIssuer(A, b -> b.keys(JwkSet.of(KEY_A)).ignoreIssuer()).build());
        assertThrows(JwtConfigurationException.class, () -> twoIssuers()
                .trustedIssuer(A, b -> b.keys(JwkSet.of(KEY_A)).tokenCache(TokenCachePolicy.defaults())).build());
        assertThrows(JwtConfigurationException.class, () -> twoIssuers().issuerTemplate("https://x.example.com/", "tid", List.of("a")).build());
        // Discovery from a plain-http issuer outside loopback is refused now, not at the first token.
        assertThrows(JwtConfigurationException.class, () -> twoIssuers().trustedIssuer("http://c.example.com/").build());
        // An issuer's settings are checked now too: an algorithm the backend lacks.
        assertThrows(JwtConfigurationException.class, () -> twoIssuers()
                .trustedIssuer(A, b -> b.keys(JwkSet.of(KEY_A)).algorithms(JwsAlgorithm.ES256)).build());
    }
}
