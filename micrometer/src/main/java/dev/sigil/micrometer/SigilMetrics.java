package dev.sigil.micrometer;

import dev.sigil.jwk.JwksListener;
import dev.sigil.jwk.JwksStats;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.MultiIssuerVerifier;
import dev.sigil.jwt.VerificationListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Micrometer meters for Sigil's verifiers: a {@link MeterBinder} fed by the
 * {@link VerificationListener} and {@link JwksListener}s it hands out, and by the key-cache stats of
 * the verifiers it {@linkplain #monitor(String, JwtVerifier) monitors}.
 *
 * <pre>{@code
 * SigilMetrics metrics = new SigilMetrics();
 * JwtVerifier verifier = JwtVerifier.builder()
 *     .issuer(issuer)
 *     .audience("https://api.example.com")
 *     .verificationListener(metrics.verificationListener())
 *     .listener(metrics.jwksListener(issuer))
 *     .build();
 * metrics.monitor(issuer, verifier);
 * metrics.bindTo(registry);
 * }</pre>
 *
 * <h2>Meters</h2>
 * <ul>
 * <li>{@value #VERIFICATIONS}, a counter: tags {@code result} ({@code verified}, {@code refused}),
 *     {@code reason} (a {@code JwtVerificationException.Reason} name, or {@code none}), {@code alg} (a
 *     JOSE algorithm name, or {@code unknown}) and {@code issuer};
 * <li>{@value #VERIFICATION_DURATION}, a timer: tags {@code result} and {@code issuer};
 * <li>{@value #FETCHES}, a counter of discovery and key-set fetches: tags {@code outcome}
 *     ({@code success}, {@code failure}), {@code status} ({@code 200}, {@code 304}, {@code 401},
 *     {@code 403}, {@code 404}, {@code 429}, {@code 500}, {@code 502}, {@code 503}, {@code 504}, other
 *     statuses by class {@code 1xx} to {@code 5xx}, {@code none} when no answer came, {@code other}) and
 *     {@code issuer};
 * <li>{@value #KEYS}, a gauge of the keys in the current set: tag {@code issuer};
 * <li>{@value #STALE_AGE}, a time gauge: how long past its expiry the set held is while refreshing it
 *     fails, else 0; tag {@code issuer};
 * <li>{@value #FORCED_REFRESHES}, a function counter of refreshes an unknown {@code kid} or a failed
 *     signature asked for: tags {@code outcome} ({@code performed}, {@code suppressed} by the cooldown
 *     or a backoff) and {@code issuer}.
 * </ul>
 * {@code issuer} is the configured issuer or template, or one of {@link VerificationListener}'s
 * constants. No tag is ever read from a token (no {@code kid}, no {@code iss}, no subject), so the
 * number of series is bounded by the configuration. The key-set meters exist only for verifiers
 * whose key cache Sigil built (discovery or {@code jwksUri(..)}).
 *
 * <h2>Cost</h2>
 * Meters are made on first use and then found by index: recording a verification does no registry
 * lookup and allocates nothing beyond what Micrometer's counter and timer do. Gauges and function
 * counters read the verifier's stats when the registry is scraped.
 *
 * <h2>Threads</h2>
 * Thread-safe. Events that happen before {@link #bindTo(MeterRegistry)} are not counted: bind at
 * start-up (Spring Boot binds every {@code MeterBinder} bean when its registry is made). Binding to
 * several registries records into each; binding the same registry twice changes nothing.
 */
public final class SigilMetrics implements MeterBinder {

    /** The counter of verified and refused tokens. */
    public static final String VERIFICATIONS = "sigil.jwt.verifications";
    /** The timer of verifications. */
    public static final String VERIFICATION_DURATION = "sigil.jwt.verification.duration";
    /** The counter of discovery and key-set fetches. */
    public static final String FETCHES = "sigil.jwks.fetches";
    /** The gauge of keys in the current set. */
    public static final String KEYS = "sigil.jwks.keys";
    /** The time gauge of how stale the key set held is. */
    public static final String STALE_AGE = "sigil.jwks.stale.age";
    /** The function counter of forced refreshes. */
    public static final String FORCED_REFRESHES = "sigil.jwks.refreshes.forced";

    private final Clock clock;
    private final VerificationListener verifications = new MeteredVerifications(this);
    // A lock rather than synchronized: no Sigil class synchronizes (architecture-tests), since a
    // virtual thread blocked inside synchronized pins its carrier on JDK 21 to 23.
    private final ReentrantLock lock = new ReentrantLock();
    // Replaced whole under the lock, read without it on every event.
    private volatile BoundRegistry[] bound = new BoundRegistry[0];
    // Guarded by lock: what a registry bound later must be given.
    private final List<KeySetMeters> keySets = new ArrayList<>();
    private final Set<String> issuers = new LinkedHashSet<>();

    /** Meters over the system clock. */
    public SigilMetrics() {
        this(Clock.systemUTC());
    }

    /**
     * Meters whose {@value #STALE_AGE} is measured with {@code clock}: give the verifiers' own clock
     * ({@code JwtVerifier.Builder.clock(..)}) if it is not the system's.
     *
     * @param clock the clock the verifiers use
     */
    public SigilMetrics(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The listener to give to {@code JwtVerifier.Builder.verificationListener(..)} or
     * {@code MultiIssuerVerifier.Builder.verificationListener(..)}; the same instance for every
     * verifier, since each outcome carries its issuer label.
     *
     * @return the verification listener that records into these meters
     */
    public VerificationListener verificationListener() {
        return verifications;
    }

    /**
     * A listener for {@code JwtVerifier.Builder.listener(..)} that counts the fetches of
     * {@code issuer}'s keys as {@value #FETCHES}; {@code issuer} should be the verifier's configured
     * issuer, or {@link VerificationListener#ANY_ISSUER} for one that ignores the issuer, so that its
     * series line up with the verification meters. For a {@link MultiIssuerVerifier}, give
     * {@link #jwksListeners()} to its {@code listeners(..)}.
     *
     * @param issuer the verifier's configured issuer, or {@link VerificationListener#ANY_ISSUER}
     * @return a key-set listener that counts fetches under {@code issuer}
     */
    public JwksListener jwksListener(String issuer) {
        add(Objects.requireNonNull(issuer, "issuer"), null);
        return new MeteredKeySets(this, issuer);
    }

    /**
     * {@return {@link #jwksListener(String)} for each configured issuer and template: for
     * {@code MultiIssuerVerifier.Builder.listeners(..)}}
     */
    public Function<String, JwksListener> jwksListeners() {
        return this::jwksListener;
    }

    /**
     * Registers the key-set meters of {@code verifier}, labelled {@code issuer} (as for
     * {@link #jwksListener(String)}), read from {@link JwtVerifier#stats()} when scraped. Does nothing
     * more for a verifier with static keys or a key source of the application's: it has no stats.
     *
     * @param issuer the label, as for {@link #jwksListener(String)}
     * @param verifier the verifier whose key cache is read
     * @return this
     */
    public SigilMetrics monitor(String issuer, JwtVerifier verifier) {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(verifier, "verifier");
        if (verifier.stats().isEmpty()) {
            return add(issuer, null);
        }
        return add(issuer, new KeySetMeters(issuer, () -> statsOrNull(verifier.stats()), clock));
    }

    /**
     * Registers the key-set meters of each configured issuer and template of {@code verifier},
     * labelled with it and read from {@link MultiIssuerVerifier#stats()} when scraped: a template's
     * tenants are summed under the template.
     *
     * @param verifier the verifier whose issuers' key caches are read
     * @return this
     */
    public SigilMetrics monitor(MultiIssuerVerifier verifier) {
        Objects.requireNonNull(verifier, "verifier");
        for (String label : verifier.stats().keySets().keySet()) {
            add(label, new KeySetMeters(label, () -> verifier.stats().keySets().get(label), clock));
        }
        return this;
    }

    /** Registers the meters in {@code registry}, and records every later event there too. */
    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        lock.lock();
        try {
            for (BoundRegistry b : bound) {
                if (b.registry == registry) {
                    return;
                }
            }
            BoundRegistry added = new BoundRegistry(registry);
            for (String issuer : issuers) {
                added.issuer(issuer);
            }
            for (KeySetMeters meters : keySets) {
                meters.registerIn(registry);
            }
            BoundRegistry[] more = Arrays.copyOf(bound, bound.length + 1);
            more[bound.length] = added;
            bound = more;
        } finally {
            lock.unlock();
        }
    }

    /** The registries bound so far; never modified. */
    BoundRegistry[] bound() {
        return bound;
    }

    /** Remembers {@code issuer}, whose timers every registry then lists, and {@code meters} (when not null). */
    private SigilMetrics add(String issuer, KeySetMeters meters) {
        lock.lock();
        try {
            issuers.add(issuer);
            if (meters != null) {
                keySets.add(meters);
            }
            for (BoundRegistry b : bound) {
                b.issuer(issuer);
                if (meters != null) {
                    meters.registerIn(b.registry);
                }
            }
        } finally {
            lock.unlock();
        }
        return this;
    }

    private static JwksStats statsOrNull(Optional<JwksStats> stats) {
        return stats.orElse(null);
    }
}
