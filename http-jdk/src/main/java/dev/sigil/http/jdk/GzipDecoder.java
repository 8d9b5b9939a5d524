package dev.sigil.http.jdk;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Decodes a gzip body (RFC 1952) as its buffers arrive, into a {@link BoundedBuffer}, so the cap
 * applies to decompressed bytes and a small "gzip bomb" stops at the cap instead of inflating in
 * full. {@code GZIPInputStream} would need a thread blocked on a stream; the HTTP client pushes
 * buffers instead. Concatenated members are decoded in turn; each member's CRC-32 and length are
 * checked, and anything after the last member that is not another member fails the body.
 *
 * <p>Not thread-safe: one body, buffers delivered one at a time. {@link #release()} frees the
 * inflater's native memory.
 */
final class GzipDecoder {

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED_FLAGS = 0xe0;

    /** Where a decoder is, in the order the parts appear in a member. */
    private enum State { HEADER, EXTRA_LENGTH, EXTRA, NAME, COMMENT, HEADER_CRC, DEFLATE, TRAILER, AFTER_MEMBER }

    private final BoundedBuffer out;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] chunk = new byte[8 * 1024];
    /** Collects the fixed-size parts: the 10-byte header, the extra length, the trailer. */
    private final byte[] fixed = new byte[10];
    private int collected;
    private int flags;
    private int extraRemaining;
    private long memberSize;
    private boolean started;
    private State state = State.HEADER;

    GzipDecoder(BoundedBuffer out) {
        this.out = out;
    }

    void feed(ByteBuffer in) throws IOException {
        while (in.hasRemaining()) {
            started = true;
            switch (state) {
                case AFTER_MEMBER:
                    state = State.HEADER;
                    break;
                case HEADER:
                    if (collect(in, 10)) {
                        if ((fixed[0] & 0xff) != 0x1f || (fixed[1] & 0xff) != 0x8b) {
                            throw new ZipException("not in gzip format");
                        }
                        if (fixed[2] != 8) {
                            throw new ZipException("unsupported gzip compression method " + fixed[2]);
                        }
                        flags = fixed[3] & 0xff;
                        if ((flags & RESERVED_FLAGS) != 0) {
                            throw new ZipException("reserved gzip flags set");
                        }
                        state = nextAfter(State.HEADER);
                    }
                    break;
                case EXTRA_LENGTH:
                    if (collect(in, 2)) {
                        extraRemaining = (fixed[0] & 0xff) | (fixed[1] & 0xff) << 8;
                        state = extraRemaining > 0 ? State.EXTRA : nextAfter(State.EXTRA);
                    }
                    break;
                case EXTRA:
                    int skipped = Math.min(extraRemaining, in.remaining());
                    in.position(in.position() + skipped);
                    extraRemaining -= skipped;
                    if (extraRemaining == 0) {
                        state = nextAfter(State.EXTRA);
                    }
                    break;
                case NAME:
                case COMMENT:
                    if (in.get() == 0) {
                        state = nextAfter(state);
                    }
                    break;
                case HEADER_CRC:
                    if (collect(in, 2)) {
                        state = nextAfter(State.HEADER_CRC);
                    }
                    break;
                case DEFLATE:
                    inflate(in);
                    break;
                case TRAILER:
                    if (collect(in, 8)) {
                        if (littleEndian32(0) != crc.getValue() || littleEndian32(4) != (memberSize & 0xffffffffL)) {
                            throw new ZipException("corrupt gzip member: CRC-32 or length mismatch");
                        }
                        state = State.AFTER_MEMBER;
                    }
                    break;
                default:
                    throw new IllegalStateException("unknown state " + state);
            }
        }
    }

    /** Checks that the body ended after a complete member, or was empty. */
    void finish() throws IOException {
        if (started && state != State.AFTER_MEMBER) {
            throw new EOFException("truncated gzip body");
        }
    }

    void release() {
        inflater.end();
    }

    private void inflate(ByteBuffer in) throws IOException {
        inflater.setInput(in);
        try {
            while (true) {
                int n = inflater.inflate(chunk);
                if (n > 0) {
                    crc.update(chunk, 0, n);
                    memberSize += n;
                    out.write(chunk, 0, n);
                } else if (inflater.finished()) {
                    // The inflater advanced the buffer past what it consumed; the trailer follows.
                    state = State.TRAILER;
                    return;
                } else if (inflater.needsDictionary()) {
                    throw new ZipException("gzip member needs a preset dictionary");
                } else {
                    // Needs input: this buffer is used up.
                    return;
                }
            }
        } catch (DataFormatException e) {
            ZipException failure = new ZipException("corrupt gzip body: " + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    /** The part that follows {@code done} in a header with these flags; the deflate data last. */
    private State nextAfter(State done) {
        if (done.compareTo(State.EXTRA_LENGTH) < 0 && (flags & FEXTRA) != 0) {
            return State.EXTRA_LENGTH;
        }
        if (done.compareTo(State.NAME) < 0 && (flags & FNAME) != 0) {
            return State.NAME;
        }
        if (done.compareTo(State.COMMENT) < 0 && (flags & FCOMMENT) != 0) {
            return State.COMMENT;
        }
        if (done.compareTo(State.HEADER_CRC) < 0 && (flags & FHCRC) != 0) {
            return State.HEADER_CRC;
        }
        inflater.reset();
        crc.reset();
        memberSize = 0;
        return State.DEFLATE;
    }

    /** Copies into {@link #fixed} until it holds {@code length} bytes; then true, and starts over. */
    private boolean collect(ByteBuffer in, int length) {
        int n = Math.min(length - collected, in.remaining());
        in.get(fixed, collected, n);
        collected += n;
        if (collected < length) {
            return false;
        }
        collected = 0;
        return true;
    }

    private long littleEndian32(int offset) {
        return (fixed[offset] & 0xffL) | (fixed[offset + 1] & 0xffL) << 8
                | (fixed[offset + 2] & 0xffL) << 16 | (fixed[offset + 3] & 0xffL) << 24;
    }
}
