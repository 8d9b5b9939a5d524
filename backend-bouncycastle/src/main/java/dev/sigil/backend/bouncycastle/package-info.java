/**
 * The BouncyCastle crypto backend. {@link dev.sigil.backend.bouncycastle.BouncyCastleCryptoBackend}
 * and its builder are the only public types; keys, curves and per-algorithm verifiers are
 * package-private and may change in any release.
 *
 * <p>Stability: the public API follows the library's semantic version; it is extended, never
 * narrowed, within a major version.
 */
package dev.sigil.backend.bouncycastle;
