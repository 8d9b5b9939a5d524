package dev.sigil.internal.json;

import java.nio.charset.StandardCharsets;

/**
 * Member names that nearly every JWT, JOSE header and JWK repeats. The reader returns them as these
 * constants when they are spelled plainly (no escapes), so that parsing a token does not allocate a
 * new String for each of its names, and a lookup by a literal name finds them by identity; an escaped
 * spelling still goes through the reader's string path and yields an equal String, so nothing but
 * identity changes.
 */
final class CommonNames {

    private static final String[] NAMES = {
        "iss", "sub", "aud", "exp", "nbf", "iat", "jti", "azp", "scope", "alg", "kid", "typ",
        "kty", "use", "crv", "x", "y", "n", "e", "k",
    };
    /**
     * The names by the hash of their packed bytes, open-addressed: one multiply and usually one
     * comparison per member name, where a scan of the list cost one comparison per common name.
     */
    private static final int SLOT_BITS = 6;
    private static final long[] SLOT_KEYS = new long[1 << SLOT_BITS];
    private static final String[] SLOT_NAMES = new String[1 << SLOT_BITS];

    static {
        for (String name : NAMES) {
            byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
            if (bytes.length >= PlainWords.BYTES) {
                // A name and its closing quote must fit one word, and its bytes and length one key.
                throw new IllegalStateException("common name '" + name + "' is longer than 7 bytes");
            }
            long key = key(packed(bytes, 0, bytes.length), bytes.length);
            int slot = slot(key);
            while (SLOT_NAMES[slot] != null) {
                slot = next(slot);
            }
            SLOT_KEYS[slot] = key;
            SLOT_NAMES[slot] = name;
        }
    }

    private CommonNames() {
    }

    /**
     * The common name whose plain text starts at {@code begin} and ends at a quote before {@code end},
     * or null when the text there is not exactly one (longer, escaped, not ASCII, unterminated, or
     * longer than {@code maxLength}, which the reader's string path then refuses).
     */
    static String at(byte[] in, int begin, int end, int maxLength) {
        long bytes;
        int n;
        if (end - begin >= PlainWords.BYTES) {
            // The whole name and its closing quote in one word: no loop, one branch per name.
            long w = PlainWords.word(in, begin);
            long stops = PlainWords.stops(w);
            if (stops == 0) {
                return null;
            }
            n = PlainWords.first(stops);
            if (in[begin + n] != '"') {
                return null;
            }
            bytes = w & ~(-1L << (8 * n));
        } else {
            // Near the end of the input: a byte at a time, packed the same way.
            n = 0;
            while (begin + n < end && in[begin + n] != '"') {
                byte b = in[begin + n];
                if (b == '\\' || b < 0x20) {
                    return null;
                }
                n++;
            }
            if (begin + n == end) {
                return null;
            }
            bytes = packed(in, begin, n);
        }
        if (n > maxLength) {
            return null;
        }
        long key = key(bytes, n);
        for (int slot = slot(key);; slot = next(slot)) {
            String name = SLOT_NAMES[slot];
            if (name == null) {
                return null;
            }
            if (SLOT_KEYS[slot] == key) {
                return name;
            }
        }
    }

    /** Up to seven bytes as a little-endian long, as a word read holds them. */
    private static long packed(byte[] in, int from, int length) {
        long bytes = 0;
        for (int i = length - 1; i >= 0; i--) {
            bytes = bytes << 8 | (in[from + i] & 0xff);
        }
        return bytes;
    }

    /** The bytes and, above them, the length: a name of fewer bytes never collides with a longer one. */
    private static long key(long bytes, int length) {
        return bytes | (long) length << 56;
    }

    private static int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - SLOT_BITS));
    }

    private static int next(int slot) {
        // Twenty names in 64 slots: an empty slot always ends the probe.
        return (slot + 1) & (SLOT_KEYS.length - 1);
    }
}
