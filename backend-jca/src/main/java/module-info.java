/**
 * Sigil's {@link dev.sigil.spi.CryptoBackend} over {@code java.security} and {@code javax.crypto}:
 * the JDK's own providers by default, or one JCA provider chosen by the application (a FIPS
 * provider such as BouncyCastle FIPS, by name or instance).
 *
 * <p>The package is exported only so that applications can configure the backend through
 * {@link dev.sigil.backend.jca.JcaCryptoBackend#builder()}; everything else in it is package-private.
 */
module dev.sigil.backend.jca {
    // Transitive: the exported JcaCryptoBackend speaks in core types (KeyParameters, JwsAlgorithm, VerificationKey).
    requires transitive dev.sigil.core;

    exports dev.sigil.backend.jca;

    provides dev.sigil.spi.CryptoBackend with dev.sigil.backend.jca.JcaCryptoBackend;
}
