package dev.sigil.jwk;

import dev.sigil.internal.remote.SettledKeys;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where a verifier gets its keys. A source answers with a completion stage: already complete when
 * the keys are at hand (the usual case), or one that completes when a fetch ends. A source never
 * blocks the caller and never returns {@code null}; when no usable set can be had, the stage fails
 * with a {@link KeysUnavailableException} (any other failure is read the same way).
 *
 * <p>The verifier imports and indexes each {@link JwkSet} it is given once, and reuses that index
 * for as long as the source keeps answering with the same instance, so {@link #keys()} must be
 * cheap: answer with a cached, immutable set, never fetch on every call. A source whose keys are at
 * hand should answer with the same completed {@link CompletableFuture} on every call while the set
 * is unchanged; the verifier then allocates nothing to ask. A stage must support
 * {@link CompletionStage#toCompletableFuture()}, as every JDK stage does.
 *
 * <p>Synchronous {@code JwtVerifier.verify} waits for a stage that is not complete at most the
 * verifier's {@code maxKeyWait}; {@code verifyAsync} waits for none. Implementations are
 * thread-safe. {@link JwksCache} is the remote implementation; {@link #of(JwkSet)} the static one.
 */
public interface KeySource {

    /**
     * The current key set.
     *
     * @return a stage completed with the current set, or failed with {@link KeysUnavailableException}
     */
    CompletionStage<JwkSet> keys();

    /**
     * Called when a token names a key that {@code current} lacks, or its signature fails with every
     * candidate key: the source may fetch a newer set (at most once per cooldown, so forged tokens
     * cannot hammer the issuer) and answer with it. The verifier then tries exactly once more.
     *
     * @param current the set the verifier used
     * @return a newer set, or {@code current} itself when nothing newer can be had; the default, for
     *     sources whose keys never change, is {@code current}
     */
    default CompletionStage<JwkSet> refresh(JwkSet current) {
        return CompletableFuture.completedFuture(current);
    }

    /**
     * {@return a source that always answers with {@code keys}, with one completed stage}
     *
     * @param keys the set to answer with
     */
    static KeySource of(JwkSet keys) {
        CompletableFuture<JwkSet> settled = new SettledKeys(Objects.requireNonNull(keys, "keys"));
        return () -> settled;
    }
}
