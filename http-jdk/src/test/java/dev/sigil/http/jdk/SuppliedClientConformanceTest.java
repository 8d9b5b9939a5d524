package dev.sigil.http.jdk;

import dev.sigil.spi.HttpTransport;
import dev.sigil.testkit.HttpTransportConformance;
import dev.sigil.testkit.TestServerTrust;
import java.net.http.HttpClient;
import java.time.Duration;

/** The conformance suite over an application's own client, HTTP/1.1 only to cover that path too. */
class SuppliedClientConformanceTest extends HttpTransportConformance {

    @Override
    protected HttpTransport newTransport(TestServerTrust trust) {
        return JdkHttpTransport.using(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .sslContext(trust.sslContext())
                .build());
    }
}
