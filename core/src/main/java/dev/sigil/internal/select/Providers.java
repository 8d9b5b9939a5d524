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
    public static final ProviderSelection<CryptoBackend> CRYPTO = new CryptoSelection();

    /** HTTP transports, needed only for remote keys: no fallback. */
    public static final ProviderSelection<HttpTransport> HTTP = new HttpSelection();

    /**
     * JSON codecs: core's built-in codec is registered like any other, and is the fallback, chosen
     * only when no other codec is found (also when the lookup finds nothing, as in a shaded jar that
     * dropped the services files).
     */
    public static final ProviderSelection<JsonCodec> JSON = new JsonSelection();

    private Providers() {
    }

    // Classes rather than method references: every build() loads this class, and in a fresh JVM each
    // method reference spins a class of its own at first use (issue 18's cold start).

    private static final class CryptoSelection extends ProviderSelection<CryptoBackend> {
        CryptoSelection() {
            super(CryptoBackend.class, "sigil.crypto", "cryptoBackend(..)",
                    "dev.sigil:sigil-backend-jca (the JDK's or a named JCA provider, FIPS included)"
                            + " or dev.sigil:sigil-backend-bouncycastle");
        }

        @Override
        protected String name(CryptoBackend provider) {
            return provider.name();
        }

        @Override
        protected int priority(CryptoBackend provider) {
            return provider.priority();
        }
    }

    private static final class HttpSelection extends ProviderSelection<HttpTransport> {
        HttpSelection() {
            super(HttpTransport.class, "sigil.http", "httpTransport(..)",
                    "dev.sigil:sigil-http-jdk (java.net.http) or dev.sigil:sigil-http-okhttp (your OkHttpClient)");
        }

        @Override
        protected String name(HttpTransport provider) {
            return provider.name();
        }

        @Override
        protected int priority(HttpTransport provider) {
            return provider.priority();
        }
    }

    private static final class JsonSelection extends ProviderSelection<JsonCodec> {
        JsonSelection() {
            super(JsonCodec.class, "sigil.json", "jsonCodec(..)", "dev.sigil:sigil-json-jackson");
        }

        @Override
        protected String name(JsonCodec provider) {
            return provider.name();
        }

        @Override
        protected int priority(JsonCodec provider) {
            return provider.priority();
        }

        @Override
        protected JsonCodec fallback() {
            return new BuiltinJsonCodec();
        }

        @Override
        protected boolean isFallback(JsonCodec provider) {
            return provider instanceof BuiltinJsonCodec;
        }
    }
}
