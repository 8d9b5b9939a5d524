package dev.sigil.internal.keys;

/**
 * Work handed to a key cache's own executor on behalf of a caller who waits for its result, such as
 * a {@code verifyAsync} verification. When the cache closes, the executor drops the work it has not
 * started; each dropped piece is told so, once, and completes its caller's stage rather than leave
 * it pending forever.
 */
public interface AbandonableWork extends Runnable {

    /** Called instead of {@link #run()}, never after it: the work will not run. */
    void abandon();
}
