/**
 * {@link dev.sigil.micrometer.SigilMetrics}: a Micrometer {@code MeterBinder} fed by a verifier's
 * {@link dev.sigil.jwt.VerificationListener}, its {@link dev.sigil.jwk.JwksListener}s and its key-cache
 * stats. Every tag value comes from a fixed set or from the application's configuration, never from a
 * token. Public API: {@code SigilMetrics} only; the rest is package-private.
 */
package dev.sigil.micrometer;
