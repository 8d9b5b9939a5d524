/**
 * Sigil's {@link dev.sigil.spi.HttpTransport} over the JDK's {@code java.net.http.HttpClient}.
 *
 * <p>The package is exported only so that applications can hand the transport their own client
 * through {@link dev.sigil.http.jdk.JdkHttpTransport#using(java.net.http.HttpClient)}; everything
 * else in it is package-private.
 */
module dev.sigil.http.jdk {
    // Transitive: the exported JdkHttpTransport speaks in core types (HttpRequest, HttpResponse).
    requires transitive dev.sigil.core;
    // Transitive as well: JdkHttpTransport.using(HttpClient) takes a java.net.http type.
    requires transitive java.net.http;

    exports dev.sigil.http.jdk;

    provides dev.sigil.spi.HttpTransport with dev.sigil.http.jdk.JdkHttpTransport;
}
