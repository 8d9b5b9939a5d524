package dev.sigil.micrometer;

import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.VerificationListener;
import dev.sigil.spi.JwsAlgorithm;

/** The verification listener {@link SigilMetrics} hands out: each outcome counted and timed in every bound registry. */
final class MeteredVerifications implements VerificationListener {

    private final SigilMetrics metrics;

    MeteredVerifications(SigilMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void verified(JwsAlgorithm algorithm, String issuer, long nanos) {
        for (BoundRegistry bound : metrics.bound()) {
            bound.issuer(issuer).verified(algorithm, nanos);
        }
    }

    @Override
    public void refused(Reason reason, JwsAlgorithm algorithm, String issuer, long nanos) {
        for (BoundRegistry bound : metrics.bound()) {
            bound.issuer(issuer).refused(reason, algorithm, nanos);
        }
    }
}
