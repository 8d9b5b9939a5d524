package dev.sigil.jwk;

/**
 * Hears what happens to a verifier's keys. Every method has an empty default, so a listener
 * overrides what it needs. Listeners are called on the thread that loaded the keys; they must be
 * fast and thread-safe, and an exception a listener throws is logged and otherwise ignored: it
 * never breaks verification.
 */
public interface JwksListener {

    /** A key was left out of a set; see {@link DroppedKey#reason()}. */
    default void keyDropped(DroppedKey key) {
    }

    /** A set was loaded, with this many keys usable for verification. */
    default void keysLoaded(int usableKeys) {
    }
}
