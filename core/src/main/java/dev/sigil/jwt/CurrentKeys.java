package dev.sigil.jwt;

import dev.sigil.internal.keys.KeyIndex;
import dev.sigil.internal.keys.SigningKeyFilter;
import dev.sigil.internal.log.SigilLoggers;
import dev.sigil.jwk.DroppedKey;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksListener;
import dev.sigil.jwk.KeySource;
import dev.sigil.jwk.KeysUnavailableException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.UntrustedText;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The keys a verifier checks signatures with: the index of the set its {@link KeySource} answers
 * with, built once per set however many threads meet it, and asked for without waiting (for
 * {@code verifyAsync}) or waiting at most {@code maxKeyWait}. The verify path's key-selection part
 * works on the {@link KeyIndex} this hands it.
 */
final class CurrentKeys {

    private final KeySource source;
    private final SigningKeyFilter filter;
    private final JwksListener listener;
    private final Duration maxWait;
    // The index of the last set the key source returned; replaced (never mutated) when it changes.
    private volatile KeyIndex index;
    // The import of the last new set met, so that threads racing on one set share one import (see
    // replaceIndex); never touched while the key source keeps returning the indexed set.
    private final AtomicReference<SetImport> lastImport = new AtomicReference<>();

    CurrentKeys(KeySource source, SigningKeyFilter filter, JwksListener listener, Duration maxWait, KeyIndex initial) {
        this.source = source;
        this.filter = filter;
        this.listener = listener;
        this.maxWait = maxWait;
        this.index = initial;
    }

    /**
     * The index of the source's current set, or {@code null} (with the stage to wait for left in
     * {@code async}) when it is not at hand and the caller must not wait.
     */
    KeyIndex current(KeyWait async) throws JwtVerificationException {
        return indexOf(answer(false, null), async);
    }

    /**
     * The index of a set newer than {@code seen}'s, or {@code seen} itself when the source has none:
     * called once per token, after the kid was not found or the signature failed with every candidate.
     * {@code null} as for {@link #current}.
     */
    KeyIndex newer(KeyIndex seen, KeyWait async) throws JwtVerificationException {
        return indexOf(answer(true, seen.source()), async);
    }

    Duration maxWait() {
        return maxWait;
    }

    /** The key source's answer: its current set, or a newer one than {@code current}. */
    private CompletableFuture<JwkSet> answer(boolean refresh, JwkSet current) throws JwtVerificationException {
        CompletionStage<JwkSet> answer;
        try {
            answer = refresh ? source.refresh(current) : source.keys();
            if (answer != null) {
                return answer.toCompletableFuture();
            }
        } catch (RuntimeException e) {
            throw new JwtVerificationException(Reason.KEYS_UNAVAILABLE,
                    "key source failed: " + UntrustedText.printable(e.toString()), e);
        }
        throw new JwtVerificationException(Reason.KEYS_UNAVAILABLE, "key source answered with null, not a stage");
    }

    /**
     * The index of the set {@code answer} holds. An answer not yet complete is waited for at most
     * {@code maxWait}, or, for {@code verifyAsync}, left in {@code async} with {@code null}
     * returned. With the keys at hand this allocates nothing: the source answers with the same
     * completed stage, and the set with the same instance, whose index is already built.
     */
    private KeyIndex indexOf(CompletableFuture<JwkSet> answer, KeyWait async) throws JwtVerificationException {
        if (!answer.isDone()) {
            if (async != null) {
                async.pending = answer;
                return null;
            }
            awaitKeys(answer);
        }
        JwkSet set;
        try {
            set = answer.getNow(null);
        } catch (CompletionException | CancellationException e) {
            throw keysUnavailable(e.getCause() != null ? e.getCause() : e);
        }
        if (set == null) {
            throw new JwtVerificationException(Reason.KEYS_UNAVAILABLE, "key source returned no key set");
        }
        KeyIndex current = index;
        return set == current.source() ? current : replaceIndex(set);
    }

    /** Waits for a key source's answer, at most {@code maxWait}; its failure is read by the caller. */
    private void awaitKeys(CompletableFuture<JwkSet> answer) throws JwtVerificationException {
        try {
            answer.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JwtVerificationException(Reason.KEYS_UNAVAILABLE, "interrupted while waiting for keys", e);
        } catch (TimeoutException e) {
            throw new JwtVerificationException(Reason.KEYS_UNAVAILABLE, "no key set within " + maxWait.toMillis()
                    + " ms (maxKeyWait)", e);
        } catch (ExecutionException | CancellationException e) {
            // Complete now: read, and reported, as any failed answer.
        }
    }

