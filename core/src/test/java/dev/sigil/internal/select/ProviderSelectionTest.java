package dev.sigil.internal.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.JwtConfigurationException;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.KeyParameters;
import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.VerificationKey;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderSelectionTest {

    /** Only name and priority matter to selection; the crypto methods are never reached. */
    private record Candidate(String name, int priority) implements CryptoBackend {
        @Override
        public Set<JwsAlgorithm> algorithms() {
            return Set.of();
        }

        @Override
        public VerificationKey importKey(KeyParameters parameters) {
            throw new AssertionError("selection must not import keys");
        }

        @Override
        public KeyParameters readCertificateKey(byte[] der) {
            throw new AssertionError("selection must not import keys");
        }

        @Override
        public boolean verify(JwsAlgorithm alg, VerificationKey key, byte[] data, int off, int len, byte[] signature) {
            throw new AssertionError("selection must not verify");
        }

        @Override
        public byte[] digest(String algorithm, byte[] data) {
            throw new AssertionError("selection must not digest");
        }
    }

    private static final String NONE_FOUND = "no CryptoBackend found: add dev.sigil:sigil-backend-jca (the JDK's or a"
            + " named JCA provider, FIPS included) or dev.sigil:sigil-backend-bouncycastle to the class path or module"
            + " path, or pass an instance to JwtVerifier.builder().cryptoBackend(..); in a shaded jar, merge the"
            + " META-INF/services files (maven-shade-plugin ServicesResourceTransformer)";

    // The production definition, so that the messages asserted here are the ones users see.
    private final ProviderSelection<CryptoBackend> crypto = Providers.CRYPTO;

    @Test
    void namesTheArtifactsToAddWhenNoBackendIsFound() {
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class,
                () -> crypto.choose(List.of(), List.of(), null));
        assertEquals(NONE_FOUND, e.getMessage());
    }

    @Test
    void searchesTheRealClassPathAndFindsNoBackendInCoreAlone() {
        // core's own test class path holds no backend: the real ServiceLoader lookup must say so.
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class, () -> crypto.select(null));
        assertEquals(NONE_FOUND, e.getMessage());
    }

    @Test
    void anExplicitInstanceWinsWithoutLookingUpProviders() {
        Candidate explicit = new Candidate("mine", 1);
        assertSame(explicit, crypto.select(explicit));
    }

    @Test
    void takesTheOnlyProviderFound() {
        Candidate only = new Candidate("jca", 100);
        assertSame(only, crypto.choose(List.of(only), List.of(), null));
    }

    @Test
    void aNameFromTheBuilderWinsOverPriority() {
        Candidate jca = new Candidate("jca", 100);
        Candidate bc = new Candidate("bouncycastle", 200);
        assertSame(jca, crypto.choose(List.of(jca, bc), List.of(), "jca", "cryptoBackendNamed(\"jca\")", true));
    }

    @Test
    void aNameFromTheBuilderThatIsNotFoundNamesTheArtifactsToAdd() {
        Candidate jca = new Candidate("jca", 100);
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class,
                () -> crypto.choose(List.of(jca), List.of(), "bouncycastle", "cryptoBackendNamed(\"bouncycastle\")", true));
        assertEquals("cryptoBackendNamed(\"bouncycastle\") names no CryptoBackend that was found; found: jca; add"
                + " dev.sigil:sigil-backend-jca (the JDK's or a named JCA provider, FIPS included) or"
                + " dev.sigil:sigil-backend-bouncycastle to the class path or module path", e.getMessage());
    }

    @Test
    void takesTheHighestPriorityOfSeveral() {
        Candidate jca = new Candidate("jca", 100);
        Candidate bc = new Candidate("bouncycastle", 200);
        assertSame(bc, crypto.choose(List.of(jca, bc), List.of(), null));
    }

    @Test
    void refusesATieAtTheTopAndSaysHowToChoose() {
        Candidate a = new Candidate("a", 100);
        Candidate b = new Candidate("b", 100);
        Candidate low = new Candidate("low", 1);
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class,
                () -> crypto.choose(List.of(low, a, b), List.of(), null));
        assertEquals("several CryptoBackends share the highest priority 100: a, b; choose one with the system"
                + " property sigil.crypto or JwtVerifier.builder().cryptoBackend(..)", e.getMessage());
    }

    @Test
    void theSystemPropertyPinsAProviderByNameOverPriority() {
        Candidate jca = new Candidate("jca", 100);
        Candidate bc = new Candidate("bouncycastle", 200);
        assertSame(jca, crypto.choose(List.of(jca, bc), List.of(), "jca"));
    }

    @Test
    void aPinnedNameThatIsNotFoundIsAnErrorListingWhatWasFound() {
        Candidate jca = new Candidate("jca", 100);
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class,
                () -> crypto.choose(List.of(jca), List.of(), "bouncycastle"));
        assertEquals("system property sigil.crypto=bouncycastle names no CryptoBackend that was found; found: jca",
                e.getMessage());
    }

    @Test
    void aBrokenProviderIsReportedWithItsCauseInsteadOfAbortingTheSearch() {
        ServiceConfigurationError broken = new ServiceConfigurationError(
                "dev.sigil.spi.CryptoBackend: Provider com.example.Broken could not be instantiated");
        Candidate jca = new Candidate("jca", 100);
        assertSame(jca, crypto.choose(List.of(jca), List.of(broken), null));

        JwtConfigurationException e = assertThrows(JwtConfigurationException.class,
                () -> crypto.choose(List.of(), List.of(broken), null));
        assertEquals(NONE_FOUND + "; 1 provider(s) failed to load: dev.sigil.spi.CryptoBackend: Provider"
                + " com.example.Broken could not be instantiated", e.getMessage());
        assertSame(broken, e.getCause());
    }

    // ---- JSON: the built-in codec is a provider and the fallback ------------------------------

    /** A codec that only selection sees; parsing and writing are never reached. */
    private record Codec(String name, int priority) implements JsonCodec {
        @Override
        public Object parse(byte[] utf8, int off, int len, JsonLimits limits) {
            throw new AssertionError("selection must not parse");
        }

        @Override
        public byte[] write(Object value, boolean indent) {
            throw new AssertionError("selection must not write");
        }
    }

    // The production definition, as for crypto above.
    private final ProviderSelection<JsonCodec> json = Providers.JSON;
    private final BuiltinJsonCodec builtin = new BuiltinJsonCodec();

    @Test
    void theBuiltInCodecFoundAloneIsTakenAsFound() {
        assertSame(builtin, json.choose(List.of(builtin), List.of(), null));
    }

    @Test
    void theBuiltInCodecIsStillUsedWhenTheLookupFindsNoCodecAtAll() {
        // A shaded jar that dropped META-INF/services finds nothing, not even core's own registration.
        assertInstanceOf(BuiltinJsonCodec.class, json.choose(List.of(), List.of(), null));
    }

    @Test
    void searchesTheRealClassPathAndFindsTheBuiltInCodecInCoreAlone() {
        assertInstanceOf(BuiltinJsonCodec.class, json.select(null));
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 100})
    void anyOtherCodecReplacesTheBuiltInOneWhateverItsPriority(int priority) {
        Codec other = new Codec("other", priority);
        assertSame(other, json.choose(List.of(builtin, other), List.of(), null));
        assertSame(other, json.choose(List.of(other, builtin), List.of(), null));
        assertSame(other, json.choose(List.of(other), List.of(), null));
    }

    @Test
    void theBuiltInCodecNeverTakesPartInATie() {
        // Both at the lowest priority: still no tie, the other codec is chosen.
        Codec lowest = new Codec("lowest", builtin.priority());
        assertSame(lowest, json.choose(List.of(builtin, lowest), List.of(), null));
        Codec a = new Codec("a", 100);
        Codec b = new Codec("b", 100);
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class,
                () -> json.choose(List.of(builtin, b, a), List.of(), null));
        assertEquals("several JsonCodecs share the highest priority 100: a, b; choose one with the system property"
                + " sigil.json or JwtVerifier.builder().jsonCodec(..)", e.getMessage());
    }

    @Test
    void theSystemPropertyPinsTheBuiltInCodecOverAHigherPriorityEvenWithoutServiceFiles() {
        Codec jackson = new Codec("jackson", 100);
        assertSame(builtin, json.choose(List.of(jackson, builtin), List.of(), "builtin"));
        assertInstanceOf(BuiltinJsonCodec.class, json.choose(List.of(jackson), List.of(), "builtin"));
        assertSame(jackson, json.choose(List.of(jackson, builtin), List.of(), "jackson"));
    }

    @Test
    void aPinnedCodecThatIsNotFoundIsAnErrorListingTheBuiltInCodecLast() {
        Codec jackson = new Codec("jackson", 100);
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class,
                () -> json.choose(List.of(builtin, jackson), List.of(), "gson"));
        assertEquals("system property sigil.json=gson names no JsonCodec that was found; found: jackson, builtin",
                e.getMessage());
    }

    @Test
    void theBuiltInCodecFoundTwiceIsStillOneFallback() {
        BuiltinJsonCodec second = new BuiltinJsonCodec();
        assertSame(builtin, json.choose(List.of(builtin, second), List.of(), null));
    }
}
