package dev.sigil.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.JwtConfigurationException;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Class path: both backends, both transports and both codecs. The highest priority wins, logged once with
 * all candidates; Jackson replaces the built-in codec, which is listed as the fallback, never ranked.
 */
class SeveralProvidersTest {

    @Test
    void theHighestPriorityWinsAndIsLoggedOnceWithEveryCandidate() {
        List<LogRecord> log = Configurations.selectionLog(() -> {
            JwtVerifier verifier = Configurations.verifier().build();
            assertEquals("bouncycastle", verifier.cryptoBackend().name());
            assertEquals("jackson", verifier.jsonCodec().name());
            assertEquals("okhttp", Configurations.cache().build().httpTransport().name());
        });
        List<String> messages = log.stream().map(LogRecord::getMessage).collect(Collectors.toList());
        assertEquals(List.of(
                "using CryptoBackend 'bouncycastle' (priority 200) of bouncycastle (200), jca (100); pin one with the"
                        + " system property sigil.crypto",
                "using JsonCodec 'jackson' (priority 100) of jackson (100), builtin (fallback); pin one with the"
                        + " system property sigil.json",
                "using HttpTransport 'okhttp' (priority 200) of okhttp (200), jdk (100); pin one with the system"
                        + " property sigil.http",
                "using JsonCodec 'jackson' (priority 100) of jackson (100), builtin (fallback); pin one with the"
                        + " system property sigil.json"), messages);
        log.forEach(r -> assertEquals(Level.INFO, r.getLevel()));
    }

    @Test
    void aBackendNamedInTheBuilderWinsOverPriorityWithoutALogLine() {
        List<LogRecord> log = Configurations.selectionLog(() ->
                assertEquals("jca", Configurations.verifier().jsonCodec(new BuiltinJsonCodec()).cryptoBackendNamed("jca")
                        .build().cryptoBackend().name()));
        assertEquals(List.of(), log);
    }

    @Test
    void aBackendNamedInTheBuilderThatIsNotFoundNamesTheArtifactsToAdd() {
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class,
                () -> Configurations.verifier().cryptoBackendNamed("pkcs11").build());
        String add = "; add dev.sigil:sigil-backend-jca (the JDK's or a named JCA provider, FIPS included) or"
                + " dev.sigil:sigil-backend-bouncycastle to the class path or module path";
        // The found list follows class-path order.
        assertTrue(Set.of("cryptoBackendNamed(\"pkcs11\") names no CryptoBackend that was found; found: bouncycastle, jca" + add,
                "cryptoBackendNamed(\"pkcs11\") names no CryptoBackend that was found; found: jca, bouncycastle" + add)
                .contains(e.getMessage()), e.getMessage());
    }

    @Test
    void theLastOfCryptoBackendAndCryptoBackendNamedWins() {
        CryptoBackend bouncycastle = Configurations.verifier().cryptoBackendNamed("bouncycastle").build().cryptoBackend();
        assertSame(bouncycastle, Configurations.verifier().cryptoBackendNamed("jca").cryptoBackend(bouncycastle)
                .build().cryptoBackend());
        assertEquals("jca", Configurations.verifier().cryptoBackend(bouncycastle).cryptoBackendNamed("jca")
                .build().cryptoBackend().name());
    }
}
