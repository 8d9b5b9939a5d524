/**
 * The storage behind a verified-token cache: a bounded, thread-safe map from a token's SHA-256
 * digest to what verifying it produced, read without locks on the hot path. Holds digests, never
 * tokens.
 *
 * <p>Depends on {@code java.base} alone. Internal and unexported: not API, and may change in any
 * release.
 */
package dev.sigil.internal.tokens;
