/**
 * The JDK HTTP transport. {@link dev.sigil.http.jdk.JdkHttpTransport} is the only public type; the
 * capped body reader and the incremental gzip decoder are package-private and may change in any
 * release.
 *
 * <p>Depends on core's {@code dev.sigil.spi} and the JDK's {@code java.net.http}, nothing else:
 * redirects, content encodings and where keys may come from are core's rules, not the transport's.
 *
 * <p>Stability: the public API follows the library's semantic version; it is extended, never
 * narrowed, within a major version.
 */
package dev.sigil.http.jdk;
