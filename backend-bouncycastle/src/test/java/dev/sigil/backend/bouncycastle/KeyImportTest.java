package dev.sigil.backend.bouncycastle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.Jwk;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.KeyImportException;
import dev.sigil.spi.KeyParameters;
import dev.sigil.testkit.PublicParameters;
import dev.sigil.testkit.TestCertificates;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What this backend refuses beyond the testkit's {@code CryptoBackendImportContract}
 * ({@link BouncyCastleImportContractTest}), and the words it uses where it words things its own way.
 */
class KeyImportTest {

    private static RSAPublicKey rsa2048;

    private final BouncyCastleCryptoBackend backend = new BouncyCastleCryptoBackend();

    @BeforeAll
    static void generateKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rsa2048 = (RSAPublicKey) generator.generateKeyPair().getPublic();
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, Object> rsaJwk(BigInteger n) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("kty", "RSA");
        members.put("n", b64(unsigned(n)));
        members.put("e", b64(unsigned(rsa2048.getPublicExponent())));
        return members;
    }

    private static byte[] unsigned(BigInteger value) {
        return BigIntegers.asUnsignedByteArray(value);
    }

    private KeyImportException refused(Map<String, Object> members, String expectedMessagePart) {
        KeyImportException e = assertThrows(KeyImportException.class,
                () -> backend.importKey(PublicParameters.of(Jwk.of(members))));
        assertTrue(e.getMessage().contains(expectedMessagePart), () -> "message was: " + e.getMessage());
        return e;
    }

    @Test
    void claimsEveryAlgorithmSigilKnowsIncludingEs256k() {
        assertEquals(EnumSet.allOf(JwsAlgorithm.class), backend.algorithms());
    }

    @Test
    void buildsWhatItIsGivenAndLeavesSizePolicyToTheVerifier() throws Exception {
        // A verifier judges sizes before the backend is asked; the backend builds what it is given.
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        RSAPublicKey rsa1024 = (RSAPublicKey) generator.generateKeyPair().getPublic();
        assertEquals(1024, backend.importKey(new KeyParameters.Rsa(rsa1024.getModulus(), rsa1024.getPublicExponent()))
                .sizeBits());
    }

    @Test
    void refusesAnEd25519KeyThatIsNotAPointAtImport() {
        // y = p (all ones but the low bits of 2^255 - 19) is not canonical; y = 2 has no x on the curve.
        byte[] nonCanonical = new byte[32];
        Arrays.fill(nonCanonical, (byte) 0xff);
        nonCanonical[0] = (byte) 0xed;
        nonCanonical[31] = 0x7f;
        refused(Map.of("kty", "OKP", "crv", "Ed25519", "x", b64(nonCanonical)), "'x' is not a valid Ed25519 public key");
        byte[] noX = new byte[32];
        noX[0] = 2;
        refused(Map.of("kty", "OKP", "crv", "Ed25519", "x", b64(noX)), "'x' is not a valid Ed25519 public key");
    }

    @Test
    void refusesAnEd448KeyThatIsNotAPointAtImport() {
        byte[] allOnes = new byte[57];
        Arrays.fill(allOnes, (byte) 0xff);
        refused(Map.of("kty", "OKP", "crv", "Ed448", "x", b64(allOnes)), "'x' is not a valid Ed448 public key");
    }

    @Test
    void refusesAnIndefiniteLengthCertificateAsNotDer() {
        byte[] ber = {0x30, (byte) 0x80, 0x02, 0x01, 0x00, 0x00, 0x00};
        KeyImportException e = assertThrows(KeyImportException.class, () -> backend.readCertificateKey(ber));
        assertEquals("certificate is not DER-encoded", e.getMessage());
    }

    @Test
    void refusesAnMlDsaCertificateWithParametersOrAKeyOfTheWrongLengthInItsOwnWords() {
        KeyImportException withNull = assertThrows(KeyImportException.class,
                () -> backend.readCertificateKey(TestCertificates.mlDsaWithNullParameters("mldsa-65")));
        assertEquals("certificate's ML-DSA-65 key has algorithm parameters, which RFC 9881 forbids", withNull.getMessage());
        KeyImportException shorter = assertThrows(KeyImportException.class,
                () -> backend.readCertificateKey(TestCertificates.mlDsaWithKeyLength("mldsa-44", 1311)));
        assertEquals("certificate's ML-DSA-44 public key must be 1312 bytes, got 1311", shorter.getMessage());
        KeyImportException longer = assertThrows(KeyImportException.class,
                () -> backend.readCertificateKey(TestCertificates.mlDsaWithKeyLength("mldsa-87", 2593)));
        assertEquals("certificate's ML-DSA-87 public key must be 2592 bytes, got 2593", longer.getMessage());
    }

    @Test
    void toStringNamesTheKindAndSizeOnly() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey p256 = (ECPublicKey) ec.generateKeyPair().getPublic();
        Map<String, Object> ecMembers = new LinkedHashMap<>();
        ecMembers.put("kty", "EC");
        ecMembers.put("crv", "P-256");
        ecMembers.put("x", b64(BigIntegers.asUnsignedByteArray(32, p256.getW().getAffineX())));
        ecMembers.put("y", b64(BigIntegers.asUnsignedByteArray(32, p256.getW().getAffineY())));
        assertEquals("OctKey[256 bits]", backend.importKey(new KeyParameters.Oct(new byte[32])).toString());
        assertEquals("RsaKey[2048 bits]", backend.importKey(PublicParameters.of(Jwk.of(rsaJwk(rsa2048.getModulus())))).toString());
        assertEquals("EcKey[P-256]", backend.importKey(PublicParameters.of(Jwk.of(ecMembers))).toString());
        assertEquals("EcKey[secp256k1]", backend.importKey(new Secp256k1Signer().keyParameters()).toString());
    }
}
