package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.KeyImportException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Security;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a backend bound to one provider can do, and how the builder fails. */
class ProviderSelectionTest {

    private static final Set<JwsAlgorithm> RSA = EnumSet.of(JwsAlgorithm.RS256, JwsAlgorithm.RS384,
            JwsAlgorithm.RS512, JwsAlgorithm.PS256, JwsAlgorithm.PS384, JwsAlgorithm.PS512);
    private static final Set<JwsAlgorithm> EC = EnumSet.of(JwsAlgorithm.ES256, JwsAlgorithm.ES384, JwsAlgorithm.ES512,
            JwsAlgorithm.EdDSA, JwsAlgorithm.Ed25519, JwsAlgorithm.Ed448);
    private static final Set<JwsAlgorithm> HMAC = EnumSet.of(JwsAlgorithm.HS256, JwsAlgorithm.HS384, JwsAlgorithm.HS512);

    @Test
    void theDefaultBackendSupportsEveryAlgorithmButEs256kAndMlDsaBeforeJdk24() {
        Set<JwsAlgorithm> expected = EnumSet.allOf(JwsAlgorithm.class);
        expected.remove(JwsAlgorithm.ES256K);
        if (Runtime.version().feature() < 24) {
            expected.removeAll(EnumSet.of(JwsAlgorithm.ML_DSA_44, JwsAlgorithm.ML_DSA_65, JwsAlgorithm.ML_DSA_87));
        }
        assertEquals(expected, new JcaCryptoBackend().algorithms());
    }

    @Test
    void sunRsaSignByNameHasRsaAndPssButNeitherEcdsaNorHmac() {
        assertEquals(RSA, JcaCryptoBackend.builder().provider("SunRsaSign").build().algorithms());
    }

    @Test
    void sunEcHasEcdsaAndEdDsaOnly() {
        assertEquals(EC, JcaCryptoBackend.builder().provider(Security.getProvider("SunEC")).build().algorithms());
    }

    @Test
    void sunJceHasHmacOnly() {
        assertEquals(HMAC, JcaCryptoBackend.builder().provider("SunJCE").build().algorithms());
    }

    @Test
    void aBackendBoundToSunRsaSignVerifiesRsaAndRefusesEcKeys() throws Exception {
        JcaCryptoBackend backend = JcaCryptoBackend.builder().provider("SunRsaSign").build();
        KeyPair pair = TestKeys.Kind.RSA_2048.generate();
        byte[] data = "a.b".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = TestKeys.sign(JwsAlgorithm.PS256, pair.getPrivate(), data);
        assertTrue(backend.verify(JwsAlgorithm.PS256, backend.importKey(TestKeys.parameters(pair.getPublic())), data, 0, data.length, signature));
        KeyImportException e = assertThrows(KeyImportException.class,
                () -> backend.importKey(TestKeys.parameters(TestKeys.Kind.P256.generate().getPublic())));
        assertEquals("curve P-256 is not available from provider SunRsaSign", e.getMessage());
        KeyImportException ed = assertThrows(KeyImportException.class,
                () -> backend.importKey(TestKeys.parameters(TestKeys.Kind.ED25519.generate().getPublic())));
        assertEquals("no Ed25519 key factory in provider SunRsaSign", ed.getMessage());
    }

    @Test
    void anUnknownProviderNameFailsAtBuildNamingIt() {
        JcaCryptoBackend.Builder builder = JcaCryptoBackend.builder().provider("NoSuchProvider");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains("'NoSuchProvider'"), e.getMessage());
    }

    @Test
    void theLastProviderSettingWins() {
        JcaCryptoBackend backend = JcaCryptoBackend.builder().provider("NoSuchProvider")
                .provider(Security.getProvider("SunJCE")).build();
        assertEquals(HMAC, backend.algorithms());
    }

    @Test
    void namesItselfJcaWithPriority100() {
        JcaCryptoBackend backend = new JcaCryptoBackend();
        assertEquals("jca", backend.name());
        assertEquals(100, backend.priority());
    }

    @Test
    void theAlgorithmSetCannotBeModified() {
        Set<JwsAlgorithm> algorithms = new JcaCryptoBackend().algorithms();
        assertThrows(UnsupportedOperationException.class, () -> algorithms.add(JwsAlgorithm.ES256K));
    }

    @Test
    void digestsWithTheKnownSha256AndSha1Answers() {
        JcaCryptoBackend backend = new JcaCryptoBackend();
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HexFormat.of().formatHex(backend.digest("SHA-256", abc)));
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d",
                HexFormat.of().formatHex(backend.digest("SHA-1", abc)));
    }

    @Test
    void digestsWithTheInstalledProvidersWhenTheChosenOneHasNoDigests() {
        JcaCryptoBackend backend = JcaCryptoBackend.builder().provider("SunJCE").build();
        assertEquals(32, backend.digest("SHA-256", new byte[0]).length);
    }

    @Test
    void refusesAnUnknownDigest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new JcaCryptoBackend().digest("SHA-999", new byte[0]));
        assertEquals("no provider offers digest 'SHA-999'", e.getMessage());
    }

    @Test
    void theSunProviderOffersNoJwsAlgorithmButMlDsaFromJdk24() {
        // SUN has DSA and digests, and from JDK 24 the JDK's ML-DSA.
        Set<JwsAlgorithm> expected = Runtime.version().feature() < 24 ? EnumSet.noneOf(JwsAlgorithm.class)
                : EnumSet.of(JwsAlgorithm.ML_DSA_44, JwsAlgorithm.ML_DSA_65, JwsAlgorithm.ML_DSA_87);
        assertEquals(expected, JcaCryptoBackend.builder().provider("SUN").build().algorithms());
    }
}
