package dev.sigil.http.okhttp;

import dev.sigil.spi.HttpTransport;
import dev.sigil.testkit.HttpTransportConformance;
import dev.sigil.testkit.TestServerTrust;
import okhttp3.OkHttpClient;

/** The shared HttpTransport conformance suite, through an application-supplied client. */
class OkHttpTransportConformanceTest extends HttpTransportConformance {

    @Override
    protected HttpTransport newTransport(TestServerTrust trust) {
        return OkHttpTransport.using(new OkHttpClient.Builder()
                .sslSocketFactory(trust.sslContext().getSocketFactory(), trust.trustManager())
                .build());
    }
}
