package dev.sigil.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigil.spi.JwtConfigurationException;
import org.junit.jupiter.api.Test;

/** Class path: core alone. Both errors name the artifacts to add and the shaded-jar fix, word for word. */
class NoProviderTest {

    @Test
    void noCryptoBackendNamesTheArtifactsToAdd() {
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class, () -> Configurations.verifier().build());
        assertEquals("no CryptoBackend found: add dev.sigil:sigil-backend-jca (the JDK's or a named JCA provider, FIPS"
                + " included) or dev.sigil:sigil-backend-bouncycastle to the class path or module path, or pass an"
                + " instance to JwtVerifier.builder().cryptoBackend(..); in a shaded jar, merge the META-INF/services"
                + " files (maven-shade-plugin ServicesResourceTransformer)", e.getMessage());
    }

    @Test
    void noHttpTransportNamesTheArtifactsToAdd() {
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class, () -> Configurations.cache().build());
        assertEquals("no HttpTransport found: add dev.sigil:sigil-http-jdk (java.net.http) or dev.sigil:sigil-http-okhttp"
                + " (your OkHttpClient) to the class path or module path, or pass an instance to"
                + " JwtVerifier.builder().httpTransport(..); in a shaded jar, merge the META-INF/services files"
                + " (maven-shade-plugin ServicesResourceTransformer)", e.getMessage());
    }
}
