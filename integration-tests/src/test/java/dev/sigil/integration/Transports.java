package dev.sigil.integration;

import dev.sigil.http.jdk.JdkHttpTransport;
import dev.sigil.http.okhttp.OkHttpTransport;
import dev.sigil.spi.HttpTransport;
import dev.sigil.testkit.TestServerTrust;
import java.net.http.HttpClient;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * Both transports, configured as an application would (trusting the test server's certificate), so
 * that a rule core owns is shown to hold whichever transport carries the bytes.
 */
enum Transports {
    JDK {
        @Override
        HttpTransport create() {
            // A supplied client's own connect timeout governs; generous, as a first TLS handshake on
            // a busy build machine can take seconds. The request timeout still bounds each call.
            return JdkHttpTransport.using(HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(20))
                    .sslContext(TRUST.sslContext())
                    .build());
        }
    },
    OKHTTP {
        @Override
        HttpTransport create() {
            return OkHttpTransport.using(new OkHttpClient.Builder()
                    .sslSocketFactory(TRUST.sslContext().getSocketFactory(), TRUST.trustManager())
                    .build());
        }
    };

    static final TestServerTrust TRUST = TestServerTrust.load();

    abstract HttpTransport create();
}
