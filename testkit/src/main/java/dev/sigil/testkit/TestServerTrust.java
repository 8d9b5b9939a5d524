package dev.sigil.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trust material for the testkit's HTTPS test servers: trusts exactly their self-signed
 * certificate (issued to {@code 127.0.0.1} and {@code localhost}, so hostname verification stays
 * on), and nothing else, not even the JDK's default certificate authorities.
 *
 * <p>Both forms are offered because clients take trust differently: {@code java.net.http.HttpClient}
 * takes an {@link SSLContext}, OkHttp takes an {@code SSLSocketFactory} together with its
 * {@link X509TrustManager}. The two are built from the same certificate. Instances are immutable
 * and may be shared between threads.
 */
public final class TestServerTrust {

    /** The server's key store on the class path, next to the certificate; see {@code src/main/tls}. */
    static final String KEY_STORE_RESOURCE = "dev/sigil/testkit/tls/test-server.p12";
    static final String KEY_STORE_PASSWORD = "changeit";
    private static final String CERTIFICATE_RESOURCE = "/dev/sigil/testkit/tls/test-server.crt";

    private final X509TrustManager trustManager;
    private final SSLContext sslContext;

    private TestServerTrust(X509TrustManager trustManager, SSLContext sslContext) {
        this.trustManager = trustManager;
        this.sslContext = sslContext;
    }

    /**
     * Loads the test server's certificate from the class path.
     *
     * @return the trust material for the test servers' certificate
     * @throws IllegalStateException if the certificate cannot be loaded (a broken testkit jar)
     */
    public static TestServerTrust load() {
        try (InputStream in = TestServerTrust.class.getResourceAsStream(CERTIFICATE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("testkit resource missing: " + CERTIFICATE_RESOURCE);
            }
            Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("sigil-testkit-server", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            X509TrustManager trustManager = null;
            for (TrustManager candidate : factory.getTrustManagers()) {
                if (candidate instanceof X509TrustManager) {
                    trustManager = (X509TrustManager) candidate;
                }
            }
            if (trustManager == null) {
                throw new IllegalStateException("the default TrustManagerFactory offers no X509TrustManager");
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            return new TestServerTrust(trustManager, context);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CERTIFICATE_RESOURCE, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build trust for the testkit's test server", e);
        }
    }

    /** {@return an initialised TLS context that trusts the test servers' certificate only} */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** {@return the trust manager inside {@link #sslContext()}, for clients such as OkHttp that need it} */
    public X509TrustManager trustManager() {
        return trustManager;
    }
}
