/**
 * The Jackson JSON codec. {@link dev.sigil.json.jackson.JacksonJsonCodec} is the only public type,
 * and only so that {@link java.util.ServiceLoader} can create it; the package is not exported on the
 * module path. The reader, writer, UTF-8 check and number policy are package-private and may change
 * in any release. Depends on core's {@code dev.sigil.spi} and {@code jackson-core} (the streaming
 * API only, no databind), nothing else.
 *
 * <p>Stability: the codec's observable behaviour is that of core's built-in codec (the testkit's
 * {@code JsonCodecConformance} and {@code JsonCodecAgreement} hold both to it).
 */
package dev.sigil.json.jackson;
