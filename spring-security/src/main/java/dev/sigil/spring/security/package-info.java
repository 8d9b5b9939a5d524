/**
 * Sigil as Spring Security's resource-server decoder: {@link dev.sigil.spring.security.SigilJwtDecoder}
 * (servlet) and {@link dev.sigil.spring.security.SigilReactiveJwtDecoder} (WebFlux), each over a
 * {@link dev.sigil.jwt.TokenVerifier}, refusing tokens with the exceptions Spring's own decoders throw.
 *
 * <p>Stable API: the two decoders. Everything else here is package-private.
 */
package dev.sigil.spring.security;
