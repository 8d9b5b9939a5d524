package dev.sigil.backend.jca;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;

/**
 * A keyed {@link Mac} and its output buffer. Not thread-safe: one call at a time has it, taken from
 * its key's {@link EnginePool} and given back only after a normal return.
 */
final class MacEngine extends PooledEngine {

    private final Mac mac;
    private final byte[] computed;

    MacEngine(Mac mac) {
        this.mac = mac;
        this.computed = new byte[mac.getMacLength()];
    }

    /** Whether {@code expected}, which the caller has checked to be of the MAC's length, is the MAC of the data. */
    boolean matches(byte[] data, int off, int len, byte[] expected) throws GeneralSecurityException {
        // A previous call that failed half-way may have left input behind; reset is free when it did not.
        mac.reset();
        mac.update(data, off, len);
        mac.doFinal(computed, 0);
        boolean equal = MessageDigest.isEqual(computed, expected);
        // The buffer now holds a valid MAC for caller-chosen data: do not leave it lying around.
        Arrays.fill(computed, (byte) 0);
        return equal;
    }
}
