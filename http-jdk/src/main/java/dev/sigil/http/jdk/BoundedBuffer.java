package dev.sigil.http.jdk;

import dev.sigil.spi.ResponseTooLargeException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Collects a response body and refuses to grow past the cap. Not thread-safe: the HTTP client
 * delivers a body's buffers one at a time.
 */
final class BoundedBuffer {

    /** Start small: most key sets are a few kilobytes, and the cap may be large. */
    private static final int INITIAL_CAPACITY = 8 * 1024;

    private final int cap;
    private byte[] bytes;
    private int size;

    /**
     * @param cap the most bytes accepted
     * @param expected the declared length when known, else -1; sizes the first allocation only
     */
    BoundedBuffer(int cap, long expected) {
        this.cap = cap;
        long initial = expected >= 0 ? expected : INITIAL_CAPACITY;
        this.bytes = new byte[(int) Math.min(initial, Math.min(cap, INITIAL_CAPACITY * 16L))];
    }

    void write(byte[] source, int offset, int length) throws ResponseTooLargeException {
        ensureRoom(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    void write(ByteBuffer source) throws ResponseTooLargeException {
        int length = source.remaining();
        ensureRoom(length);
        // get(..) works for read-only buffers too, which the JDK client may deliver.
        source.get(bytes, size, length);
        size += length;
    }

    private void ensureRoom(int length) throws ResponseTooLargeException {
        if (length > cap - size) {
            throw new ResponseTooLargeException(cap);
        }
        if (size + length > bytes.length) {
            // Grow geometrically, but never beyond the cap: the cap bounds the memory too.
            int capacity = (int) Math.min(cap, Math.max(size + (long) length, bytes.length * 2L));
            bytes = Arrays.copyOf(bytes, capacity);
        }
    }

    byte[] toByteArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
