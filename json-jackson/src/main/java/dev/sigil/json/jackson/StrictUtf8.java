package dev.sigil.json.jackson;

import dev.sigil.spi.JsonParseException;

/**
 * Checks that bytes are well-formed UTF-8 (RFC 3629) and do not start with a byte order mark, before
 * Jackson sees them. Recent jackson-core versions validate UTF-8 themselves, but older 2.x versions
 * (which an application may resolve instead) accept overlong forms and encoded surrogates; checking
 * here makes the codec's decisions independent of the Jackson on the path.
 */
final class StrictUtf8 {

    private StrictUtf8() {
    }

    /**
     * @throws JsonParseException naming the first offending byte's offset from {@code off}
     */
    static void check(byte[] in, int off, int len) throws JsonParseException {
        int end = off + len;
        if (len >= 3 && in[off] == (byte) 0xEF && in[off + 1] == (byte) 0xBB && in[off + 2] == (byte) 0xBF) {
            throw JacksonReader.errorAt(0, "byte order mark (JSON text must be UTF-8 without one)");
        }
        int i = off;
        while (i < end) {
            if (in[i] >= 0) {
                i++;
                continue;
            }
            i += sequenceLength(in, i, end, off);
        }
    }

    /**
     * The length of the multi-byte sequence starting at {@code in[i]}. The ranges are those of RFC
     * 3629 section 4, which exclude overlong forms, encoded surrogates and code points above
     * U+10FFFF by construction.
     */
    private static int sequenceLength(byte[] in, int i, int end, int off) throws JsonParseException {
        int b0 = in[i] & 0xff;
        if (b0 < 0xC2) {
            throw JacksonReader.errorAt(i - off,
                    b0 < 0xC0 ? "unexpected UTF-8 continuation byte" : "overlong UTF-8 sequence");
        }
        if (b0 < 0xE0) {
            continuation(in, i, 1, 0x80, 0xBF, end, off);
            return 2;
        }
        if (b0 < 0xF0) {
            continuation(in, i, 1, b0 == 0xE0 ? 0xA0 : 0x80, b0 == 0xED ? 0x9F : 0xBF, end, off);
            continuation(in, i, 2, 0x80, 0xBF, end, off);
            return 3;
        }
        if (b0 < 0xF5) {
            continuation(in, i, 1, b0 == 0xF0 ? 0x90 : 0x80, b0 == 0xF4 ? 0x8F : 0xBF, end, off);
            continuation(in, i, 2, 0x80, 0xBF, end, off);
            continuation(in, i, 3, 0x80, 0xBF, end, off);
            return 4;
        }
        throw JacksonReader.errorAt(i - off, "invalid UTF-8 lead byte");
    }

    private static void continuation(byte[] in, int lead, int k, int lo, int hi, int end, int off)
            throws JsonParseException {
        int at = lead + k;
        if (at >= end) {
            throw JacksonReader.errorAt(lead - off, "truncated UTF-8 sequence");
        }
        int b = in[at] & 0xff;
        if (b < lo || b > hi) {
            throw JacksonReader.errorAt(lead - off, "invalid UTF-8 sequence");
        }
    }
}
