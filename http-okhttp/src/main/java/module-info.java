/**
 * Sigil's {@link dev.sigil.spi.HttpTransport} over OkHttp 4.12+ or 5.x, using the application's
 * own {@code OkHttpClient} when it hands one over.
 *
 * <p>OkHttp is not a dependency of this module's artifact (Maven scope {@code provided}): the
 * application brings the OkHttp version it already uses.
 */
module dev.sigil.http.okhttp {
    // Transitive: OkHttpTransport's public methods speak in core types (HttpRequest, HttpResponse).
    requires transitive dev.sigil.core;
    // OkHttp 5 declares "okhttp3" as an explicit module (requiring okio and kotlin.stdlib
    // transitively); OkHttp 4.12 declares the same name as Automatic-Module-Name. Transitive:
    // the exported OkHttpTransport.using(OkHttpClient) speaks in an OkHttp type.
    requires transitive okhttp3;

    exports dev.sigil.http.okhttp;

    provides dev.sigil.spi.HttpTransport with dev.sigil.http.okhttp.OkHttpTransport;
}
