package dev.sigil.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.KeySource;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.JwsAlgorithm;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The verified-token cache of one verifier: RS256 tokens signed with the JDK, keys from a source the test changes. */
class TokenCacheTest {

    private static final long NOW = 1_700_000_000L;
    private static final String ISSUER = "https://i.example.com/";
    private static KeyPair first;
    private static KeyPair second;

    private final JdkTestBackend backend = new JdkTestBackend(JwsAlgorithm.RS256);
    private final MovingClock clock = new MovingClock(NOW);
    private volatile JwkSet published;
    private final AtomicInteger validations = new AtomicInteger();

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        first = generator.generateKeyPair();
        second = generator.generateKeyPair();
    }

    /** A source answering with whatever the test last published, as a remote cache would after a refresh. */
    private final KeySource source = new KeySource() {
        @Override
        public CompletionStage<JwkSet> keys() {
            return CompletableFuture.completedFuture(published);
        }

        @Override
        public CompletionStage<JwkSet> refresh(JwkSet current) {
            return CompletableFuture.completedFuture(published);
        }
    };

    private JwtVerifier verifier(TokenCachePolicy policy) {
        JwtVerifier.Builder b = JwtVerifier.builder().issuer(ISSUER).audience("api").keySource(source)
                .cryptoBackend(backend).jsonCodec(new BuiltinJsonCodec()).clock(clock)
                .validator((header, claims) -> validations.incrementAndGet());
        return (policy == null ? b : b.tokenCache(policy)).build();
    }

    private static JwkSet set(String kid, KeyPair pair) {
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        return JwkSet.parse("{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"n\":\"" + unsigned(key.getModulus())
                + "\",\"e\":\"" + unsigned(key.getPublicExponent()) + "\"}]}");
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String token(String kid, KeyPair pair, long exp) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signed = b64.encodeToString(("{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"aud\":\"api\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(pair.getPrivate());
        rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + b64.encodeToString(rsa.sign());
    }

    private static Reason refusal(JwtVerifier verifier, String token) {
        return assertThrows(JwtVerificationException.class, () -> verifier.verify(token)).reason();
    }

    @Test
    void aTokenPresentedAgainIsAHitThatRunsTheValidatorsAgain() throws Exception {
        published = set("k1", first);
        JwtVerifier verifier = verifier(TokenCachePolicy.defaults());
        String token = token("k1", first, NOW + 600);
        VerifiedJwt verified = verifier.verify(token);
        assertSame(verified, verifier.verify(token));
        assertSame(verified, verifier.verify(token));
        assertEquals(3, validations.get());
        TokenCacheStats stats = verifier.tokenCacheStats().orElseThrow();
        assertEquals(2, stats.hits());
        assertEquals(1, stats.misses());
        assertEquals(1, stats.entries());
        assertTrue(stats.bytes() > 2L * token.length(), "estimated: " + stats.bytes());
    }

    @Test
    void onlyAByteIdenticalTokenHits() throws Exception {
        published = set("k1", first);
        JwtVerifier verifier = verifier(TokenCachePolicy.defaults());
        String token = token("k1", first, NOW + 600);
        verifier.verify(token);
        // Inside the signature, away from its last char, whose spare bits must stay zero.
        int at = token.length() - 10;
        String otherSignature = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        assertEquals(Reason.INVALID_SIGNATURE, refusal(verifier, otherSignature));
        // A char that narrows to the same byte as the original one must not match its entry.
        char[] chars = token.toCharArray();
        chars[5] = (char) (chars[5] + 0x100);
        assertEquals(Reason.MALFORMED, refusal(verifier, new String(chars)));
        assertEquals(0, verifier.tokenCacheStats().orElseThrow().hits());
    }

    @Test
    void anExpiredTokenIsRefusedAndItsEntryGone() throws Exception {
        published = set("k1", first);
        JwtVerifier verifier = verifier(TokenCachePolicy.defaults());
        String token = token("k1", first, NOW + 100);
        verifier.verify(token);
        clock.now = NOW + 100 + 61;
        assertEquals(Reason.EXPIRED, refusal(verifier, token));
        assertEquals(0, verifier.tokenCacheStats().orElseThrow().entries());
    }

    @Test
    void anEntryLivesNoLongerThanTheTimeToLive() throws Exception {
        published = set("k1", first);
        JwtVerifier verifier = verifier(TokenCachePolicy.builder().ttl(java.time.Duration.ofSeconds(30)).build());
        String token = token("k1", first, NOW + 3600);
        verifier.verify(token);
        clock.now = NOW + 29;
        verifier.verify(token);
        clock.now = NOW + 31;
        verifier.verify(token);
        TokenCacheStats stats = verifier.tokenCacheStats().orElseThrow();
        assertEquals(1, stats.hits());
        assertEquals(2, stats.misses());
        assertEquals(1, stats.expirations());
    }

    @Test
    void aKeyThatLeftItsSetEndsTheEntry() throws Exception {
        published = set("k1", first);
        JwtVerifier verifier = verifier(TokenCachePolicy.defaults());
        String token = token("k1", first, NOW + 600);
        verifier.verify(token);
        published = set("k2", second);
        assertEquals(Reason.KEY_NOT_FOUND, refusal(verifier, token));
        assertEquals(1, verifier.tokenCacheStats().orElseThrow().invalidations());
        assertEquals(0, verifier.tokenCacheStats().orElseThrow().hits());
    }

    @Test
    void aKidReusedForOtherKeyMaterialEndsTheEntry() throws Exception {
        published = set("k1", first);
        JwtVerifier verifier = verifier(TokenCachePolicy.defaults());
        String token = token("k1", first, NOW + 600);
        verifier.verify(token);
        published = set("k1", second);
        assertEquals(Reason.INVALID_SIGNATURE, refusal(verifier, token));
        assertEquals(1, verifier.tokenCacheStats().orElseThrow().invalidations());
    }

    @Test
    void theSameKeyInANewSetKeepsTheEntry() throws Exception {
        published = set("k1", first);
        JwtVerifier verifier = verifier(TokenCachePolicy.defaults());
        String token = token("k1", first, NOW + 600);
        VerifiedJwt verified = verifier.verify(token);
        published = set("k1", first);
        assertSame(verified, verifier.verify(token));
    }

    @Test
    void entriesAreBoundedOldestFirst() throws Exception {
        published = set("k1", first);
        JwtVerifier verifier = verifier(TokenCachePolicy.builder().maxEntries(2).build());
        String one = token("k1", first, NOW + 601);
        VerifiedJwt oneVerified = verifier.verify(one);
        verifier.verify(token("k1", first, NOW + 602));
        verifier.verify(token("k1", first, NOW + 603));
        TokenCacheStats stats = verifier.tokenCacheStats().orElseThrow();
        assertEquals(2, stats.entries());
        assertEquals(1, stats.evictions());
        assertNotSame(oneVerified, verifier.verify(one));
    }

    @Test
    void noCacheUnlessConfigured() throws Exception {
        published = set("k1", first);
        JwtVerifier verifier = verifier(null);
        String token = token("k1", first, NOW + 600);
        assertNotSame(verifier.verify(token), verifier.verify(token));
        assertTrue(verifier.tokenCacheStats().isEmpty());
    }

    private static final class MovingClock extends Clock {
        volatile long now;

        MovingClock(long now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(now);
        }
    }
}
