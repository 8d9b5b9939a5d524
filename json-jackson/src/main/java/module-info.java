/**
 * Sigil's {@link dev.sigil.spi.JsonCodec} over jackson-core's streaming API (Jackson 2.x), as strict
 * as core's built-in codec and giving the same values.
 *
 * <p>The module exports nothing: the codec has no settings, so applications find it with
 * {@link java.util.ServiceLoader} (core does that in {@code build()}) and pin it with
 * {@code -Dsigil.json=jackson}.
 */
module dev.sigil.json.jackson {
    // Not transitive: with no exported package, no reader of this module ever sees a core type
    // through it.
    requires dev.sigil.core;
    requires com.fasterxml.jackson.core;

    provides dev.sigil.spi.JsonCodec with dev.sigil.json.jackson.JacksonJsonCodec;
}
