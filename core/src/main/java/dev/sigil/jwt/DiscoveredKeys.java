package dev.sigil.jwt;

import dev.sigil.internal.remote.IssuerDiscovery;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksCache;
import dev.sigil.jwk.JwksCachePolicy;
import dev.sigil.jwk.JwksListener;
import dev.sigil.jwk.KeySource;
import dev.sigil.jwk.KeysUnavailableException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One issuer's keys in a multi-issuer verifier: its {@code jwks_uri}, by its own discovery or as
 * configured, then the cache for that URI, leased from {@link SharedKeySets} and shared with every
 * other issuer naming the same URI. Released by {@link #close()}, when the issuer's verifier is
 * evicted or the multi-issuer verifier closed.
 *
 * <p>A discovered URI is followed as a single issuer's cache follows it: each failed fetch of its key
 * set counts towards forgetting it (twice in a row, at most once per cooldown), and once it is
 * forgotten the next ask runs discovery again while the old cache keeps serving what it holds, stale
 * included, until the new URI is known. Thread-safe.
 */
final class DiscoveredKeys implements KeySource, AutoCloseable, SharedKeySets.Watcher {

    private final IssuerDiscovery discovery;
    private final URI configured;
    private final SharedKeySets caches;
    private final JwksListener listener;
    private final JwksCachePolicy policy;

    private volatile SharedKeySets.Lease lease;
    private final ReentrantLock lock = new ReentrantLock();
    // Written under lock; read without it, so that a closed source starts no discovery.
    private volatile boolean closed;

    /** Exactly one of {@code discovery} and {@code configured} is non-null. */
    DiscoveredKeys(IssuerDiscovery discovery, URI configured, SharedKeySets caches, JwksListener listener,
            JwksCachePolicy policy) {
        this.discovery = discovery;
        this.configured = configured;
        this.caches = caches;
        this.listener = listener;
        this.policy = policy;
    }

    @Override
    public CompletionStage<JwkSet> keys() {
        SharedKeySets.Lease held = lease;
        if (held != null) {
            follow(held);
            return held.cache().keys();
        }
        if (closed) {
            return closedFailure();
        }
        CompletableFuture<URI> uri = discovery != null ? discovery.jwksUri() : CompletableFuture.completedFuture(configured);
        return uri.thenCompose(found -> {
            SharedKeySets.Lease attached = attach(found);
            return attached == null ? closedFailure() : attached.cache().keys();
        });
    }

    @Override
    public CompletionStage<JwkSet> refresh(JwkSet current) {
        SharedKeySets.Lease held = lease;
        if (held == null) {
            return keys();
        }
        follow(held);
        return held.cache().refresh(current);
    }

    /** The cache leased now, or {@code null}: to count each shared cache once. */
    JwksCache cacheOrNull() {
        SharedKeySets.Lease held = lease;
        return held == null ? null : held.cache();
    }

    /**
     * Once the discovered URI is forgotten, discovers again (one request at a time, on the usual
     * backoff) and moves to the new URI's cache when it differs; until then the old one serves. Costs
     * one volatile read while the URI is known.
     */
    private void follow(SharedKeySets.Lease held) {
        if (discovery == null || discovery.isKnown()) {
            return;
        }
        discovery.jwksUri().thenAccept(found -> {
            if (!found.equals(held.uri())) {
                attach(found);
            }
        });
    }

    @Override
    public void fetchFailed(URI uri) {
        if (discovery != null) {
            discovery.keysFailed(uri);
        }
    }

    @Override
    public void fetchSucceeded(URI uri) {
        if (discovery != null) {
            discovery.keysFetched();
        }
    }

    private SharedKeySets.Lease attach(URI uri) {
        SharedKeySets.Lease previous;
        SharedKeySets.Lease next;
        lock.lock();
        try {
            if (closed) {
                return null;
            }
            previous = lease;
            if (previous != null && previous.uri().equals(uri)) {
                return previous;
            }
            next = caches.acquire(uri, listener, this, policy);
            lease = next;
        } finally {
            lock.unlock();
        }
        if (previous != null) {
            caches.release(previous);
        }
        return next;
    }

    private static CompletionStage<JwkSet> closedFailure() {
        return CompletableFuture.failedFuture(new KeysUnavailableException("the issuer's verifier was closed"));
    }

    @Override
    public void close() {
        SharedKeySets.Lease held;
        lock.lock();
        try {
            closed = true;
            held = lease;
            lease = null;
        } finally {
            lock.unlock();
        }
        if (held != null) {
            caches.release(held);
        }
    }
}
