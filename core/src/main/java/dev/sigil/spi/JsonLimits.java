package dev.sigil.spi;

/**
 * Bounds a {@link JsonCodec} enforces while parsing, so that hostile input cannot make it allocate
 * without limit or recurse deeply.
 *
 * @param maxBytes the largest input accepted, in bytes
 * @param maxDepth the deepest nesting of arrays and objects accepted (a top-level object is depth 1)
 * @param maxStringLength the longest string (or member name) accepted, in UTF-16 chars after unescaping
 */
public record JsonLimits(int maxBytes, int maxDepth, int maxStringLength) {

    /** 1 MiB input, depth 32, strings of up to 256 Ki chars: generous for tokens and key sets. */
    public static final JsonLimits DEFAULT = new JsonLimits(1 << 20, 32, 1 << 18);

    /**
     * Checks the bounds.
     *
     * @param maxBytes the largest input accepted, in bytes
     * @param maxDepth the deepest nesting accepted
     * @param maxStringLength the longest string accepted, in chars
     * @throws IllegalArgumentException if any bound is below 1
     */
    public JsonLimits {
        if (maxBytes < 1 || maxDepth < 1 || maxStringLength < 1) {
            throw new IllegalArgumentException("json limits must be positive: maxBytes=" + maxBytes
                    + ", maxDepth=" + maxDepth + ", maxStringLength=" + maxStringLength);
        }
    }
}
