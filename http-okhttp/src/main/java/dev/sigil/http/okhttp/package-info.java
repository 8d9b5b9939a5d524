/**
 * The OkHttp transport. {@link dev.sigil.http.okhttp.OkHttpTransport} is the only public type; it
 * is exported so that applications can hand over their own {@code OkHttpClient} with
 * {@link dev.sigil.http.okhttp.OkHttpTransport#using(okhttp3.OkHttpClient)}. Everything else in
 * the package is package-private and may change in any release. Depends on core's
 * {@code dev.sigil.spi} and OkHttp, nothing else: redirects and content encodings are core's rules.
 *
 * <p>Stability: the public API follows the library's semantic version; it is extended, never
 * narrowed, within a major version. Supported OkHttp versions: 4.12 and 5.x; the module uses only
 * API the two share.
 */
package dev.sigil.http.okhttp;
