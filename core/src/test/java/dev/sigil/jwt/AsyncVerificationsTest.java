package dev.sigil.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.KeySource;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.JwsAlgorithm;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * {@code verifyAsync}'s bounds, on core's own JDK test backend: keys at hand are verified on the
 * caller's thread; keys not at hand are waited for on no thread, then verified on the executor; at
 * most {@code maxPendingAsync} wait, each at most {@code maxKeyWait}.
 */
class AsyncVerificationsTest {

    private static final KeyPair PAIR = rsa();
    private static final Jwk KEY = publicJwk((RSAPublicKey) PAIR.getPublic());
    private static final String TOKEN = token();

    private final JdkTestBackend backend = new JdkTestBackend(JwsAlgorithm.RS256);
    private final QueuedExecutor executor = new QueuedExecutor();

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Jwk publicJwk(RSAPublicKey key) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return Jwk.of(Map.of("kty", "RSA", "kid", "k1",
                "n", b64.encodeToString(unsigned(key.getModulus())), "e", b64.encodeToString(unsigned(key.getPublicExponent()))));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String token() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signed = b64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("{\"iss\":\"https://i/\",\"aud\":\"api\",\"exp\":4102444800}".getBytes(StandardCharsets.UTF_8));
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(PAIR.getPrivate());
            signer.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + b64.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private JwtVerifier.Builder verifier(KeySource source) {
        return JwtVerifier.builder().issuer("https://i/").audience("api").algorithms(JwsAlgorithm.RS256)
                .cryptoBackend(backend).jsonCodec(new BuiltinJsonCodec()).keySource(source).executor(executor);
    }

    private static JwtVerificationException failure(CompletableFuture<VerifiedJwt> stage) {
        CompletionException e = assertThrows(CompletionException.class, stage::join);
        return assertInstanceOf(JwtVerificationException.class, e.getCause());
    }

    @Test
    void keysAtHandAreVerifiedOnTheCallersThreadAtOnce() {
        CompletableFuture<VerifiedJwt> stage = verifier(KeySource.of(JwkSet.of(KEY))).build()
                .verifyAsync(TOKEN).toCompletableFuture();
        assertTrue(stage.isDone());
        assertEquals("k1", stage.join().header().keyId().orElseThrow());
        assertEquals(0, executor.handed);
    }

    @Test
    void keysNotAtHandAreWaitedForOnNoThreadAndVerifiedOnTheExecutor() {
        CompletableFuture<JwkSet> later = new CompletableFuture<>();
        CompletableFuture<VerifiedJwt> stage = verifier(() -> later).build().verifyAsync(TOKEN).toCompletableFuture();
        assertFalse(stage.isDone());
        assertEquals(0, executor.handed, "nothing runs, or waits, on the executor before the keys arrive");

        later.complete(JwkSet.of(KEY));
        assertEquals(1, executor.handed);
        assertFalse(stage.isDone(), "verified by the executor, not by the thread that completed the keys");
        executor.runAll();
        assertEquals("k1", stage.join().header().keyId().orElseThrow());
    }

    @Test
    void pastMaxPendingAsyncTheAnswerIsOverloadedAtOnceAndThePlaceComesBack() {
        CompletableFuture<JwkSet> later = new CompletableFuture<>();
        JwtVerifier verifier = verifier(() -> later).maxPendingAsync(1).build();
        CompletableFuture<VerifiedJwt> waiting = verifier.verifyAsync(TOKEN).toCompletableFuture();
        CompletableFuture<VerifiedJwt> refused = verifier.verifyAsync(TOKEN).toCompletableFuture();
        assertTrue(refused.isDone());
        assertEquals(Reason.OVERLOADED, failure(refused).reason());

        later.complete(JwkSet.of(KEY));
        executor.runAll();
        assertEquals("k1", waiting.join().header().keyId().orElseThrow());
        CompletableFuture<VerifiedJwt> again = verifier.verifyAsync(TOKEN).toCompletableFuture();
        assertTrue(again.isDone(), "keys at hand now, and the place was given back");
        assertEquals("k1", again.join().header().keyId().orElseThrow());
    }

    @Test
    void aStageThatOutlivesMaxKeyWaitFailsWithoutTheExecutorAndGivesItsPlaceBack() {
        CompletableFuture<JwkSet> never = new CompletableFuture<>();
        JwtVerifier verifier = verifier(() -> never).maxPendingAsync(1).maxKeyWait(Duration.ofMillis(20)).build();
        JwtVerificationException e = failure(verifier.verifyAsync(TOKEN).toCompletableFuture());
        assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
        assertEquals("no key set within 20 ms (maxKeyWait)", e.getMessage());
        assertEquals(0, executor.handed);
        assertFalse(verifier.verifyAsync(TOKEN).toCompletableFuture().isDone(), "not OVERLOADED: the place came back");
    }

    @Test
    void anExecutorThatIsShutDownLeavesTheKeysUnavailableAtOnce() {
        ExecutorService shut = Executors.newSingleThreadExecutor();
        shut.shutdown();
        CompletableFuture<VerifiedJwt> stage = verifier(CompletableFuture::new).executor(shut).build()
                .verifyAsync(TOKEN).toCompletableFuture();
        assertTrue(stage.isDone());
        JwtVerificationException e = failure(stage);
        assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
        assertEquals("the executor is shut down: no key set can be waited for", e.getMessage());
    }

    @Test
    void aRefusedTokenIsAnsweredAtOnceWithoutAskingForKeys() {
        CompletableFuture<VerifiedJwt> stage = verifier(CompletableFuture::new).build()
                .verifyAsync("not-a-token").toCompletableFuture();
        assertTrue(stage.isDone());
        assertEquals(Reason.MALFORMED, failure(stage).reason());
    }

    /** Holds what it is handed until the test runs it, on the test's thread. */
    private static final class QueuedExecutor implements Executor {
        private final Queue<Runnable> tasks = new ArrayDeque<>();
        int handed;

        @Override
        public synchronized void execute(Runnable task) {
            handed++;
            tasks.add(task);
        }

        void runAll() {
            Runnable task;
            while ((task = poll()) != null) {
                task.run();
            }
        }

        private synchronized Runnable poll() {
            return tasks.poll();
        }
    }
}
