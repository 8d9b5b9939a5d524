package dev.sigil.http.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.spi.HttpTransport;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServiceLoaderTest {

    @Test
    void serviceLoaderFindsExactlyOneTransportAndItIsOkHttpTransport() {
        List<Class<?>> found = ServiceLoader.load(HttpTransport.class).stream()
                .map(ServiceLoader.Provider::type)
                .collect(Collectors.toList());
        assertEquals(List.of(OkHttpTransport.class), found);

        HttpTransport transport = ServiceLoader.load(HttpTransport.class).findFirst().orElseThrow();
        assertEquals("okhttp", transport.name());
        assertEquals(200, transport.priority());
    }
}
