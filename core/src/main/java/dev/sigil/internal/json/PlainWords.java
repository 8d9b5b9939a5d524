package dev.sigil.internal.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * JSON text read eight bytes at a time, for the reader's two hottest loops: finding where a plain
 * string ends, and reading a member name whole. A word is eight bytes of the array as one
 * little-endian long, which the JIT compiles to a single load; the first byte in memory is the
 * lowest, so the first byte of interest is the lowest one flagged.
 */
final class PlainWords {

    static final int BYTES = 8;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private PlainWords() {
    }

    /** The eight bytes from {@code at}, which must all lie in the array. */
    static long word(byte[] bytes, int at) {
        return (long) LONGS.get(bytes, at);
    }

    /**
     * The high bit of each byte of {@code w} that is not plain string text (a quote, a backslash, a
     * control byte or a non-ASCII byte); exact for the lowest flagged byte, which is all callers read
     * (the zero-byte test can also flag a byte above one it rightly flags).
     */
    static long stops(long w) {
        long quote = w ^ 0x2222222222222222L;
        long backslash = w ^ 0x5C5C5C5C5C5C5C5CL;
        return ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash | (w - 0x2020202020202020L) & ~w | w) & HIGHS;
    }

    /** The index within its word of the lowest byte {@code stops} flags, which must not be zero. */
    static int first(long stops) {
        return Long.numberOfTrailingZeros(stops) >>> 3;
    }
}
