package dev.sigil.internal.remote;

import java.time.Duration;

/** A failed fetch; the message is the reason reported to the listener and in KEYS_UNAVAILABLE. */
final class FetchFailure extends Exception {
    private static final long serialVersionUID = 1L;
    /** What the issuer asked for in {@code Retry-After}, or {@code null}. */
    final transient Duration retryAfter;

    FetchFailure(String reason, Duration retryAfter, Throwable cause) {
        super(reason, cause);
        this.retryAfter = retryAfter;
    }
}
