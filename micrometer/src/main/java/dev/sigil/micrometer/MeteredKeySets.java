package dev.sigil.micrometer;

import dev.sigil.jwk.JwksListener;
import java.net.URI;
import java.time.Duration;

/**
 * The key listener {@link SigilMetrics} hands out for one issuer label: each fetch counted by outcome
 * and status. The URI and the failure's reason are not used: a URI found by discovery comes from the
 * issuer, and a reason is text for humans.
 */
final class MeteredKeySets implements JwksListener {

    private final SigilMetrics metrics;
    private final String issuer;

    MeteredKeySets(SigilMetrics metrics, String issuer) {
        this.metrics = metrics;
        this.issuer = issuer;
    }

    @Override
    public void fetchSucceeded(URI uri, int status, Duration duration) {
        for (BoundRegistry bound : metrics.bound()) {
            bound.issuer(issuer).fetched(true, status);
        }
    }

    @Override
    public void fetchFailed(URI uri, int status, String reason, Duration duration) {
        for (BoundRegistry bound : metrics.bound()) {
            bound.issuer(issuer).fetched(false, status);
        }
    }
}
