package dev.sigil.backend.jca;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A value found on first use and then kept, such as the provider of a key factory: a backend
 * finds each provider and probes each algorithm family only when something first needs it, so that
 * a verifier of RS256 tokens never pays for loading SunEC or keying an HMAC. No lock: threads that
 * race may each find the value (finding has no side effect beyond the JDK's own caches), and the
 * first one kept is the one every thread uses from then on. {@code null} is a value like any other.
 *
 * @param <T> the value
 */
final class Lazy<T> {

    private static final Object ABSENT = new Object();

    private final AtomicReference<Object> value = new AtomicReference<>();
    private final Supplier<T> finder;

    Lazy(Supplier<T> finder) {
        this.finder = finder;
    }

    @SuppressWarnings("unchecked")
    T get() {
        Object kept = value.get();
        if (kept == null) {
            T found = finder.get();
            value.compareAndSet(null, found == null ? ABSENT : found);
            kept = value.get();
        }
        return kept == ABSENT ? null : (T) kept;
    }
}
