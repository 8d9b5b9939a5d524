package dev.sigil.integration;

import dev.sigil.json.jackson.JacksonJsonCodec;
import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.spi.JsonCodec;

/**
 * Both JSON codecs, given to the builder explicitly: this module's tests otherwise pin the built-in
 * one ({@code sigil.json=builtin} in the POM), so that adding Jackson to the class path changes no
 * other test.
 */
enum JsonCodecs {
    BUILTIN {
        @Override
        JsonCodec create() {
            return new BuiltinJsonCodec();
        }
    },
    JACKSON {
        @Override
        JsonCodec create() {
            return new JacksonJsonCodec();
        }
    };

    abstract JsonCodec create();
}
