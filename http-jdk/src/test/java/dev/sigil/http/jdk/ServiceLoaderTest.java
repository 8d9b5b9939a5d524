package dev.sigil.http.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.spi.HttpTransport;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServiceLoaderTest {

    @Test
    void serviceLoaderFindsExactlyOneTransportAndItIsJdkHttpTransport() {
        List<Class<?>> found = ServiceLoader.load(HttpTransport.class).stream()
                .map(ServiceLoader.Provider::type)
                .collect(Collectors.toList());
        assertEquals(List.of(JdkHttpTransport.class), found);
        HttpTransport transport = ServiceLoader.load(HttpTransport.class).findFirst().orElseThrow();
        assertEquals("jdk", transport.name());
        assertEquals(100, transport.priority());
    }
}
