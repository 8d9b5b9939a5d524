/**
 * Strict base64url, as JOSE uses it: one encoding per byte string, so that a token cannot be spelt
 * several ways. Used by {@code dev.sigil.jwt} for tokens and {@code dev.sigil.jwk} for key members.
 *
 * <p>Depends on {@code java.base} alone. Internal and unexported: not API, and may change in any
 * release.
 */
package dev.sigil.internal.codec;
