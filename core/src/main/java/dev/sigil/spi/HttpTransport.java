package dev.sigil.spi;

import java.io.IOException;

/**
 * Fetches discovery documents and key sets: one blocking {@code GET}. Needed only when keys are
 * remote; a verifier with static keys never selects a transport.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>One request, no redirects.</b> A transport performs exactly the request it is given and
 *       does not follow redirects: a 3xx is returned as a response, with its {@code Location}
 *       header as received (a relative one included). Sigil's core follows redirects itself, at
 *       most 3, and applies its rules to every hop, once for every transport: never from
 *       {@code https} to {@code http}, plain {@code http} only between loopback hosts, only
 *       {@code http} and {@code https} targets. A transport over a client that follows redirects on
 *       its own must turn that off (or refuse such a client).
 *   <li><b>Limits.</b> Enforce {@link HttpRequest#connectTimeout()} and {@link HttpRequest#timeout()}
 *       (the whole exchange, body included); stop reading and throw
 *       {@link ResponseTooLargeException} once the body exceeds {@link HttpRequest#maxBodyBytes()}.
 *   <li><b>Encodings.</b> A transport may ask for and decode {@code gzip}; it then counts the cap
 *       on decoded bytes and removes {@code Content-Encoding} and {@code Content-Length} from the
 *       response. A body in any other encoding (anything but exactly {@code gzip}) is returned as
 *       received, with its {@code Content-Encoding}: core refuses a successful response whose
 *       encoding is not identity, so those bytes never reach a parser.
 *   <li><b>Headers.</b> Response header values are returned as received; core decides which it
 *       trusts (it echoes a validator only when it is visible ASCII). Request header values that
 *       cannot be sent (a line break) throw {@link IllegalArgumentException} before anything is sent.
 *   <li><b>Failures.</b> Any HTTP status is a response, not an exception; connectivity failures
 *       (refused, reset, timed out, too large, corrupt gzip) throw {@link IOException} and nothing
 *       else. Core treats any exception a transport throws, unchecked ones included, as a failed
 *       fetch with backoff, never as the end of refreshing.
 *   <li><b>Threads.</b> Implementations are thread-safe and keep the caller's interrupt status.
 * </ul>
 *
 * <p>{@code dev.sigil.testkit.HttpTransportConformance} checks this contract; every transport's
 * tests extend it.
 */
public interface HttpTransport {

    /** {@return a stable, lower-case name, as used by the {@code sigil.http} system property: {@code "jdk"}} */
    String name();

    /**
     * Chooses between several transports; the highest wins and a tie is a configuration error.
     *
     * @return this transport's rank among those found; higher is preferred
     */
    int priority();

    /**
     * Performs the request.
     *
     * @param request the one request to make, its limits included
     * @return the response, whatever its status
     * @throws IOException if no complete response within the limits could be had
     */
    HttpResponse get(HttpRequest request) throws IOException;
}
