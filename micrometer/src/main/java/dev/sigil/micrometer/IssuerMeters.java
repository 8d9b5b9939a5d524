package dev.sigil.micrometer;

import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.JwsAlgorithm;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The event-driven meters of one issuer label in one registry. Counters are registered on first use
 * and then found by index (an enum's ordinal, a status's slot), so that an event after the first
 * of its kind costs an array read and the meter's own increment: no registry lookup, no tags built,
 * nothing allocated. Two threads that race to register the same counter get the same one back from
 * the registry. Thread-safe.
 */
final class IssuerMeters {

    private static final JwsAlgorithm[] ALGORITHMS = JwsAlgorithm.values();
    private static final Reason[] REASONS = Reason.values();
    // One slot per algorithm, and one more for "unknown".
    private static final int ALGORITHM_SLOTS = ALGORITHMS.length + 1;

    private final MeterRegistry registry;
    private final String issuer;
    private final AtomicReferenceArray<Counter> verified = new AtomicReferenceArray<>(ALGORITHM_SLOTS);
    private final AtomicReferenceArray<Counter> refused = new AtomicReferenceArray<>(REASONS.length * ALGORITHM_SLOTS);
    private final AtomicReferenceArray<Counter> fetches = new AtomicReferenceArray<>(2 * TagValues.STATUSES.length);
    private final Timer verifiedTime;
    private final Timer refusedTime;

    /** Registers the issuer's timers now, so that a registry lists them before the first token. */
    IssuerMeters(MeterRegistry registry, String issuer) {
        this.registry = registry;
        this.issuer = issuer;
        this.verifiedTime = timer(TagValues.VERIFIED);
        this.refusedTime = timer(TagValues.REFUSED);
    }

    void verified(JwsAlgorithm alg, long nanos) {
        int slot = slot(alg);
        Counter counter = verified.get(slot);
        if (counter == null) {
            counter = verification(TagValues.VERIFIED, TagValues.NO_REASON, alg);
            verified.set(slot, counter);
        }
        counter.increment();
        verifiedTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    void refused(Reason reason, JwsAlgorithm alg, long nanos) {
        int slot = reason.ordinal() * ALGORITHM_SLOTS + slot(alg);
        Counter counter = refused.get(slot);
        if (counter == null) {
            counter = verification(TagValues.REFUSED, reason.name(), alg);
            refused.set(slot, counter);
        }
        counter.increment();
        refusedTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A fetch of the discovery document or the key set; {@code status} 0 when no answer came. */
    void fetched(boolean success, int status) {
        int index = TagValues.status(status);
        int slot = (success ? 0 : TagValues.STATUSES.length) + index;
        Counter counter = fetches.get(slot);
        if (counter == null) {
            counter = Counter.builder(SigilMetrics.FETCHES)
                    .description("Fetches of issuers' discovery documents and key sets")
                    .tag("outcome", success ? TagValues.SUCCESS : TagValues.FAILURE)
                    .tag("status", TagValues.STATUSES[index])
                    .tag("issuer", issuer)
                    .register(registry);
            fetches.set(slot, counter);
        }
        counter.increment();
    }

    private static int slot(JwsAlgorithm alg) {
        return alg == null ? ALGORITHMS.length : alg.ordinal();
    }

    private Counter verification(String result, String reason, JwsAlgorithm alg) {
        return Counter.builder(SigilMetrics.VERIFICATIONS)
                .description("Tokens verified and refused")
                .tag("result", result)
                .tag("reason", reason)
                .tag("alg", TagValues.algorithm(alg))
                .tag("issuer", issuer)
                .register(registry);
    }

    private Timer timer(String result) {
        return Timer.builder(SigilMetrics.VERIFICATION_DURATION)
                .description("Time to verify or refuse a token, key waits included")
                .tag("result", result)
                .tag("issuer", issuer)
                .register(registry);
    }
}
