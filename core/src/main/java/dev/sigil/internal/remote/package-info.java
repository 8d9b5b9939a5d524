/**
 * Remote key sets: the parts behind the {@link dev.sigil.jwk.JwksCache} facade, each with one job,
 * the way Caffeine and OkHttp split theirs.
 *
 * <ul>
 *   <li>{@link dev.sigil.internal.remote.RemoteGet}: one GET as core performs it, and every rule
 *       about where keys may come from (schemes, loopback, redirects, encodings, well-known URIs).
 *   <li>{@code JwksLocation}: the configured {@code jwks_uri}, or discovery and rediscovery.
 *   <li>{@code JwksFetcher}: the key-set fetch (conditional GET, {@code Cache-Control}, size and
 *       key-count limits) and the HTTP caching rules it follows.
 *   <li>{@link dev.sigil.internal.remote.RefreshState}: where the cache stands, immutable, with each
 *       freshness rule (TTL, refresh-ahead, cooldown, backoff, max-stale) defined once.
 *   <li>{@link dev.sigil.internal.remote.KeyLoader}: single-flight fetching and publishing;
 *       {@link dev.sigil.internal.remote.CacheThreads}: the threads it runs on.
 *   <li>{@link dev.sigil.internal.remote.FetchStats}: the counters behind {@code JwksStats}.
 * </ul>
 *
 * <p>Internal and unexported: no stability promise. Only {@code JwksCache} uses it.
 */
package dev.sigil.internal.remote;
