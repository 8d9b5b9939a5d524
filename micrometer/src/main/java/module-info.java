/**
 * Micrometer meters for Sigil's verifiers ({@link dev.sigil.micrometer.SigilMetrics}): verification
 * outcomes and durations, key-set fetches, keys held, staleness and forced refreshes.
 *
 * <p>Micrometer is not a dependency of this module's artifact (Maven scope {@code provided}): the
 * application brings the Micrometer it already runs.
 */
// Micrometer's jar is an automatic module: requiring it transitively is the point.
@SuppressWarnings("requires-transitive-automatic")
module dev.sigil.micrometer {
    // Transitive: SigilMetrics takes verifiers and hands out core listeners.
    requires transitive dev.sigil.core;
    // Transitive: SigilMetrics is a MeterBinder and is bound to a MeterRegistry.
    requires transitive micrometer.core;

    exports dev.sigil.micrometer;
}
