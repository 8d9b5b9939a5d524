package dev.sigil.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The per-verification hook: every outcome of {@code verify} and {@code verifyAsync} reported exactly
 * once, with the right reason, algorithm and issuer label, and never a label a token chose. Static
 * HMAC keys on the JDK test backend, so the tokens are really signed and really checked.
 */
class VerificationListenerTest {

    private static final long NOW = 1_700_000_000L;
    private static final String A = "https://a.example.com/";
    private static final String B = "https://b.example.com/";
    private static final String EVIL = "https://evil.example.com/";
    private static final String TEMPLATE = "https://login.example.com/{tenantid}/v2.0";
    private static final Jwk KEY_A = JdkTestBackend.secret("a", null, 32, 1);
    private static final Jwk KEY_B = JdkTestBackend.secret("b", null, 32, 2);
    private static final Jwk KEY_T = JdkTestBackend.secret("t", null, 32, 3);
    private static final Jwk UNKNOWN = JdkTestBackend.secret("unknown", null, 32, 4);

    /** One reported outcome; {@code reason} is null for a verified token. */
    record Event(Reason reason, JwsAlgorithm alg, String issuer, long nanos) {
    }

    /** Records what it hears; the verifications here run on the test's thread or complete before it reads. */
    static final class Recorder implements VerificationListener {
        final List<Event> events = new ArrayList<>();

        @Override
        public synchronized void verified(JwsAlgorithm algorithm, String issuer, long nanos) {
            events.add(new Event(null, algorithm, issuer, nanos));
        }

        @Override
        public synchronized void refused(Reason reason, JwsAlgorithm algorithm, String issuer, long nanos) {
            events.add(new Event(reason, algorithm, issuer, nanos));
        }

        synchronized Event only() {
            assertEquals(1, events.size(), () -> "events: " + events);
            Event e = events.get(0);
            events.clear();
            assertTrue(e.nanos() >= 0);
            return e;
        }
    }

    private final JdkTestBackend backend = new JdkTestBackend(JwsAlgorithm.HS256, JwsAlgorithm.HS384);
    private final Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private final Recorder recorder = new Recorder();

    private Consumer<JwtVerifier.Builder> defaults() {
        return b -> b.cryptoBackend(backend).jsonCodec(new BuiltinJsonCodec()).algorithms(JwsAlgorithm.HS256).clock(clock);
    }

    private JwtVerifier.Builder single() {
        JwtVerifier.Builder b = JwtVerifier.builder().issuer(A).audience("api").keys(JwkSet.of(KEY_A));
        defaults().accept(b);
        return b;
    }

    private MultiIssuerVerifier.Builder multi() {
        return MultiIssuerVerifier.builder().audience("api").defaults(defaults()).verificationListener(recorder)
                .trustedIssuer(A, b -> b.keys(JwkSet.of(KEY_A)))
                .trustedIssuer(B, b -> b.keys(JwkSet.of(KEY_B)))
                .issuerTemplateTrustingAnyTenant(TEMPLATE, "tid", b -> b.keys(JwkSet.of(KEY_T)));
    }

