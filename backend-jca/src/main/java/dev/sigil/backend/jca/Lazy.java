package dev.sigil.backend.jca;

import java.security.Provider;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A value found on first use and then kept, such as the provider of a key factory: a backend
 * finds each provider and probes each algorithm family only when something first needs it, so that
 * a verifier of RS256 tokens never pays for loading SunEC or keying an HMAC. No lock: threads that
 * race may each find the value (finding has no side effect beyond the JDK's own caches), and the
 * first one kept is the one every thread uses from then on. {@code null} is a value like any other.
 *
 * <p>A subclass says how to find the value, rather than a {@code Supplier} lambda: a backend makes
 * these when it is built, in every fresh JVM, where each lambda spins a class of its own at first
 * use (issue 18's cold start).
 *
 * @param <T> the value
 */
abstract class Lazy<T> {

    private static final Object ABSENT = new Object();

    private final AtomicReference<Object> value = new AtomicReference<>();

    /** Finds the value; may run more than once, in threads that race. */
    abstract T find();

    @SuppressWarnings("unchecked")
    T get() {
        Object kept = value.get();
        if (kept == null) {
            T found = find();
            value.compareAndSet(null, found == null ? ABSENT : found);
            kept = value.get();
        }
        return kept == ABSENT ? null : (T) kept;
    }

    /** The provider of a primitive, found by {@link ProviderChoice}. */
    static final class ProviderOf extends Lazy<Provider> {
        private final ProviderChoice providers;
        private final String type;
        private final String algorithm;
        private final boolean orInstalled;

        /**
         * @param orInstalled whether an installed provider may serve when the configured one has no
         *     such primitive ({@link ProviderChoice#findOrInstalled})
         */
        ProviderOf(ProviderChoice providers, String type, String algorithm, boolean orInstalled) {
            this.providers = providers;
            this.type = type;
            this.algorithm = algorithm;
            this.orInstalled = orInstalled;
        }

        @Override
        Provider find() {
            return orInstalled ? providers.findOrInstalled(type, algorithm) : providers.find(type, algorithm);
        }
    }
}
