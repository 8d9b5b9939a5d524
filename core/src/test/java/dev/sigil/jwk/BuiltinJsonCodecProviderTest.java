package dev.sigil.jwk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.spi.JsonCodec;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The built-in codec is registered like any provider, under a stable name, below every other codec. */
class BuiltinJsonCodecProviderTest {

    @Test
    void serviceLoaderFindsExactlyTheBuiltInCodecInCoreAlone() {
        // A missing or misspelt registration has shipped in other libraries' releases.
        List<Class<? extends JsonCodec>> found = ServiceLoader.load(JsonCodec.class).stream()
                .map(ServiceLoader.Provider::type).collect(Collectors.toList());
        assertEquals(List.of(BuiltinJsonCodec.class), found);
    }

    @Test
    void isNamedBuiltinWithTheLowestPriority() {
        BuiltinJsonCodec codec = new BuiltinJsonCodec();
        assertEquals("builtin", codec.name());
        assertEquals(Integer.MIN_VALUE, codec.priority());
    }
}
