/**
 * JSON Web Keys and where a verifier gets them. A {@link dev.sigil.jwk.JwkSet} is a key set as
 * published ({@link dev.sigil.jwk.JwkSet#parse(byte[])}), made of {@link dev.sigil.jwk.Jwk}s; a
 * malformed key is set aside, never fatal to the set. A {@link dev.sigil.jwk.KeySource} is what a
 * verifier asks for the current set: the static set given to {@code JwtVerifier.Builder.keys(..)},
 * or a {@link dev.sigil.jwk.JwksCache}, which fetches the set from a {@code jwks_uri} (given, or
 * found by OpenID Connect discovery) and keeps it fresh by the rules of a
 * {@link dev.sigil.jwk.JwksCachePolicy}.
 *
 * <p>What happens to the keys is reported to a {@link dev.sigil.jwk.JwksListener}: fetches, changes,
 * and each {@link dev.sigil.jwk.DroppedKey} with its reason; {@link dev.sigil.jwk.JwksStats} is a
 * snapshot of a cache's counters. {@link dev.sigil.jwk.BuiltinJsonCodec} is core's own JSON codec,
 * a provider of {@link dev.sigil.spi.JsonCodec} like any other.
 *
 * <p>Depends on {@code java.base}, {@link dev.sigil.spi} and core's unexported
 * {@code dev.sigil.internal} packages; never on {@link dev.sigil.jwt}, which sits on top of it. What
 * a {@link dev.sigil.jwk.KeySource} reports when no key set can be had is its own
 * {@link dev.sigil.jwk.KeysUnavailableException}. Exported; the public API follows the library's
 * semantic version.
 */
package dev.sigil.jwk;
