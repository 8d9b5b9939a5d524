package dev.sigil.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.internal.keys.KeyIndex;
import dev.sigil.internal.keys.KeyLimits;
import dev.sigil.internal.keys.SigningKeyFilter;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksListener;
import dev.sigil.jwk.KeySource;
import dev.sigil.jwk.KeysUnavailableException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The verifier's current keys: asked of the source, built once per set, waited for within a bound. */
class CurrentKeysTest {

    private static final JwkSet FIRST = JwkSet.of(JdkTestBackend.secret("a", null, 32, 1));
    private static final JwkSet SECOND = JwkSet.of(JdkTestBackend.secret("b", null, 32, 2));

    private final JdkTestBackend backend = new JdkTestBackend();
    private final AtomicInteger loads = new AtomicInteger();
    private final JwksListener listener = new JwksListener() {
        @Override
        public void keysLoaded(int count) {
            loads.incrementAndGet();
        }
    };

    private CurrentKeys keys(KeySource source, Duration maxWait) {
        SigningKeyFilter filter = new SigningKeyFilter(backend, true, CryptoPolicy.DEFAULT, new KeyLimits(2048, 8192));
        return new CurrentKeys(source, filter, listener, maxWait, filter.index(JwkSet.of()));
    }

    @Test
    void aSetIsIndexedOnceAndItsIndexReusedWhileTheSourceAnswersWithIt() throws Exception {
        CurrentKeys keys = keys(KeySource.of(FIRST), Duration.ofSeconds(1));
        KeyIndex first = keys.current(null);
        assertSame(FIRST, first.source());
        assertSame(first, keys.current(null), "the same set: the same index, nothing imported again");
        assertSame(first, keys.current(new KeyWait()));
        assertEquals(1, loads.get());
    }

    @Test
    void aNewerSetReplacesTheIndexAndASourceWithNothingNewerAnswersWithTheSameOne() throws Exception {
        KeySource rotating = new KeySource() {
            @Override
            public CompletionStage<JwkSet> keys() {
                return CompletableFuture.completedFuture(FIRST);
            }

            @Override
            public CompletionStage<JwkSet> refresh(JwkSet current) {
                return CompletableFuture.completedFuture(SECOND);
            }
        };
        CurrentKeys keys = keys(rotating, Duration.ofSeconds(1));
        KeyIndex first = keys.current(null);
        KeyIndex newer = keys.newer(first, null);
        assertSame(SECOND, newer.source());

        CurrentKeys fixed = keys(KeySource.of(FIRST), Duration.ofSeconds(1));
        KeyIndex only = fixed.current(null);
        assertSame(only, fixed.newer(only, null), "a static source has nothing newer");
    }

    @Test
    void withoutWaitingAPendingAnswerIsLeftForTheCallerAndNothingIsIndexed() throws Exception {
        CompletableFuture<JwkSet> later = new CompletableFuture<>();
        CurrentKeys keys = keys(() -> later, Duration.ofSeconds(1));
        KeyWait wait = new KeyWait();
        assertNull(keys.current(wait));
        assertSame(later, wait.pending);
        assertEquals(0, loads.get());

        later.complete(FIRST);
        assertSame(FIRST, keys.current(new KeyWait()).source());
    }

    @Test
    void waitingIsBoundedByMaxWaitAndLeavesTheSourcesStageAlone() {
        CompletableFuture<JwkSet> never = new CompletableFuture<>();
        CurrentKeys keys = keys(() -> never, Duration.ofMillis(20));
        JwtVerificationException e = assertThrows(JwtVerificationException.class, () -> keys.current(null));
        assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
        assertEquals("no key set within 20 ms (maxKeyWait)", e.getMessage());
        assertFalse(never.isDone());
    }

    @Test
    void everyWayASourceCanFailIsKeysUnavailable() {
        assertUnavailable("issuer down", () -> CompletableFuture.failedFuture(new KeysUnavailableException("issuer down")));
        assertUnavailable("key source failed: java.lang.IllegalStateException: bug",
                () -> CompletableFuture.failedFuture(new IllegalStateException("bug")));
        assertUnavailable("key source failed: java.lang.IllegalStateException: thrown", () -> {
            throw new IllegalStateException("thrown");
        });
        assertUnavailable("key source answered with null, not a stage", () -> null);
        assertUnavailable("key source returned no key set", () -> CompletableFuture.completedFuture(null));
        CompletableFuture<JwkSet> cancelled = new CompletableFuture<>();
        cancelled.cancel(false);
        JwtVerificationException e = assertThrows(JwtVerificationException.class,
                () -> keys(() -> cancelled, Duration.ofSeconds(1)).current(null));
        assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
    }

    @Test
    void anInterruptedWaitIsKeysUnavailableAndKeepsTheInterrupt() {
        CurrentKeys keys = keys(CompletableFuture::new, Duration.ofSeconds(10));
        Thread.currentThread().interrupt();
        try {
            JwtVerificationException e = assertThrows(JwtVerificationException.class, () -> keys.current(null));
            assertEquals("interrupted while waiting for keys", e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    private void assertUnavailable(String message, KeySource source) {
        JwtVerificationException e = assertThrows(JwtVerificationException.class,
                () -> keys(source, Duration.ofSeconds(1)).current(null));
        assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
        assertEquals(message, e.getMessage());
    }
}
