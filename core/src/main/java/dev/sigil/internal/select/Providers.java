package dev.sigil.internal.select;

import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.HttpTransport;
import dev.sigil.spi.JsonCodec;

/**
 * How each SPI is selected: its system property, the builder method that takes an instance, the
 * artifacts an error suggests, and its built-in fallback. One definition per SPI, shared by every
 * builder that selects it. The selections are immutable.
 */
public final class Providers {

    /** Crypto backends: no fallback; none found is a configuration error. */
    public static final ProviderSelection<CryptoBackend> CRYPTO = new ProviderSelection<>(CryptoBackend.class,
            "sigil.crypto", "cryptoBackend(..)",
            "dev.sigil:sigil-backend-jca (the JDK's or a named JCA provider, FIPS included)"
                    + " or dev.sigil:sigil-backend-bouncycastle",
            CryptoBackend::name, CryptoBackend::priority);

    /** HTTP transports, needed only for remote keys: no fallback. */
    public static final ProviderSelection<HttpTransport> HTTP = new ProviderSelection<>(HttpTransport.class,
            "sigil.http", "httpTransport(..)",
            "dev.sigil:sigil-http-jdk (java.net.http) or dev.sigil:sigil-http-okhttp (your OkHttpClient)",
            HttpTransport::name, HttpTransport::priority);

    /**
     * JSON codecs: core's built-in codec is registered like any other, and is the fallback, chosen
     * only when no other codec is found (also when the lookup finds nothing, as in a shaded jar that
     * dropped the services files).
     */
    public static final ProviderSelection<JsonCodec> JSON = new ProviderSelection<>(JsonCodec.class,
            "sigil.json", "jsonCodec(..)", "dev.sigil:sigil-json-jackson",
            JsonCodec::name, JsonCodec::priority, BuiltinJsonCodec::new, codec -> codec instanceof BuiltinJsonCodec);

    private Providers() {
    }
}