    private static JwtVerificationException keysUnavailable(Throwable failure) {
        if (failure instanceof KeysUnavailableException) {
            return new JwtVerificationException(Reason.KEYS_UNAVAILABLE, failure.getMessage(), failure);
        }
        return new JwtVerificationException(Reason.KEYS_UNAVAILABLE,
                "key source failed: " + UntrustedText.printable(failure.toString()), failure);
    }

    /**
     * The index of {@code set}, imported once however many threads meet the set at the same time:
     * an import can cost real CPU (a backend's checks of an RSA modulus), and a new set is met by
     * every thread that was waiting for it. The first thread to claim the set imports it; the others
     * wait for that import instead of repeating it. The claim is a compare-and-set, not a lock, so
     * nothing here can stay blocked for longer than that one import takes, a thread waiting here
     * waits no longer than importing would have taken it, and the hot path (cached keys) never
     * comes here.
     */
    private KeyIndex replaceIndex(JwkSet set) {
        SetImport mine = null;
        while (true) {
            KeyIndex latest = index;
            if (latest.source() == set) {
                // Another thread indexed this set while we fetched or waited.
                return latest;
            }
            SetImport running = lastImport.get();
            if (running != null && running.set == set) {
                KeyIndex imported = running.await();
                if (index.source() != set) {
                    // A stale set's import finished later and published over this one; the source
                    // has just named this set, so it is the one to keep, without importing it again.
                    index = imported;
                }
                return imported;
            }
            if (mine == null) {
                mine = new SetImport(set);
            }
            if (lastImport.compareAndSet(running, mine)) {
                break;
            }
        }
        KeyIndex fresh;
        try {
            fresh = filter.index(set);
            report(fresh);
        } catch (RuntimeException | Error e) {
            // Unclaimed again, so that a later caller retries rather than inherit this failure.
            lastImport.compareAndSet(mine, null);
            mine.index.completeExceptionally(e);
            throw e;
        }
        // Published before the waiters are woken, so that they and every later caller see it. Threads
        // holding different sets (one of them stale) may still publish in either order; the next
        // call that sees the source's newer set replaces it again.
        index = fresh;
        mine.index.complete(fresh);
        return fresh;
    }

    /** One key set's import, claimed by the thread that runs it, awaited by the threads that meet the same set. */
    private static final class SetImport {
        final JwkSet set;
        final CompletableFuture<KeyIndex> index = new CompletableFuture<>();

        SetImport(JwkSet set) {
            this.set = set;
        }

        KeyIndex await() {
            try {
                return index.join();
            } catch (CompletionException e) {
                // The importing thread's own failure, rethrown as it would have been had this thread imported.
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                if (cause instanceof Error) {
                    throw (Error) cause;
                }
                throw e;
            }
        }
    }

    void report(KeyIndex fresh) {
        for (DroppedKey dropped : fresh.dropped()) {
            SigilLoggers.jwt().log(Level.WARNING, "jwk dropped: " + dropped);
            try {
                listener.keyDropped(dropped);
            } catch (RuntimeException e) {
                listenerThrew(e);
            }
        }
        for (DroppedKey loose : fresh.notCanonical()) {
            SigilLoggers.jwt().log(Level.INFO, "jwk spelled loosely, kept: " + loose);
            try {
                listener.keyNotCanonical(loose.index(), loose.keyId(), loose.reason());
            } catch (RuntimeException e) {
                listenerThrew(e);
            }
        }
        try {
            listener.keysLoaded(fresh.keys().size());
        } catch (RuntimeException e) {
            listenerThrew(e);
        }
    }

    /**
     * A listener's bug must not fail an import: what it threw is logged and ignored. Each call site
     * catches for itself rather than handing a lambda to one helper, since every cold start calls
     * {@code keysLoaded} on its way to the first token (issue 18).
     */
    private static void listenerThrew(RuntimeException e) {
        SigilLoggers.jwt().log(Level.WARNING, "a JwksListener threw; ignored", e);
    }

}
