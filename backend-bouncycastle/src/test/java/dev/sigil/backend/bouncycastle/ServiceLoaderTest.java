package dev.sigil.backend.bouncycastle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.spi.CryptoBackend;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServiceLoaderTest {

    @Test
    void serviceLoaderFindsExactlyOneBackendAndItIsBouncyCastleCryptoBackend() {
        List<Class<?>> found = ServiceLoader.load(CryptoBackend.class).stream()
                .map(ServiceLoader.Provider::type)
                .collect(Collectors.toList());
        assertEquals(List.of(BouncyCastleCryptoBackend.class), found);
        CryptoBackend backend = ServiceLoader.load(CryptoBackend.class).findFirst().orElseThrow();
        assertEquals("bouncycastle", backend.name());
        assertEquals(200, backend.priority());
    }
}
