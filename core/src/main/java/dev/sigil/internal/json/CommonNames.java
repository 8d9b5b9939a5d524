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
    /** Every name is shorter, so its bytes and its length fit one long. */
    private static final int LONGEST = 7;
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
            long key = 0;
            for (byte b : bytes) {
                key = key << 8 | b;
            }
            key |= (long) bytes.length << (8 * bytes.length);
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
        int limit = Math.min(end, begin + LONGEST + 1);
        long key = 0;
        int close = begin;
        for (; close < limit; close++) {
            byte b = in[close];
            if (b == '"') {
                break;
            }
            // Escapes, control and non-ASCII bytes: not a plain common name.
            if (b == '\\' || b < 0x20) {
                return null;
            }
            key = key << 8 | b;
        }
        int n = close - begin;
        // No quote within LONGEST + 1 bytes: longer than every common name.
        if (close == limit || n > maxLength) {
            return null;
        }
        key |= (long) n << (8 * n);
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

    private static int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - SLOT_BITS));
    }

    private static int next(int slot) {
        // Twenty names in 64 slots: an empty slot always ends the probe.
        return (slot + 1) & (SLOT_KEYS.length - 1);
    }
}
