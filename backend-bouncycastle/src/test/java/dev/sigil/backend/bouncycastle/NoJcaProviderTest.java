package dev.sigil.backend.bouncycastle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.KeyParameters;
import dev.sigil.spi.VerificationKey;
import dev.sigil.testkit.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The backend does everything through BouncyCastle's lightweight API: it neither needs nor installs
 * a JCA provider, even with bcprov (which holds {@code BouncyCastleProvider}) on the class path.
 */
class NoJcaProviderTest {

    private static final byte[] DATA = "header.payload".getBytes(StandardCharsets.US_ASCII);

    @Test
    void importsVerifiesAndHashesWithoutRegisteringTheBouncyCastleProvider() throws Exception {
        List<Provider> before = Arrays.asList(Security.getProviders());
        assertNull(Security.getProvider("BC"));

        BouncyCastleCryptoBackend backend = new BouncyCastleCryptoBackend();
        Secp256k1Signer k1 = new Secp256k1Signer();
        VerificationKey key = backend.importKey(k1.keyParameters());
        assertTrue(backend.verify(JwsAlgorithm.ES256K, key, DATA, 0, DATA.length, k1.sign(DATA)));
        VerificationKey rsa = backend.importKey(backend.readCertificateKey(TestCertificates.der("rsa-2048")));
        VerificationKey ec = backend.importKey(backend.readCertificateKey(TestCertificates.der("ec-p256")));
        VerificationKey ed = backend.importKey(backend.readCertificateKey(TestCertificates.der("ed25519")));
        assertEquals("RSA", rsa.keyType());
        assertEquals("EC", ec.keyType());
        assertEquals("OKP", ed.keyType());
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        VerificationKey oct = backend.importKey(new KeyParameters.Oct(secret));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        assertTrue(backend.verify(JwsAlgorithm.HS256, oct, DATA, 0, DATA.length, mac.doFinal(DATA)));
        backend.digest("SHA-256", DATA);

        assertNull(Security.getProvider("BC"));
        assertEquals(before, Arrays.asList(Security.getProviders()));
    }

    @Test
    void digestsMatchTheKnownAnswers() {
        BouncyCastleCryptoBackend backend = new BouncyCastleCryptoBackend();
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        // FIPS 180-4 examples for "abc".
        assertArrayEquals(hex("a9993e364706816aba3e25717850c26c9cd0d89d"), backend.digest("SHA-1", abc));
        assertArrayEquals(hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), backend.digest("SHA-256", abc));
        assertArrayEquals(hex("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                + "8086072ba1e7cc2358baeca134c825a7"), backend.digest("SHA-384", abc));
        assertArrayEquals(hex("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"), backend.digest("SHA-512", abc));
    }

    @Test
    void refusesDigestsItDoesNotKnow() {
        BouncyCastleCryptoBackend backend = new BouncyCastleCryptoBackend();
        for (String name : new String[] {"MD5", "SHA-224", "SHA3-256", "sha-256", "SHA256"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> backend.digest(name, DATA), name);
            assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
        }
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
