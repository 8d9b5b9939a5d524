package dev.sigil.internal.select;

import dev.sigil.internal.log.SigilLoggers;
import dev.sigil.spi.JwtConfigurationException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Chooses the one implementation of an SPI a verifier will use, by the rules of ARCHITECTURE.md:
 * an explicit instance wins; else the system property naming a provider's {@code name()}; else
 * the only provider found; else the highest {@code priority()}, and a tie at the top is an error.
 * Runs once per {@code build()}; the hot path never sees a {@link ServiceLoader}.
 *
 * <p>An SPI may have a fallback (JSON has core's built-in codec). The fallback is a provider like
 * any other for the system property, but it is never ranked: it is chosen only when no other
 * provider is found, so it can neither win nor tie against one. It is created here when the lookup
 * did not find it, because a shaded jar that dropped the {@code META-INF/services} files must still
 * parse JSON.
 *
 * @param <T> the SPI
 */
public abstract class ProviderSelection<T> {
    // A services file naming many missing classes must not make the lookup loop long.
    private static final int MAX_BROKEN = 32;

    private final Class<T> spi;
    private final String property;
    private final String builderMethod;
    private final String whatToAdd;

    /**
     * @param spi the SPI interface
     * @param property the system property that pins a provider by name, such as {@code sigil.crypto}
     * @param builderMethod the builder method that takes an instance, such as {@code cryptoBackend(..)}
     * @param whatToAdd the artifacts to suggest when none is found
     */
    protected ProviderSelection(Class<T> spi, String property, String builderMethod, String whatToAdd) {
        this.spi = spi;
        this.property = property;
        this.builderMethod = builderMethod;
        this.whatToAdd = whatToAdd;
    }

    /** {@return a provider's {@code name()}} */
    protected abstract String name(T provider);

    /** {@return a provider's {@code priority()}} */
    protected abstract int priority(T provider);

    /**
     * {@return a new built-in implementation, chosen only when no other provider is found, or
     * {@code null} for none} The default is none: then none found is a configuration error.
     */
    protected T fallback() {
        return null;
    }

    /** {@return whether {@code provider} is the fallback (registered like the others)} Ignored without a fallback. */
    protected boolean isFallback(T provider) {
        return false;
    }

    /** Finds the providers with the SPI's own class loader and chooses one. */
    public T select(T explicit) {
        if (explicit != null) {
            return explicit;
        }
        String pinned = System.getProperty(property);
        return lookUpAndChoose(pinned, "system property " + property + "=" + pinned, false);
    }

    /**
     * Finds the providers as {@link #select} does and chooses the one whose {@code name()} is
     * {@code name}, whatever the system property says: the builder's own pin, for one verifier.
     *
     * @param pinnedBy the builder call that named it, for the message when none has that name
     */
    public T selectNamed(String name, String pinnedBy) {
        return lookUpAndChoose(name, pinnedBy, true);
    }

    private T lookUpAndChoose(String pinned, String pinnedBy, boolean suggest) {
        List<T> found = new ArrayList<>();
        List<ServiceConfigurationError> broken = new ArrayList<>();
        Iterator<T> it = ServiceLoader.load(spi, spi.getClassLoader()).iterator();
        while (broken.size() < MAX_BROKEN) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                broken.add(e);
            }
        }
        return choose(found, broken, pinned, pinnedBy, suggest);
    }

    /** The rules alone, over providers already instantiated, {@code pinned} read from the system property. */
    T choose(List<T> found, List<ServiceConfigurationError> broken, String pinned) {
        return choose(found, broken, pinned, "system property " + property + "=" + pinned, false);
    }

    /**
     * The rules alone, over providers already instantiated; {@link #select} and {@link #selectNamed}
     * feed it. {@code pinnedBy} says where {@code pinned} came from; {@code suggest} adds the artifacts
     * to the message when no provider has that name (a builder call names one on purpose, so the
     * artifact is what is missing; a system property is more often a stale setting).
     */
    T choose(List<T> found, List<ServiceConfigurationError> broken, String pinned, String pinnedBy, boolean suggest) {
        List<T> ranked = new ArrayList<>(found.size());
        T fallbackFound = null;
        for (T provider : found) {
            if (isFallback(provider)) {
                // Registered twice (a class path holding core twice) is still one fallback.
                fallbackFound = fallbackFound == null ? provider : fallbackFound;
            } else {
                ranked.add(provider);
            }
        }
        T fallbackInstance = fallbackFound != null ? fallbackFound : fallback();
        // The fallback goes last, so that messages list the providers the user added first.
        List<T> candidates = new ArrayList<>(ranked);
        if (fallbackInstance != null) {
            candidates.add(fallbackInstance);
        }
        for (ServiceConfigurationError e : broken) {
            SigilLoggers.spi().log(Level.WARNING, "a " + spi.getSimpleName() + " provider could not be loaded and is ignored: "
                    + e.getMessage(), e);
        }
        if (pinned != null && !pinned.isBlank()) {
            for (T candidate : candidates) {
                if (pinned.equals(name(candidate))) {
                    return candidate;
                }
            }
            throw new JwtConfigurationException(pinnedBy + " names no " + spi.getSimpleName()
                    + " that was found; found: " + names(candidates)
                    + (suggest ? "; add " + whatToAdd + " to the class path or module path" : "")
                    + brokenNote(broken), firstCause(broken));
        }
        if (ranked.isEmpty()) {
            if (fallbackInstance != null) {
                return fallbackInstance;
            }
            throw new JwtConfigurationException("no " + spi.getSimpleName() + " found: add " + whatToAdd
                    + " to the class path or module path, or pass an instance to JwtVerifier.builder()."
                    + builderMethod + "; in a shaded jar, merge the META-INF/services files"
                    + " (maven-shade-plugin ServicesResourceTransformer)" + brokenNote(broken), firstCause(broken));
        }
        // A loop, not a sort by comparator: build() runs this in every fresh JVM, where each lambda
        // and method reference costs a class spun at its first use (issue 18's cold start).
        T best = ranked.get(0);
        for (T candidate : ranked) {
            if (priority(candidate) > priority(best)) {
                best = candidate;
            }
        }
        int top = priority(best);
        List<T> tied = new ArrayList<>();
        for (T candidate : ranked) {
            if (priority(candidate) == top) {
                tied.add(candidate);
            }
        }
        if (tied.size() > 1) {
            // Sorted by name: the message must not depend on class-path order.
            tied.sort(Comparator.comparing(this::name));
            throw new JwtConfigurationException("several " + spi.getSimpleName() + "s share the highest priority " + top
                    + ": " + names(tied) + "; choose one with the system property " + property
                    + " or JwtVerifier.builder()." + builderMethod, null);
        }
        if (candidates.size() > 1) {
            // One provider alone is not worth a line; one that replaced another, or the fallback, is.
            ranked.sort(Comparator.comparingInt(this::priority).reversed());
            SigilLoggers.spi().log(Level.INFO, "using " + spi.getSimpleName() + " '" + name(best) + "' (priority " + top
                    + ") of " + describe(ranked, fallbackInstance) + "; pin one with the system property " + property);
        }
        return best;
    }

    private String names(List<T> candidates) {
        if (candidates.isEmpty()) {
            return "none";
        }
        StringBuilder names = new StringBuilder();
        for (T candidate : candidates) {
            names.append(names.length() == 0 ? "" : ", ").append(name(candidate));
        }
        return names.toString();
    }

    private String describe(List<T> ranked, T fallbackInstance) {
        StringBuilder described = new StringBuilder();
        for (T candidate : ranked) {
            described.append(described.length() == 0 ? "" : ", ").append(name(candidate)).append(" (")
                    .append(priority(candidate)).append(')');
        }
        // The fallback's priority is never compared, so printing it would only mislead.
        return fallbackInstance == null ? described.toString() : described + ", " + name(fallbackInstance) + " (fallback)";
    }

    private String brokenNote(List<ServiceConfigurationError> broken) {
        if (broken.isEmpty()) {
            return "";
        }
        return "; " + broken.size() + " provider(s) failed to load: "
                + broken.stream().map(Throwable::getMessage).collect(Collectors.joining("; "));
    }

    private static Throwable firstCause(List<ServiceConfigurationError> broken) {
        return broken.isEmpty() ? null : broken.get(0);
    }
}
