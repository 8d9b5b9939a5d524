package dev.sigil.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A registry {@link SigilMetrics} is bound to, with the meters of each issuer label met so far. The
 * labels are the configured issuers and templates and two constants (core never reports a label
 * read from a token), so the map stays as small as the configuration.
 */
final class BoundRegistry {

    final MeterRegistry registry;
    private final ConcurrentHashMap<String, IssuerMeters> issuers = new ConcurrentHashMap<>();

    BoundRegistry(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The meters of {@code issuer}, made (and their timers registered) on first use. */
    IssuerMeters issuer(String issuer) {
        IssuerMeters meters = issuers.get(issuer);
        return meters != null ? meters : issuers.computeIfAbsent(issuer, label -> new IssuerMeters(registry, label));
    }
}
