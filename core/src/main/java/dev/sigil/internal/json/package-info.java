/**
 * The JSON parser and writer behind core's built-in codec ({@code dev.sigil.jwk.BuiltinJsonCodec},
 * the only class that calls them): strict RFC 8259 over UTF-8 bytes, built for hostile input and
 * for the verification hot path, with compact object and array types for what a token carries.
 *
 * <p>Depends on {@code java.base} and, for limits and parse errors, {@code dev.sigil.spi}. Internal
 * and unexported: not API, and may change in any release.
 */
package dev.sigil.internal.json;
