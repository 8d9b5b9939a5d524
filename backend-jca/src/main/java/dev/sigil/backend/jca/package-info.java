/**
 * The JCA crypto backend. {@link dev.sigil.backend.jca.JcaCryptoBackend} and its builder are the
 * only public types; keys, per-algorithm verifiers and provider resolution are package-private
 * and may change in any release.
 *
 * <p>Stability: the public API follows the library's semantic version; it is extended, never
 * narrowed, within a major version.
 */
package dev.sigil.backend.jca;
