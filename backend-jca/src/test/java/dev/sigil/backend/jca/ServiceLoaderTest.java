package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.spi.CryptoBackend;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServiceLoaderTest {

    @Test
    void serviceLoaderFindsExactlyOneBackendAndItIsJcaCryptoBackend() {
        List<Class<?>> found = ServiceLoader.load(CryptoBackend.class).stream()
                .map(ServiceLoader.Provider::type)
                .collect(Collectors.toList());
        assertEquals(List.of(JcaCryptoBackend.class), found);
        assertEquals("jca", ServiceLoader.load(CryptoBackend.class).findFirst().orElseThrow().name());
    }
}
