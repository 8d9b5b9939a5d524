/**
 * Service-provider interfaces: {@link dev.sigil.spi.CryptoBackend}, {@link dev.sigil.spi.HttpTransport}
 * and {@link dev.sigil.spi.JsonCodec}. Implementations live in their own modules and are found with
 * {@link java.util.ServiceLoader}; an instance given to {@code JwtVerifier.Builder} always wins.
 *
 * <p>Stability: implemented by Sigil's own modules and by applications; changes are additive
 * (new default methods) within a major version.
 */
package dev.sigil.spi;
