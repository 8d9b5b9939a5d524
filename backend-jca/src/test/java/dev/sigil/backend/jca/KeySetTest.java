package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.DroppedKey;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksListener;
import dev.sigil.jwk.KeySource;
import dev.sigil.jwk.KeysUnavailableException;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.JwtConfigurationException;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The signing-key filter, key selection by kid, and the refresh-once rule, through real keys. */
class KeySetTest {

    private static final Mint.Signer RSA = Mint.signer(JwsAlgorithm.RS256);
    private static final Mint.Signer EC = Mint.signer(JwsAlgorithm.ES256);

    private static JwtVerifier.Builder builder() {
        return JwtVerifier.builder().issuer(Mint.ISSUER).audience(Mint.AUDIENCE).clock(Mint.clock())
                .cryptoBackend(new JcaCryptoBackend());
    }

    private static String set(String... keys) {
        return "{\"keys\":[" + String.join(",", keys) + "]}";
    }

    /** The signer's public JWK with extra members. */
    private static String with(Mint.Signer signer, String members) {
        String jwk = signer.publicJwkJson();
        return jwk.substring(0, jwk.length() - 1) + "," + members + "}";
    }

    private static final class Recorder implements JwksListener {
        final List<DroppedKey> dropped = new ArrayList<>();
        int loaded = -1;

        @Override
        public void keyDropped(DroppedKey key) {
            dropped.add(key);
        }

        @Override
        public void keysLoaded(int usableKeys) {
            loaded = usableKeys;
        }
    }

    @Test
    void selectsTheKeyByKidAmongSeveral() throws Exception {
        JwtVerifier verifier = builder().keys(JwkSet.parse(set(RSA.publicJwkJson(), EC.publicJwkJson()))).build();
        assertEquals(JwsAlgorithm.RS256, verifier.verify(RSA.mint(Mint.claims().build())).header().algorithm());
        assertEquals(JwsAlgorithm.ES256, verifier.verify(EC.mint(Mint.claims().build())).header().algorithm());
    }

    @Test
    void triesEveryFittingKeyWhenTheTokenHasNoKid() throws Exception {
        Mint.Signer other = Mint.freshSigner(JwsAlgorithm.RS256, "other");
        JwtVerifier verifier = builder().keys(JwkSet.parse(set(other.publicJwkJson(), RSA.publicJwkJson()))).build();
        String token = RSA.raw("{\"alg\":\"RS256\"}", Mint.claims().build().toString());
        verifier.verify(token);
    }

    @Test
    void anUnknownKidIsKeyNotFound() {
        JwtVerifier verifier = builder().keys(RSA.keySet()).build();
        String token = RSA.raw("{\"alg\":\"RS256\",\"kid\":\"nobody\"}", Mint.claims().build().toString());
        JwtVerificationException e = assertThrows(JwtVerificationException.class, () -> verifier.verify(token));
        assertEquals(Reason.KEY_NOT_FOUND, e.reason());
        assertEquals("no key with kid 'nobody'", e.getMessage());
    }

    @Test
    void theKeysOwnAlgMustEqualTheTokens() {
        // The key says RS256; a PS256 token with the same RSA key must not pass.
        Mint.Signer ps = Mint.signer(JwsAlgorithm.PS256, RSA.kid);
        JwtVerifier verifier = builder().keys(JwkSet.parse(set(with(ps, "\"alg\":\"RS256\"")))).build();
        JwtVerificationException e = assertThrows(JwtVerificationException.class,
                () -> verifier.verify(ps.mint(Mint.claims().build())));
        assertEquals(Reason.ALGORITHM_NOT_ALLOWED, e.reason());
        assertEquals("expected alg RS256 for key '" + RSA.kid + "', got PS256", e.getMessage());
    }

