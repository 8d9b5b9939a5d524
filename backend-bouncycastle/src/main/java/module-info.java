/**
 * Sigil's {@link dev.sigil.spi.CryptoBackend} over BouncyCastle's lightweight API
 * ({@code org.bouncycastle.crypto}), with {@code bcpkix} for {@code x5c} certificates. It needs no
 * JCA provider and never registers one.
 *
 * <p>The package is exported only so that applications can pass a
 * {@link dev.sigil.backend.bouncycastle.BouncyCastleCryptoBackend} to a verifier's builder;
 * everything else in it is package-private.
 */
module dev.sigil.backend.bouncycastle {
    // Transitive: the exported BouncyCastleCryptoBackend speaks in core types (KeyParameters, JwsAlgorithm, VerificationKey).
    requires transitive dev.sigil.core;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;

    exports dev.sigil.backend.bouncycastle;

    provides dev.sigil.spi.CryptoBackend with dev.sigil.backend.bouncycastle.BouncyCastleCryptoBackend;
}
