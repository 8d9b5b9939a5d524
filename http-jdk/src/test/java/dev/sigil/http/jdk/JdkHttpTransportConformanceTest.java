package dev.sigil.http.jdk;

import dev.sigil.spi.HttpTransport;
import dev.sigil.testkit.HttpTransportConformance;
import dev.sigil.testkit.TestServerTrust;

/** The conformance suite over the transport's own clients, as the public constructor builds them. */
class JdkHttpTransportConformanceTest extends HttpTransportConformance {

    @Override
    protected HttpTransport newTransport(TestServerTrust trust) {
        return new JdkHttpTransport(trust.sslContext());
    }
}
