/**
 * Verifying JSON Web Tokens: the API an application calls. Start with
 * {@link dev.sigil.jwt.JwtVerifier}: build one per issuer with {@link dev.sigil.jwt.JwtVerifier#builder()}
 * (issuer, audience, where the keys are), share it, and hand it each token.
 *
 * <p>Where a token goes: {@link dev.sigil.jwt.JwtVerifier#verify(String)} checks its shape, its
 * header ({@link dev.sigil.spi.JwsAlgorithm} allowed, never {@code none}), finds the key by
 * {@code kid} among the keys of the verifier's {@link dev.sigil.jwk.KeySource}, checks the
 * signature through the {@link dev.sigil.spi.CryptoBackend}, then the claims and any
 * {@link dev.sigil.jwt.ClaimsValidator}. It returns a {@link dev.sigil.jwt.VerifiedJwt} (a
 * {@link dev.sigil.jwt.JoseHeader} and {@link dev.sigil.jwt.JwtClaims}), or throws a
 * {@link dev.sigil.jwt.JwtVerificationException} whose {@link dev.sigil.jwt.JwtVerificationException#reason()}
 * says why in a stable form. A configuration that would verify nothing, or verify insecurely, fails
 * {@code build()} with a {@link dev.sigil.spi.JwtConfigurationException};
 * {@link dev.sigil.jwt.CryptoPolicy} narrows the algorithms and keys further. A
 * {@link dev.sigil.jwt.VerificationListener} hears each outcome, for metrics.
 *
 * <p>Depends on {@code java.base}, {@link dev.sigil.jwk} (keys), {@link dev.sigil.spi} (the
 * crypto backend, HTTP transport and JSON codec it resolves at {@code build()}) and core's
 * unexported {@code dev.sigil.internal} packages. Exported; the public API follows the library's
 * semantic version.
 */
package dev.sigil.jwt;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.JwtConfigurationException;
