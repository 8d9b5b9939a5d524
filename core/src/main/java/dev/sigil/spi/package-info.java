/**
 * Service-provider interfaces: {@link dev.sigil.spi.CryptoBackend}, {@link dev.sigil.spi.HttpTransport}
 * and {@link dev.sigil.spi.JsonCodec}. Implementations live in their own modules and are found with
 * {@link java.util.ServiceLoader}; an instance given to {@code JwtVerifier.Builder} always wins.
 * A verifier asks its {@code CryptoBackend} to import each key of a set once, then to check each
 * token's signature with the imported {@link dev.sigil.spi.VerificationKey}; it parses every token
 * header, token payload and key set with its {@code JsonCodec}; a key cache fetches discovery
 * documents and key sets with its {@code HttpTransport}, one request per call (core follows the
 * redirects). Alongside them, the vocabulary core and modules share: {@link dev.sigil.spi.JwsAlgorithm},
 * the {@link dev.sigil.spi.KeyParameters} a backend builds keys from, {@link dev.sigil.spi.UntrustedText},
 * the one rule for printing text that came from outside, and {@link dev.sigil.spi.JwtConfigurationException},
 * the configuration error every builder and provider selection throw.
 *
 * <p>Depends on {@code java.base} alone: never on the API packages ({@code dev.sigil.jwt},
 * {@code dev.sigil.jwk}) nor on {@code dev.sigil.internal}, so implementations compile against
 * this package alone, and the API packages sit on top of it without a cycle.
 *
 * <p>Stability: implemented by Sigil's own modules and by applications; changes are additive
 * (new default methods) within a major version.
 */
package dev.sigil.spi;
