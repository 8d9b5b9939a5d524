package dev.sigil.json.jackson;

import dev.sigil.spi.JsonCodec;
import dev.sigil.testkit.JsonCodecConformance;

/** The conformance suite over the codec as ServiceLoader creates it. */
class JacksonJsonCodecConformanceTest extends JsonCodecConformance {

    @Override
    protected JsonCodec newCodec() {
        return new JacksonJsonCodec();
    }
}
