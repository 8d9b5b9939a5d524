/**
 * Sigil core: the JWT verification API ({@code dev.sigil.jwt}), JSON Web Keys ({@code dev.sigil.jwk})
 * and the service-provider interfaces ({@code dev.sigil.spi}) that crypto, HTTP and JSON modules
 * implement. Depends on {@code java.base} alone.
 */
module dev.sigil.core {
    exports dev.sigil.jwt;
    exports dev.sigil.jwk;
    exports dev.sigil.spi;

    uses dev.sigil.spi.CryptoBackend;
    uses dev.sigil.spi.HttpTransport;
    uses dev.sigil.spi.JsonCodec;

    // The built-in codec is an ordinary provider (and, in provider selection, the fallback), so the
    // SPI never names it; META-INF/services carries the same class for the class path.
    provides dev.sigil.spi.JsonCodec with dev.sigil.jwk.BuiltinJsonCodec;
}
