package dev.sigil.backend.bouncycastle;

import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.util.Arrays;

/**
 * A keyed {@link HMac} and its output buffer. Not thread-safe: one call at a time has it, taken from
 * its key's {@link EnginePool} and given back only after a normal return.
 */
final class HmacEngine extends PooledEngine {

    private final HMac mac;
    private final byte[] computed;
    /**
     * Whether the MAC stands keyed with no input: true after init and after each call that
     * returned normally, false while a call runs and after one that threw.
     */
    private boolean clean = true;

    /** {@code mac} must already be initialised with the key. */
    HmacEngine(HMac mac) {
        this.mac = mac;
        this.computed = new byte[mac.getMacSize()];
    }

    /** Whether {@code expected}, which the caller has checked to be of the MAC's length, is the MAC of the data. */
    boolean matches(byte[] data, int off, int len, byte[] expected) {
        if (!clean) {
            // A previous call that failed half-way may have left input behind; reset restores the
            // keyed state (from a saved copy, as BouncyCastle's SHA-2 digests are Memoable) without
            // rehashing the key. Not done otherwise: it copies the whole digest state every time.
            mac.reset();
        }
        clean = false;
        mac.update(data, off, len);
        mac.doFinal(computed, 0);
        // doFinal itself restores the keyed state, ready for the next message.
        clean = true;
        boolean equal = Arrays.constantTimeAreEqual(computed, expected);
        // The buffer now holds a valid MAC for caller-chosen data: do not leave it lying around.
        Arrays.fill(computed, (byte) 0);
        return equal;
    }
}
