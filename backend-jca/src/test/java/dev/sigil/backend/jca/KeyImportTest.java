package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sigil.spi.JwsAlgorithm;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

/**
 * What this backend says about its keys in its own words; what every backend must accept and
 * refuse is the testkit's {@code CryptoBackendImportContract} ({@link JcaImportContractTest}).
 */
class KeyImportTest {

    private final JcaCryptoBackend backend = new JcaCryptoBackend();

    @Test
    void toStringNamesTheKindAndSizeOnly() throws Exception {
        byte[] secret = TestKeys.randomBytes(32);
        KeyPair rsa = TestKeys.Kind.RSA_2048.generate();
        KeyPair p256 = TestKeys.Kind.P256.generate();
        assertEquals("OctKey[256 bits]", backend.importKey(TestKeys.octParameters(secret)).toString());
        assertEquals("RsaKey[2048 bits]", backend.importKey(TestKeys.parameters(rsa.getPublic())).toString());
        assertEquals("EcKey[P-256]", backend.importKey(TestKeys.parameters(p256.getPublic())).toString());
    }

    @Test
    void neverClaimsEs256kWhichJdk17CannotVerify() {
        // JDK 16 removed secp256k1 from SunEC; ES256K is the BouncyCastle backend's.
        assertFalse(backend.algorithms().contains(JwsAlgorithm.ES256K));
    }
}
