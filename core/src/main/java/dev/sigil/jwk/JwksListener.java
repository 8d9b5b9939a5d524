package dev.sigil.jwk;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * Hears what happens to a verifier's keys: for metrics, health checks and alerts. Every method has
 * an empty default, so a listener overrides what it needs. Listeners are called on the thread that
 * did the work (a caller's, or the background refresher's); they must be fast and thread-safe, and
 * an exception a listener throws is logged and otherwise ignored: it never breaks verification.
 *
 * <h2>Untrusted text</h2>
 * Reasons ({@link #fetchFailed}, {@link DroppedKey#reason()}) are printable as they are: what they
 * quote from the issuer is already escaped. The {@code kid}s of {@link #keysChanged} and
 * {@link DroppedKey#keyId()}, and the URIs, are the issuer's raw values, for programs to compare;
 * print them through {@link dev.sigil.spi.UntrustedText}.
 */
public interface JwksListener {

    /**
     * A fetch (of the discovery document or the key set) got an answer it could use.
     *
     * @param uri what was fetched
     * @param status the HTTP status: 200, or 304 when the cached set is still current
     * @param duration how long the request took
     */
    default void fetchSucceeded(URI uri, int status, Duration duration) {
    }

    /**
     * A fetch failed: no connection, a timeout, an HTTP error status, a body over the cap, a
     * malformed document or set, a discovery {@code issuer} that does not match. Keys already held
     * are kept.
     *
     * @param uri what was fetched
     * @param reason a lower-case explanation
     * @param duration how long the attempt took
     */
    default void fetchFailed(URI uri, String reason, Duration duration) {
    }

    /**
     * As {@link #fetchFailed(URI, String, Duration)}, with the HTTP status of the answer that could
     * not be used: an error status (404, 429, 503, ...), or 200 for a document or set that is
     * malformed, too large or names another issuer. {@code 0} when no answer came at all: no
     * connection, a timeout, a body over the cap, a redirect refused by core's rules. For metrics
     * that count failures by status without reading {@code reason}, which is for humans.
     *
     * <p>Sigil calls this method for every failure. Its default calls
     * {@link #fetchFailed(URI, String, Duration)}, so that a listener written before it existed hears
     * every failure as before; a listener overrides one of the two, not both.
     *
     * @param uri what was fetched
     * @param status the HTTP status of the unusable answer, or {@code 0} when there was none
     * @param reason a lower-case explanation
     * @param duration how long the attempt took
     */
    default void fetchFailed(URI uri, int status, String reason, Duration duration) {
        fetchFailed(uri, reason, duration);
    }

    /**
     * A newly fetched set differs from the previous one in these {@code kid}s (keys without a
     * {@code kid} are not listed).
     *
     * @param added the {@code kid}s of keys that are new in this set
     * @param removed the {@code kid}s of keys the previous set had and this one has not
     */
    default void keysChanged(Set<String> added, Set<String> removed) {
    }

    /**
     * A key was left out of a set; see {@link DroppedKey#reason()}.
     *
     * @param key the key left out, and why
     */
    default void keyDropped(DroppedKey key) {
    }

    /**
     * A key was kept although its issuer spells it other than RFC 7517 and RFC 7518 ask: a member in
     * standard base64 ({@code +}, {@code /}) or with {@code =} padding, or an RSA {@code n} or
     * {@code e} with leading zero octets. The key is the same either way, and its RFC 7638 thumbprint
     * is computed over the canonical spelling; this only makes the issuer's sloppiness visible.
     * Called each time a set holding such a key is loaded, before {@link #keysLoaded}. A default
     * method, like the others, so existing listeners need no change.
     *
     * @param index the key's position in the set's {@code keys} array
     * @param keyId the key's {@code kid}, raw (print it through {@link dev.sigil.spi.UntrustedText}), or
     *     {@code null}
     * @param detail what was tolerated, lower-case and printable as it is, without key material
     */
    default void keyNotCanonical(int index, String keyId, String detail) {
    }

    /**
     * A set was loaded into a verifier, with this many keys usable for verification.
     *
     * @param usableKeys how many of the set's keys the verifier can verify with
     */
    default void keysLoaded(int usableKeys) {
    }

    /**
     * The last good set was served past its expiry because refreshing it failed.
     *
     * @param staleFor how long past its expiry the set is
     */
    default void staleKeysServed(Duration staleFor) {
    }
}
