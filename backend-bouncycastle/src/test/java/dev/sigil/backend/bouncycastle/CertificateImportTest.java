package dev.sigil.backend.bouncycastle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.spi.KeyImportException;
import dev.sigil.spi.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JCA backend's test certificates (made by keytool) against the JWKs of the same keys. */
class CertificateImportTest {

    private final BouncyCastleCryptoBackend backend = new BouncyCastleCryptoBackend();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rsa-2048, RSA, , 2048", "ec-p256, EC, P-256, 256", "ed25519, OKP, Ed25519, 256"})
    void importsTheCertificateKeyAsTheSameKeyAsItsJwk(String name, String type, String curve, int bits) throws Exception {
        VerificationKey fromCertificate = backend.importCertificate(TestKeys.resource(name + ".der"));
        VerificationKey fromJwk = backend.importKey(TestKeys.resourceJwk(name + ".jwk.properties"));
        assertEquals(type, fromCertificate.keyType());
        assertEquals(curve, fromCertificate.curve());
        assertEquals(bits, fromCertificate.sizeBits());
        assertTrue(fromCertificate.samePublicKey(fromJwk));
        assertTrue(fromJwk.samePublicKey(fromCertificate));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rsa-2048, RSA_2048", "ec-p256, P256", "ed25519, ED25519"})
    void findsTheCertificateKeyDifferentFromAnotherKeyOfTheSameKind(String name, TestKeys.Kind kind) throws Exception {
        VerificationKey fromCertificate = backend.importCertificate(TestKeys.resource(name + ".der"));
        VerificationKey other = backend.importKey(TestKeys.jwk(kind.generate().getPublic()));
        assertFalse(fromCertificate.samePublicKey(other));
        assertFalse(other.samePublicKey(fromCertificate));
    }

    @Test
    void findsKeysOfDifferentCertificatesDifferent() throws Exception {
        VerificationKey rsa = backend.importCertificate(TestKeys.resource("rsa-2048.der"));
        VerificationKey ec = backend.importCertificate(TestKeys.resource("ec-p256.der"));
        VerificationKey ed = backend.importCertificate(TestKeys.resource("ed25519.der"));
        assertFalse(rsa.samePublicKey(ec));
        assertFalse(ec.samePublicKey(ed));
        assertFalse(ed.samePublicKey(rsa));
    }

    @Test
    void refusesGarbage() {
        byte[] garbage = "definitely not a certificate".getBytes(StandardCharsets.US_ASCII);
        assertThrows(KeyImportException.class, () -> backend.importCertificate(garbage));
        assertThrows(KeyImportException.class, () -> backend.importCertificate(new byte[0]));
        assertThrows(KeyImportException.class, () -> backend.importCertificate(new byte[] {0x30}));
        KeyImportException e = assertThrows(KeyImportException.class,
                () -> backend.importCertificate(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}));
        assertEquals("certificate cannot be parsed", e.getMessage());
    }

    @Test
    void refusesALengthBeyondTheInputWithoutAllocatingIt() {
        // SEQUENCE of length 0x7fffffff: the parser must stop at the input's end, not trust the length.
        byte[] forged = {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x02, 0x01, 0x00};
        KeyImportException e = assertThrows(KeyImportException.class, () -> backend.importCertificate(forged));
        assertEquals("certificate cannot be parsed", e.getMessage());
    }

    @Test
    void refusesATruncatedCertificate() {
        byte[] der = TestKeys.resource("ec-p256.der");
        KeyImportException e = assertThrows(KeyImportException.class,
                () -> backend.importCertificate(Arrays.copyOf(der, der.length - 1)));
        assertEquals("certificate cannot be parsed", e.getMessage());
    }

    @Test
    void refusesTrailingBytesAfterTheCertificate() {
        byte[] der = TestKeys.resource("ec-p256.der");
        KeyImportException e = assertThrows(KeyImportException.class,
                () -> backend.importCertificate(Arrays.copyOf(der, der.length + 2)));
        assertEquals("certificate is followed by 2 trailing bytes", e.getMessage());
    }

    @Test
    void refusesPemBecauseX5cHoldsDer() {
        byte[] der = TestKeys.resource("ec-p256.der");
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END CERTIFICATE-----\n";
        KeyImportException e = assertThrows(KeyImportException.class,
                () -> backend.importCertificate(pem.getBytes(StandardCharsets.US_ASCII)));
        assertEquals("certificate is not DER-encoded", e.getMessage());
    }

    @Test
    void refusesAnIndefiniteLengthOuterSequence() {
        byte[] ber = {0x30, (byte) 0x80, 0x02, 0x01, 0x00, 0x00, 0x00};
        KeyImportException e = assertThrows(KeyImportException.class, () -> backend.importCertificate(ber));
        assertEquals("certificate is not DER-encoded", e.getMessage());
    }

    @Test
    void appliesTheRsaKeySizePolicyToCertificatesToo() throws Exception {
        BouncyCastleCryptoBackend strict = BouncyCastleCryptoBackend.builder().minimumRsaKeySize(3072).build();
        KeyImportException e = assertThrows(KeyImportException.class,
                () -> strict.importCertificate(TestKeys.resource("rsa-2048.der")));
        assertEquals("rsa modulus of 2048 bits is below the minimum of 3072", e.getMessage());
    }
}
