/**
 * Chooses the one crypto backend, HTTP transport and JSON codec a verifier or key cache uses:
 * an instance given to the builder, else the provider a system property names, else the only
 * provider found, else the highest priority (a tie is an error); JSON falls back to core's
 * built-in codec. The only place in Sigil that uses {@link java.util.ServiceLoader}; it runs once
 * per {@code build()}, never on the hot path.
 *
 * <p>Depends on {@code java.base}, {@code dev.sigil.spi} and, for the built-in codec and the
 * configuration error, {@code dev.sigil.jwk} and {@code dev.sigil.jwt}. Internal and unexported:
 * not API, and may change in any release.
 */
package dev.sigil.internal.select;
