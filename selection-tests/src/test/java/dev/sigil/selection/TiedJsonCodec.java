package dev.sigil.selection;

import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;

/** A real codec (the built-in one underneath) registered, in the tie execution only, at Jackson's priority. */
public final class TiedJsonCodec implements JsonCodec {

    private final JsonCodec delegate = new BuiltinJsonCodec();

    @Override
    public String name() {
        return "tied";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Object parse(byte[] utf8, int off, int len, JsonLimits limits) throws JsonParseException {
        return delegate.parse(utf8, off, len, limits);
    }

    @Override
    public byte[] write(Object value, boolean indent) {
        return delegate.write(value, indent);
    }
}
