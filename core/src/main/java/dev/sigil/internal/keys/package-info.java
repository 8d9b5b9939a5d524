/**
 * What a verifier does with a key set before any token meets it: keeps the keys that can verify
 * signatures (use, key operations, type, algorithm, certificate), checks their public parameters
 * in core before a crypto backend is asked for anything, imports each key once, and indexes the
 * result by {@code kid} and algorithm for the hot path. Every key left out is reported with its
 * reason.
 *
 * <p>Depends on {@code java.base}, {@code dev.sigil.jwk}, {@code dev.sigil.jwt} and
 * {@code dev.sigil.spi}; used by {@code dev.sigil.jwt} and {@code dev.sigil.internal.remote}.
 * Internal and unexported: not API, and may change in any release.
 */
package dev.sigil.internal.keys;