    private static String token(Jwk signer, String alg, String claims) {
        String signed = b64("{\"alg\":\"" + alg + "\",\"kid\":\"" + signer.keyId().orElseThrow() + "\"}") + "." + b64(claims);
        return signed + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JdkTestBackend.signatureFor(signer, signed.getBytes(StandardCharsets.US_ASCII), signed.length()));
    }

    private static String token(Jwk signer, String claims) {
        return token(signer, "HS256", claims);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String claims(String iss, long exp, String more) {
        return "{\"iss\":\"" + iss + "\",\"aud\":\"api\",\"exp\":" + exp + more + "}";
    }

    private static String valid(String iss) {
        return claims(iss, NOW + 600, "");
    }

    private static Reason refusal(TokenVerifier verifier, String token) {
        return assertThrows(JwtVerificationException.class, () -> verifier.verify(token)).reason();
    }

    private static Reason asyncRefusal(TokenVerifier verifier, String token) {
        CompletionException e = assertThrows(CompletionException.class, () -> verifier.verifyAsync(token).toCompletableFuture().join());
        return ((JwtVerificationException) e.getCause()).reason();
    }

    @Test
    void aVerifiedTokenIsReportedOnceWithItsAlgorithmAndTheConfiguredIssuer() throws Exception {
        try (JwtVerifier verifier = single().verificationListener(recorder).build()) {
            verifier.verify(token(KEY_A, valid(A)));
            Event e = recorder.only();
            assertNull(e.reason());
            assertEquals(JwsAlgorithm.HS256, e.alg());
            assertEquals(A, e.issuer());

            verifier.verifyAsync(token(KEY_A, valid(A))).toCompletableFuture().join();
            assertEquals(new Event(null, JwsAlgorithm.HS256, A, recorder.events.get(0).nanos()), recorder.only());
        }
    }

    @Test
    void eachRefusalIsReportedOnceWithItsReasonAndTheAlgorithmWhenKnown() throws Exception {
        try (JwtVerifier verifier = single().verificationListener(recorder).build()) {
            assertRefused(verifier, token(KEY_A, claims(A, NOW - 3600, "")), Reason.EXPIRED, JwsAlgorithm.HS256);
            String good = token(KEY_A, valid(A));
            String forged = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA" + good.substring(good.lastIndexOf('.') + 5);
            assertRefused(verifier, forged, Reason.INVALID_SIGNATURE, JwsAlgorithm.HS256);
            assertRefused(verifier, token(UNKNOWN, valid(A)), Reason.KEY_NOT_FOUND, JwsAlgorithm.HS256);
            assertRefused(verifier, token(KEY_A, valid(EVIL)), Reason.ISSUER_MISMATCH, JwsAlgorithm.HS256);
            assertRefused(verifier, token(KEY_A, "HS384", valid(A)), Reason.ALGORITHM_NOT_ALLOWED, JwsAlgorithm.HS384);
            // Before the algorithm is known.
            assertRefused(verifier, token(KEY_A, "RS999", valid(A)), Reason.UNSUPPORTED_ALGORITHM, null);
            assertRefused(verifier, "not.a-token", Reason.MALFORMED, null);
            assertRefused(verifier, "x".repeat(20_000), Reason.TOKEN_TOO_LARGE, null);

            assertEquals(Reason.EXPIRED, asyncRefusal(verifier, token(KEY_A, claims(A, NOW - 3600, ""))));
            assertEquals(new Event(Reason.EXPIRED, JwsAlgorithm.HS256, A, recorder.events.get(0).nanos()), recorder.only());
        }
    }

    private void assertRefused(TokenVerifier verifier, String token, Reason reason, JwsAlgorithm alg) {
        assertEquals(reason, refusal(verifier, token));
        Event e = recorder.only();
        assertEquals(reason, e.reason());
        assertEquals(alg, e.alg());
    }

    @Test
    void withIgnoreIssuerTheIssuerIsTheAnyConstantNeverTheTokens() throws Exception {
        try (JwtVerifier verifier = JwtVerifier.builder().ignoreIssuer().audience("api").keys(JwkSet.of(KEY_A))
                .cryptoBackend(backend).jsonCodec(new BuiltinJsonCodec()).algorithms(JwsAlgorithm.HS256).clock(clock)
                .verificationListener(recorder).build()) {
            verifier.verify(token(KEY_A, valid(EVIL)));
            assertEquals(VerificationListener.ANY_ISSUER, recorder.only().issuer());
            refusal(verifier, token(KEY_A, claims(EVIL, NOW - 3600, "")));
            assertEquals(VerificationListener.ANY_ISSUER, recorder.only().issuer());
        }
    }

    @Test
    void aTokenCacheHitIsReportedAsAVerification() throws Exception {
        try (JwtVerifier verifier = single().tokenCache(TokenCachePolicy.defaults()).verificationListener(recorder).build()) {
            String token = token(KEY_A, valid(A));
            verifier.verify(token);
            verifier.verify(token);
            assertEquals(1, backend.calls.size(), "the second came from the cache");
            assertEquals(2, recorder.events.size());
            assertTrue(recorder.events.stream().allMatch(e -> e.reason() == null && A.equals(e.issuer())));
        }
    }

    @Test
    void aListenerThatThrowsChangesNoOutcome() throws Exception {
        VerificationListener broken = new VerificationListener() {
            @Override
            public void verified(JwsAlgorithm algorithm, String issuer, long nanos) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void refused(Reason reason, JwsAlgorithm algorithm, String issuer, long nanos) {
                throw new IllegalStateException("listener bug");
            }
        };
        try (JwtVerifier verifier = single().verificationListener(broken).build();
                MultiIssuerVerifier multi = multi().verificationListener(broken).build()) {
            assertEquals(A, verifier.verify(token(KEY_A, valid(A))).claims().issuerOrNull());
            assertEquals(Reason.EXPIRED, refusal(verifier, token(KEY_A, claims(A, NOW - 3600, ""))));
            assertEquals(A, verifier.verifyAsync(token(KEY_A, valid(A))).toCompletableFuture().join().claims().issuerOrNull());
            assertEquals(Reason.EXPIRED, asyncRefusal(verifier, token(KEY_A, claims(A, NOW - 3600, ""))));
            assertEquals(B, multi.verify(token(KEY_B, valid(B))).claims().issuerOrNull());
            assertEquals(Reason.ISSUER_MISMATCH, refusal(multi, token(KEY_A, valid(EVIL))));
        }
    }

    @Test
    void withoutAListenerOutcomesAreUnchanged() throws Exception {
        try (JwtVerifier plain = single().build(); JwtVerifier heard = single().verificationListener(recorder).build()) {
            for (JwtVerifier verifier : List.of(plain, heard)) {
                assertEquals(A, verifier.verify(token(KEY_A, valid(A))).claims().issuerOrNull());
                assertEquals(Reason.EXPIRED, refusal(verifier, token(KEY_A, claims(A, NOW - 3600, ""))));
                assertEquals(Reason.KEY_NOT_FOUND, refusal(verifier, token(UNKNOWN, valid(A))));
                assertEquals(Reason.MALFORMED, refusal(verifier, "a.b"));
            }
            assertEquals(4, recorder.events.size(), "only the verifier with a listener reported");
        }
    }

    @Test
    void aMultiIssuerVerifierLabelsByConfiguredIssuerOrTemplate() throws Exception {
        try (MultiIssuerVerifier verifier = multi().build()) {
            verifier.verify(token(KEY_A, valid(A)));
            assertEquals(new Event(null, JwsAlgorithm.HS256, A, recorder.events.get(0).nanos()), recorder.only());
            assertEquals(Reason.AUDIENCE_MISMATCH, refusal(verifier, token(KEY_B, "{\"iss\":\"" + B + "\",\"aud\":\"x\",\"exp\":"
                    + (NOW + 60) + "}")));
            assertEquals(new Event(Reason.AUDIENCE_MISMATCH, JwsAlgorithm.HS256, B, recorder.events.get(0).nanos()),
                    recorder.only());

            String tenant = "https://login.example.com/tenant-42/v2.0";
            verifier.verify(token(KEY_T, claims(tenant, NOW + 600, ",\"tid\":\"tenant-42\"")));
            assertEquals(TEMPLATE, recorder.only().issuer(), "the template, not the tenant's issuer");
            verifier.verifyAsync(token(KEY_T, claims(tenant, NOW + 600, ",\"tid\":\"tenant-42\""))).toCompletableFuture().join();
            assertEquals(TEMPLATE, recorder.only().issuer());
            assertEquals(Reason.INVALID_CLAIM, refusal(verifier, token(KEY_T, claims(tenant, NOW + 600, ",\"tid\":\"other\""))));
            assertEquals(TEMPLATE, recorder.only().issuer());
        }
    }

    @Test
    void anUntrustedIssNeverBecomesALabel() throws Exception {
        try (MultiIssuerVerifier verifier = multi().build()) {
            assertEquals(Reason.ISSUER_MISMATCH, refusal(verifier, token(KEY_A, valid(EVIL))));
            assertEquals(new Event(Reason.ISSUER_MISMATCH, null, VerificationListener.UNTRUSTED_ISSUER,
                    recorder.events.get(0).nanos()), recorder.only());
            assertEquals(Reason.ISSUER_MISMATCH, asyncRefusal(verifier, token(KEY_A, valid(EVIL))));
            assertEquals(VerificationListener.UNTRUSTED_ISSUER, recorder.only().issuer());
            assertEquals(Reason.MISSING_CLAIM, refusal(verifier, token(KEY_A, "{\"aud\":\"api\",\"exp\":" + (NOW + 60) + "}")));
            assertEquals(VerificationListener.UNTRUSTED_ISSUER, recorder.only().issuer());
            assertEquals(Reason.MALFORMED, refusal(verifier, "nodots"));
            assertEquals(VerificationListener.UNTRUSTED_ISSUER, recorder.only().issuer());
            // A near miss of the template is untrusted too, and its text is nowhere.
            assertEquals(Reason.ISSUER_MISMATCH, refusal(verifier, token(KEY_T, claims("https://login.example.com/a/b/v2.0", NOW + 60,
                    ",\"tid\":\"a\""))));
            assertEquals(VerificationListener.UNTRUSTED_ISSUER, recorder.only().issuer());
        }
    }

    @Test
    void aNewTenantRefusedByTheRateIsLabelledWithItsTemplate() throws Exception {
        try (MultiIssuerVerifier verifier = multi().newIssuerRate(1, Duration.ofHours(1)).build()) {
            verifier.verify(token(KEY_T, claims("https://login.example.com/t1/v2.0", NOW + 60, ",\"tid\":\"t1\"")));
            recorder.only();
            assertEquals(Reason.KEYS_UNAVAILABLE, refusal(verifier,
                    token(KEY_T, claims("https://login.example.com/t2/v2.0", NOW + 60, ",\"tid\":\"t2\""))));
            assertEquals(new Event(Reason.KEYS_UNAVAILABLE, null, TEMPLATE, recorder.events.get(0).nanos()), recorder.only());
        }
    }

    @Test
    void aMultiIssuerTokenCacheHitIsReportedUnderItsIssuer() throws Exception {
        try (MultiIssuerVerifier verifier = multi().tokenCache(TokenCachePolicy.defaults()).build()) {
            String token = token(KEY_B, valid(B));
            verifier.verify(token);
            verifier.verify(token);
            assertEquals(1, backend.calls.size());
            assertEquals(2, recorder.events.size());
            assertTrue(recorder.events.stream().allMatch(e -> e.reason() == null && B.equals(e.issuer())));
        }
    }

    @Test
    void anIssuersOwnSettingsMayNotGiveAVerificationListener() {
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class, () -> MultiIssuerVerifier.builder()
                .audience("api").defaults(defaults())
                .trustedIssuer(A, b -> b.keys(JwkSet.of(KEY_A)).verificationListener(recorder)).build());
        assertTrue(e.getMessage().contains("give it to the MultiIssuerVerifier.Builder"), e.getMessage());
        assertFalse(recorder.events.iterator().hasNext());
    }
}
