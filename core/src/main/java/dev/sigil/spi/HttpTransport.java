package dev.sigil.spi;

import java.io.IOException;

/**
 * Fetches discovery documents and key sets: one blocking {@code GET}. Needed only when keys are
 * remote; a verifier with static keys never selects a transport.
 *
 * <p>Contract: follow at most 3 redirects and never from {@code https} to {@code http}; enforce
 * {@link HttpRequest#connectTimeout()} and {@link HttpRequest#timeout()}; stop reading and throw
 * once the body exceeds {@link HttpRequest#maxBodyBytes()}. Any HTTP status is a response, not an
 * exception; connectivity failures (refused, reset, timed out, too large, too many redirects) throw
 * {@link IOException} and nothing else. Implementations are thread-safe and keep the caller's
 * interrupt status.
 */
public interface HttpTransport {

    /** A stable, lower-case name, as used by the {@code sigil.http} system property: {@code "jdk"}. */
    String name();

    /** Chooses between several transports; the highest wins and a tie is a configuration error. */
    int priority();

    /**
     * Performs the request.
     *
     * @throws IOException if no complete response within the limits could be had
     */
    HttpResponse get(HttpRequest request) throws IOException;
}
