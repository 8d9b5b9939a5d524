package dev.sigil.json.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.spi.JsonCodec;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServiceLoaderTest {

    @Test
    void serviceLoaderFindsExactlyOneCodecAndItIsJacksonJsonCodec() {
        // Core's built-in codec is not a registered provider: core adds it as the fallback itself.
        List<Class<?>> found = ServiceLoader.load(JsonCodec.class).stream()
                .map(ServiceLoader.Provider::type)
                .collect(Collectors.toList());
        assertEquals(List.of(JacksonJsonCodec.class), found);
        JsonCodec codec = ServiceLoader.load(JsonCodec.class).findFirst().orElseThrow();
        assertEquals("jackson", codec.name());
        assertEquals(100, codec.priority());
    }
}
