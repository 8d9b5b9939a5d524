package dev.sigil.integration;

import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.spi.JsonCodec;
import dev.sigil.testkit.JsonCodecConformance;

/**
 * Core's built-in codec against the testkit's JSON conformance suite. It runs here because core
 * cannot depend on the testkit (the testkit depends on core), and it takes the codec from core's
 * public API, as an application would.
 */
class BuiltinJsonCodecConformanceTest extends JsonCodecConformance {

    @Override
    protected JsonCodec newCodec() {
        return new BuiltinJsonCodec();
    }
}
