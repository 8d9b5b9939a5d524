package dev.sigil.json.jackson;

import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.spi.JsonCodec;
import dev.sigil.testkit.JsonCodecAgreement;
import java.util.List;

/** Swapping the built-in codec for this one (or back) changes no decision, value or byte. */
class BuiltinAndJacksonAgreementTest extends JsonCodecAgreement {

    @Override
    protected List<JsonCodec> codecs() {
        return List.of(new BuiltinJsonCodec(), new JacksonJsonCodec());
    }
}
