/**
 * Remote key sets, the parts behind {@link dev.sigil.jwk.JwksCache}: where an issuer's keys may
 * come from ({@link dev.sigil.internal.remote.IssuerUris}, {@link dev.sigil.internal.remote.RemoteGet}),
 * discovery, the key-set fetch and its HTTP caching rules, the immutable refresh state that holds
 * every freshness rule once, single-flight loading and the cache's threads, and the statistics.
 *
 * <p>Internal and unexported: no stability promise. Only {@code JwksCache} uses it.
 */
package dev.sigil.internal.remote;
