package dev.sigil.jwt;

import dev.sigil.jwk.JwksCache;
import dev.sigil.jwk.JwksStats;
import dev.sigil.jwt.JwtVerificationException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The per-issuer verifiers of a {@link MultiIssuerVerifier}, made on first need. Issuers named in
 * the configuration are few and fixed: theirs are kept for good. Issuers matched by a template are
 * as many as there are tenants, so theirs are bounded: at most {@code maxIssuers} live, the least
 * recently used closed and dropped first, and new ones made at most at the rate of a token bucket
 * shared by all templates, so that a flood of tokens naming distinct tenants costs bounded memory
 * and a bounded number of discoveries and key-set fetches. A token refused because the bucket is
 * empty is {@code KEYS_UNAVAILABLE}: a retry may pass.
 *
 * <p>Lookups take no lock (a concurrent map, and a last-use time written at most once a
 * millisecond per issuer); making and evicting take one lock. Thread-safe.
 */
final class IssuerVerifiers {

    /**
     * What a trusted {@code iss} resolved to.
     *
     * @param label the configured issuer or template, for stats and listeners: never token text
     * @param issuer the issuer itself
     * @param template the template it matched, or {@code null} for an issuer named in the configuration
     * @param tenant the tenant it matched, or {@code null}
     */
    record Route(String label, String issuer, Consumer<JwtVerifier.Builder> settings, IssuerTemplate template,
            String tenant) {

        boolean pinned() {
            return template == null;
        }
    }

    /** A verifier made for a route, with the keys it leases (or {@code null} for static keys or a source of the application's). */
    record Made(JwtVerifier verifier, DiscoveredKeys keys) {
    }

    private static final class Live {
        final Route route;
        final Made made;
        volatile long lastUsed;

        Live(Route route, Made made) {
            this.route = route;
            this.made = made;
            this.lastUsed = System.nanoTime();
        }
    }

    private final Function<Route, Made> factory;
    private final int maxIssuers;
    private final int burst;
    private final long refillMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Live> live = new ConcurrentHashMap<>();
    private final LongAdder created = new LongAdder();
    private final LongAdder evicted = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock.
    private int unpinned;
    private double permits;
    private long refilledAt;
    private boolean closed;

    /**
     * @param newIssuers how many verifiers for template issuers may be made per {@code per}, and at once
     */
    IssuerVerifiers(Function<Route, Made> factory, int maxIssuers, int newIssuers, Duration per, Clock clock) {
        this.factory = factory;
        this.maxIssuers = maxIssuers;
        this.burst = newIssuers;
        this.refillMillis = Math.max(1, per.toMillis() / newIssuers);
        this.clock = clock;
        this.permits = newIssuers;
        this.refilledAt = clock.millis();
    }

    /** The live verifier for {@code route}, made now if there is none and the rate allows. */
    JwtVerifier verifierFor(Route route) throws JwtVerificationException {
        Live found = live.get(route.issuer());
        if (found != null) {
            touch(found);
            return found.made.verifier();
        }
        Live made;
        List<Live> dropped = new ArrayList<>();
        lock.lock();
        try {
            found = live.get(route.issuer());
            if (found != null) {
                return found.made.verifier();
            }
            if (closed) {
                throw new JwtVerificationException(Reason.KEYS_UNAVAILABLE, "the multi-issuer verifier is closed");
            }
            if (!route.pinned() && !takePermit()) {
                refused.increment();
                throw new JwtVerificationException(Reason.KEYS_UNAVAILABLE, "too many new issuers from templates in a"
                        + " short time (at most " + burst + " per " + Duration.ofMillis(refillMillis * burst).toSeconds()
                        + " s); retry later");
            }
            made = new Live(route, factory.apply(route));
            live.put(route.issuer(), made);
            created.increment();
            if (!route.pinned()) {
                unpinned++;
                while (unpinned > maxIssuers) {
                    Live oldest = leastRecentlyUsed();
                    live.remove(oldest.route.issuer());
                    unpinned--;
                    evicted.increment();
                    dropped.add(oldest);
                }
            }
        } finally {
            lock.unlock();
        }
        // Outside the lock: closing releases shared caches, which may close one.
        for (Live gone : dropped) {
            close(gone);
        }
        return made.made.verifier();
    }

    /** Marks the live verifier of {@code issuer}, if any, as used now: a token it verified was answered from the cache. */
    void used(String issuer) {
        Live found = issuer == null ? null : live.get(issuer);
        if (found != null) {
            touch(found);
        }
    }

    private static void touch(Live found) {
        long now = System.nanoTime();
        // At most once a millisecond: a write per token would make the field a point of contention.
        if (now - found.lastUsed > 1_000_000L) {
            found.lastUsed = now;
        }
    }

    /** Guarded by lock. */
    private boolean takePermit() {
        long now = clock.millis();
        if (now > refilledAt) {
            permits = Math.min(burst, permits + (double) (now - refilledAt) / refillMillis);
            refilledAt = now;
        }
        if (permits >= 1) {
            permits--;
            return true;
        }
        return false;
    }

    /** Guarded by lock; called only while an unpinned verifier exists. */
    private Live leastRecentlyUsed() {
        Live oldest = null;
        for (Live candidate : live.values()) {
            if (!candidate.route.pinned() && (oldest == null || candidate.lastUsed - oldest.lastUsed < 0)) {
                oldest = candidate;
            }
        }
        return oldest;
    }

    private static void close(Live gone) {
        gone.made.verifier().close();
        if (gone.made.keys() != null) {
            gone.made.keys().close();
        }
    }

    /** Verifiers live now. */
    int size() {
        return live.size();
    }

    long created() {
        return created.sum();
    }

    long evicted() {
        return evicted.sum();
    }

    long refused() {
        return refused.sum();
    }

    /** Per configured issuer or template, the counters of the distinct caches its live verifiers lease. */
    Map<String, JwksStats> keySetStats(List<String> labels) {
        Map<String, Map<JwksCache, JwksStats>> byLabel = new LinkedHashMap<>();
        for (String label : labels) {
            byLabel.put(label, new IdentityHashMap<>());
        }
        for (Live l : live.values()) {
            DiscoveredKeys keys = l.made.keys();
            JwksCache cache = keys == null ? null : keys.cacheOrNull();
            if (cache != null) {
                byLabel.computeIfAbsent(l.route.label(), k -> new IdentityHashMap<>()).computeIfAbsent(cache, JwksCache::stats);
            }
        }
        Map<String, JwksStats> out = new LinkedHashMap<>();
        byLabel.forEach((label, caches) -> out.put(label, SharedKeySets.sum(new ArrayList<>(caches.values()))));
        return out;
    }

    /** Closes every verifier and releases its keys; no verifier is made after. */
    void closeAll() {
        List<Live> all;
        lock.lock();
        try {
            closed = true;
            all = new ArrayList<>(live.values());
            live.clear();
            unpinned = 0;
        } finally {
            lock.unlock();
        }
        for (Live l : all) {
            close(l);
        }
    }
}
