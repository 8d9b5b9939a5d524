package dev.sigil.jwt;

import dev.sigil.jwk.DroppedKey;
import dev.sigil.jwk.JwksCache;
import dev.sigil.jwk.JwksCachePolicy;
import dev.sigil.jwk.JwksListener;
import dev.sigil.jwk.JwksStats;
import dev.sigil.spi.HttpTransport;
import dev.sigil.spi.JsonCodec;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A multi-issuer verifier's key caches, one per {@code jwks_uri}: issuers whose discovery names the
 * same URI (every tenant of a multi-tenant provider) lease one cache, with one cooldown, and the
 * cache is closed when its last lease is released. A cache is built with the policy of the issuer
 * that first leases it. Its events reach the listener of every issuer or template leasing it now.
 * Thread-safe.
 */
final class SharedKeySets {

    /** Hears the outcome of each fetch of a shared cache: an issuer's discovery counts its URI's failures. */
    interface Watcher {
        void fetchFailed(URI uri);

        void fetchSucceeded(URI uri);
    }

    /** One issuer's use of a shared cache; released once. */
    static final class Lease {
        private final Shared shared;
        private final JwksListener listener;
        private final Watcher watcher;

        private Lease(Shared shared, JwksListener listener, Watcher watcher) {
            this.shared = shared;
            this.listener = listener;
            this.watcher = watcher;
        }

        JwksCache cache() {
            return shared.cache;
        }

        URI uri() {
            return shared.uri;
        }
    }

    private static final class Shared {
        final URI uri;
        final JwksCache cache;
        final FanOut listeners;
        // Guarded by the owner's lock.
        final List<JwksListener> leasedBy = new ArrayList<>();
        final List<Watcher> watchers = new ArrayList<>();

        Shared(URI uri, JwksCache cache, FanOut listeners) {
            this.uri = uri;
            this.cache = cache;
            this.listeners = listeners;
        }
    }

    private final HttpTransport transport;
    private final JsonCodec json;
    private final Clock clock;
    private final Executor executor;
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock.
    private final Map<URI, Shared> caches = new HashMap<>();

    SharedKeySets(HttpTransport transport, JsonCodec json, Clock clock, Executor executor) {
        this.transport = transport;
        this.json = json;
        this.clock = clock;
        this.executor = executor;
    }

    /**
     * A lease on the cache for {@code uri}, built now if there is none; events also reach
     * {@code listener}, and each fetch's outcome {@code watcher}.
     */
    Lease acquire(URI uri, JwksListener listener, Watcher watcher, JwksCachePolicy policy) {
        lock.lock();
        try {
            Shared shared = caches.get(uri);
            if (shared == null) {
                FanOut listeners = new FanOut();
                JwksCache cache = JwksCache.builder().jwksUri(uri).policy(policy).clock(clock).jsonCodec(json)
                        .httpTransport(transport).executor(executor).listener(listeners).build();
                shared = new Shared(uri, cache, listeners);
                caches.put(uri, shared);
            }
            shared.leasedBy.add(listener);
            shared.watchers.add(watcher);
            shared.listeners.update(shared.leasedBy, shared.watchers);
            return new Lease(shared, listener, watcher);
        } finally {
            lock.unlock();
        }
    }

    /** Ends {@code lease}; the cache is closed when no lease is left. */
    void release(Lease lease) {
        JwksCache closing = null;
        lock.lock();
        try {
            Shared shared = lease.shared;
            if (!shared.leasedBy.remove(lease.listener)) {
                return;
            }
            shared.watchers.remove(lease.watcher);
            shared.listeners.update(shared.leasedBy, shared.watchers);
            if (shared.leasedBy.isEmpty() && caches.get(shared.uri) == shared) {
                caches.remove(shared.uri);
                closing = shared.cache;
            }
        } finally {
            lock.unlock();
        }
        if (closing != null) {
            closing.close();
        }
    }

    /** Closes every cache. */
    void closeAll() {
        List<Shared> all;
        lock.lock();
        try {
            all = new ArrayList<>(caches.values());
            caches.clear();
        } finally {
            lock.unlock();
        }
        for (Shared shared : all) {
            shared.cache.close();
        }
    }

    /** The counters of several caches as one: counts added, the latest success, the earliest expiry. */
    static JwksStats sum(List<JwksStats> all) {
        long fetches = 0;
        long failures = 0;
        long notModified = 0;
        long requested = 0;
        long suppressed = 0;
        long stale = 0;
        int keys = 0;
        Instant lastSuccess = null;
        Instant expiresAt = null;
        String lastFailure = null;
        for (JwksStats s : all) {
            fetches += s.fetches();
            failures += s.fetchFailures();
            notModified += s.notModified();
            requested += s.refreshesRequested();
            suppressed += s.refreshesSuppressed();
            stale += s.staleServed();
            keys += s.keys();
            if (s.lastSuccess() != null && (lastSuccess == null || s.lastSuccess().isAfter(lastSuccess))) {
                lastSuccess = s.lastSuccess();
            }
            if (s.expiresAt() != null && (expiresAt == null || s.expiresAt().isBefore(expiresAt))) {
                expiresAt = s.expiresAt();
            }
            if (lastFailure == null) {
                lastFailure = s.lastFailure();
            }
        }
        return new JwksStats(fetches, failures, notModified, requested, suppressed, stale, keys, lastSuccess, expiresAt,
                lastFailure);
    }

    /**
     * Forwards a shared cache's events to the distinct listeners of its leases now. The array is
     * replaced whole, so events never see a half-made list; a listener that throws does not keep
     * the others from hearing (the cache logs what escapes).
     */
    private static final class FanOut implements JwksListener {
        private volatile JwksListener[] listeners = new JwksListener[0];
        private volatile Watcher[] watchers = new Watcher[0];

        void update(List<JwksListener> leasedBy, List<Watcher> watching) {
            watchers = watching.toArray(new Watcher[0]);
            List<JwksListener> distinct = new ArrayList<>();
            for (JwksListener l : leasedBy) {
                if (!distinct.contains(l)) {
                    distinct.add(l);
                }
            }
            listeners = distinct.toArray(new JwksListener[0]);
        }

        private void each(Consumer<JwksListener> event) {
            RuntimeException first = null;
            for (JwksListener l : listeners) {
                try {
                    event.accept(l);
                } catch (RuntimeException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }

        @Override
        public void fetchSucceeded(URI uri, int status, Duration duration) {
            for (Watcher w : watchers) {
                w.fetchSucceeded(uri);
            }
            each(l -> l.fetchSucceeded(uri, status, duration));
        }

        // The status form, which core calls: each listener's default passes it on to the older form.
        @Override
        public void fetchFailed(URI uri, int status, String reason, Duration duration) {
            for (Watcher w : watchers) {
                w.fetchFailed(uri);
            }
            each(l -> l.fetchFailed(uri, status, reason, duration));
        }

        @Override
        public void keysChanged(Set<String> added, Set<String> removed) {
            each(l -> l.keysChanged(added, removed));
        }

        @Override
        public void keyDropped(DroppedKey key) {
            each(l -> l.keyDropped(key));
        }

        @Override
        public void keyNotCanonical(int index, String keyId, String detail) {
            each(l -> l.keyNotCanonical(index, keyId, detail));
        }

        @Override
        public void keysLoaded(int usableKeys) {
            each(l -> l.keysLoaded(usableKeys));
        }

        @Override
        public void staleKeysServed(Duration staleFor) {
            each(l -> l.staleKeysServed(staleFor));
        }
    }
}
