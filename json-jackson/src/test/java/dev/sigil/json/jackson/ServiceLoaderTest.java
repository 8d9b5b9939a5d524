package dev.sigil.json.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.spi.JsonCodec;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServiceLoaderTest {

    @Test
    void serviceLoaderFindsJacksonJsonCodecOnceBesideCoresOwnBuiltInCodec() {
        // Core registers its built-in codec like any provider; this module adds exactly one.
        List<Class<?>> found = ServiceLoader.load(JsonCodec.class).stream()
                .map(ServiceLoader.Provider::type)
                .collect(Collectors.toList());
        assertEquals(2, found.size(), found::toString);
        assertEquals(Set.of(JacksonJsonCodec.class, BuiltinJsonCodec.class), Set.copyOf(found));
        JsonCodec codec = ServiceLoader.load(JsonCodec.class).stream().map(ServiceLoader.Provider::get)
                .filter(c -> c instanceof JacksonJsonCodec).findFirst().orElseThrow();
        assertEquals("jackson", codec.name());
        assertEquals(100, codec.priority());
    }
}
