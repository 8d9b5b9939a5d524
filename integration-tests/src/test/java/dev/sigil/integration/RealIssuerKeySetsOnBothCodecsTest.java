package dev.sigil.integration;

import dev.sigil.backend.jca.JcaCryptoBackend;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.JsonCodec;
import dev.sigil.testkit.RealIssuerKeySetsContract;
import java.util.ArrayList;
import java.util.List;

/**
 * Real providers' key sets (issue 19) parsed by both JSON codecs, the built-in one and Jackson: the
 * only module with both. Each backend module runs the same contract with the built-in codec, and the
 * contract checks that the codecs read the same keys, so every backend meets every codec's keys.
 */
class RealIssuerKeySetsOnBothCodecsTest extends RealIssuerKeySetsContract {

    @Override
    protected CryptoBackend newBackend() {
        return new JcaCryptoBackend();
    }

    @Override
    protected List<JsonCodec> codecs() {
        List<JsonCodec> codecs = new ArrayList<>();
        for (JsonCodecs codec : JsonCodecs.values()) {
            codecs.add(codec.create());
        }
        return codecs;
    }
}