    @Test
    void aKeyOfTheWrongTypeForTheAlgorithmIsRefused() {
        // kid names the EC key but the token claims RS256.
        JwtVerifier verifier = builder().keys(JwkSet.parse(set(RSA.publicJwkJson(), EC.publicJwkJson()))).build();
        String token = RSA.raw("{\"alg\":\"RS256\",\"kid\":\"" + EC.kid + "\"}", Mint.claims().build().toString());
        assertEquals(Reason.ALGORITHM_NOT_ALLOWED,
                assertThrows(JwtVerificationException.class, () -> verifier.verify(token)).reason());
    }

    @Test
    void dropsAndReportsKeysThatCannotVerifyWithoutLosingTheRest() throws Exception {
        Recorder recorder = new Recorder();
        String json = set(
                with(Mint.freshSigner(JwsAlgorithm.RS256, "enc"), "\"use\":\"enc\""),
                with(Mint.freshSigner(JwsAlgorithm.RS256, "sign-only"), "\"key_ops\":[\"sign\"]"),
                with(Mint.freshSigner(JwsAlgorithm.RS256, "private"), "\"d\":\"AQAB\""),
                "{\"kty\":\"RSA\",\"kid\":\"short\",\"n\":\"AQAB\",\"e\":\"AQAB\"}",
                "{\"kty\":\"future\",\"kid\":\"future\"}",
                "{\"kid\":\"no-kty\"}",
                "42",
                with(Mint.freshSigner(JwsAlgorithm.RS256, "bad-alg"), "\"alg\":\"ES256\""),
                with(Mint.freshSigner(JwsAlgorithm.RS256, "unknown-alg"), "\"alg\":\"RS1\""),
                with(RSA, "\"use\":\"sig\",\"key_ops\":[\"verify\"]"));
        JwtVerifier verifier = builder().keys(JwkSet.parse(json)).listener(recorder).build();
        verifier.verify(RSA.mint(Mint.claims().build()));
        assertEquals(1, recorder.loaded);
        List<String> reasons = new ArrayList<>();
        for (DroppedKey d : recorder.dropped) {
            reasons.add(d.index() + " " + d.kid().orElse("-") + ": " + d.reason());
        }
        assertEquals(9, reasons.size(), reasons.toString());
        assertTrue(reasons.contains("0 enc: use is 'enc', not 'sig'"), reasons.toString());
        assertTrue(reasons.contains("1 sign-only: key_ops does not include 'verify'"), reasons.toString());
        assertTrue(reasons.contains("2 private: carries private key material"), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("3 short: ")), reasons.toString());
        assertTrue(reasons.contains("4 future: unsupported key type 'future'"), reasons.toString());
        assertTrue(reasons.contains("5 no-kty: jwk has no 'kty'"), reasons.toString());
        assertTrue(reasons.contains("6 -: not a json object"), reasons.toString());
        assertTrue(reasons.contains("7 bad-alg: alg ES256 does not fit key type RSA"), reasons.toString());
        assertTrue(reasons.contains("8 unknown-alg: unknown alg 'RS1'"), reasons.toString());
    }

    @Test
    void aStaticSetWithNoUsableKeyFailsTheBuild() {
        String json = set(with(Mint.freshSigner(JwsAlgorithm.RS256, "enc"), "\"use\":\"enc\""));
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class,
                () -> builder().keys(JwkSet.parse(json)).build());
        assertTrue(e.getMessage().startsWith("keys(..) holds no key usable with the allowed algorithms"), e.getMessage());
        assertTrue(e.getMessage().contains("use is 'enc', not 'sig'"), e.getMessage());
    }

    @Test
    void secretKeysNeedHmacToBeListedExplicitly() throws Exception {
        Mint.Signer hs = Mint.signer(JwsAlgorithm.HS256);
        assertThrows(JwtConfigurationException.class, () -> builder().keys(hs.keySet()).build());
        JwtVerifier verifier = builder().keys(hs.keySet()).algorithms(JwsAlgorithm.HS256).build();
        verifier.verify(hs.mint(Mint.claims().build()));
    }

    @Test
    void anHmacSecretShorterThanTheHashIsNeverUsed() {
        String shortSecret = set("{\"kty\":\"oct\",\"kid\":\"s\",\"k\":\"" + Mint.b64(new byte[16]) + "\"}");
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class,
                () -> builder().keys(JwkSet.parse(shortSecret)).algorithms(JwsAlgorithm.HS256).build());
        assertTrue(e.getMessage().contains("HS256"), e.getMessage());
    }

    @Test
    void aListenerThatThrowsNeverBreaksVerification() throws Exception {
        JwksListener throwing = new JwksListener() {
            @Override
            public void keysLoaded(int usableKeys) {
                throw new IllegalStateException("listener bug");
            }
        };
        builder().keys(RSA.keySet()).listener(throwing).build().verify(RSA.mint(Mint.claims().build()));
    }

    @Test
    void anUnknownKidRefreshesTheSourceOnceAndRetriesOnce() throws Exception {
        Mint.Signer rotated = Mint.freshSigner(JwsAlgorithm.RS256, "rotated");
        JwkSet before = RSA.keySet();
        JwkSet after = JwkSet.parse(set(RSA.publicJwkJson(), rotated.publicJwkJson()));
        AtomicInteger refreshes = new AtomicInteger();
        KeySource source = new KeySource() {
            private volatile JwkSet current = before;

            @Override
            public CompletionStage<JwkSet> keys() {
                return CompletableFuture.completedFuture(current);
            }

            @Override
            public CompletionStage<JwkSet> refresh(JwkSet seen) {
                refreshes.incrementAndGet();
                current = after;
                return CompletableFuture.completedFuture(after);
            }
        };
        JwtVerifier verifier = builder().keySource(source).build();
        verifier.verify(RSA.mint(Mint.claims().build()));
        assertEquals(0, refreshes.get());
        verifier.verify(rotated.mint(Mint.claims().build()));
        assertEquals(1, refreshes.get());
        verifier.verify(rotated.mint(Mint.claims().build()));
        assertEquals(1, refreshes.get(), "the new set is used without another refresh");

        // A forged kid costs exactly one refresh request to the source, then fails.
        String forged = rotated.raw("{\"alg\":\"RS256\",\"kid\":\"forged\"}", Mint.claims().build().toString());
        assertEquals(Reason.KEY_NOT_FOUND, assertThrows(JwtVerificationException.class, () -> verifier.verify(forged)).reason());
        assertEquals(2, refreshes.get());
    }

    @Test
    void aStaticSetIsNeverRefreshed() {
        JwtVerifier verifier = builder().keys(RSA.keySet()).build();
        Mint.Signer other = Mint.freshSigner(JwsAlgorithm.RS256, RSA.kid);
        assertEquals(Reason.INVALID_SIGNATURE,
                assertThrows(JwtVerificationException.class, () -> verifier.verify(other.mint(Mint.claims().build()))).reason());
    }

    @Test
    void aFailingKeySourceIsKeysUnavailable() {
        KeySource down = () -> CompletableFuture.failedFuture(new KeysUnavailableException("issuer unreachable"));
        JwtVerifier verifier = builder().keySource(down).build();
        JwtVerificationException unreachable = assertThrows(JwtVerificationException.class,
                () -> verifier.verify(RSA.mint(Mint.claims().build())));
        assertEquals(Reason.KEYS_UNAVAILABLE, unreachable.reason());
        assertEquals("issuer unreachable", unreachable.getMessage());
        JwtVerificationException asynchronously = assertThrows(ExecutionException.class,
                () -> verifier.verifyAsync(RSA.mint(Mint.claims().build())).toCompletableFuture().get())
                .getCause() instanceof JwtVerificationException e ? e : null;
        assertEquals(Reason.KEYS_UNAVAILABLE, asynchronously.reason());
        KeySource crashing = () -> {
            throw new IllegalStateException("bug");
        };
        JwtVerifier second = builder().keySource(crashing).build();
        JwtVerificationException e = assertThrows(JwtVerificationException.class,
                () -> second.verify(RSA.mint(Mint.claims().build())));
        assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
        assertFalse(e.getMessage().isEmpty());
    }
}
