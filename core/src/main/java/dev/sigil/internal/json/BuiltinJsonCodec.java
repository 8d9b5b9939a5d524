package dev.sigil.internal.json;

import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;

/** PLACEHOLDER: replaced by the real reader/writer. */
public final class BuiltinJsonCodec implements JsonCodec {
    @Override
    public String name() {
        return "builtin";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Object parse(byte[] utf8, int off, int len, JsonLimits limits) throws JsonParseException {
        throw new JsonParseException("placeholder");
    }

    @Override
    public byte[] write(Object value, boolean indent) {
        throw new IllegalArgumentException("placeholder");
    }
}
