package dev.sigil.backend.bouncycastle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.Jwk;
import dev.sigil.jwt.JwsAlgorithm;
import dev.sigil.spi.KeyImportException;
import dev.sigil.spi.VerificationKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What importKey accepts, what it refuses, and why: the same as the JCA backend, plus secp256k1. */
class KeyImportTest {

    private static KeyPair rsa2048;
    private static KeyPair rsa1024;
    private static KeyPair p256;

    private final BouncyCastleCryptoBackend backend = new BouncyCastleCryptoBackend();

    @BeforeAll
    static void generateKeys() throws Exception {
        rsa2048 = TestKeys.Kind.RSA_2048.generate();
        rsa1024 = TestKeys.rsa(1024);
        p256 = TestKeys.Kind.P256.generate();
    }

    private KeyImportException refused(Map<String, Object> members, String expectedMessagePart) {
        KeyImportException e = assertThrows(KeyImportException.class, () -> backend.importKey(Jwk.of(members)));
        assertTrue(e.getMessage().contains(expectedMessagePart), () -> "message was: " + e.getMessage());
        return e;
    }

    private static Map<String, Object> with(Map<String, Object> members, String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(members);
        copy.put(name, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> members, String name) {
        Map<String, Object> copy = new LinkedHashMap<>(members);
        copy.remove(name);
        return copy;
    }

    // RSA

    @Test
    void refusesA1024BitRsaKeyByDefault() {
        refused(TestKeys.jwkMembers(rsa1024.getPublic()), "rsa modulus of 1024 bits is below the minimum of 2048");
    }

    @Test
    void acceptsA1024BitRsaKeyWhenTheMinimumIsLowered() throws Exception {
        BouncyCastleCryptoBackend lenient = BouncyCastleCryptoBackend.builder().minimumRsaKeySize(1024).build();
        VerificationKey key = lenient.importKey(TestKeys.jwk(rsa1024.getPublic()));
        assertEquals(1024, key.sizeBits());
        byte[] data = "a.b".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = TestKeys.sign(JwsAlgorithm.RS256, rsa1024.getPrivate(), data);
        assertTrue(lenient.verify(JwsAlgorithm.RS256, key, data, 0, data.length, signature));
    }

    @Test
    void builderRefusesMinimumsOutsideTheBounds() {
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
                () -> BouncyCastleCryptoBackend.builder().minimumRsaKeySize(1023));
        assertEquals("minimumRsaKeySize(1023) must be from 1024 to 16384 bits", low.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BouncyCastleCryptoBackend.builder().minimumRsaKeySize(16385));
        BouncyCastleCryptoBackend strict = BouncyCastleCryptoBackend.builder().minimumRsaKeySize(3072).build();
        KeyImportException e = assertThrows(KeyImportException.class, () -> strict.importKey(TestKeys.jwk(rsa2048.getPublic())));
        assertEquals("rsa modulus of 2048 bits is below the minimum of 3072", e.getMessage());
    }

    @Test
    void refusesAnEvenRsaExponent() {
        refused(with(TestKeys.jwkMembers(rsa2048.getPublic()), "e", TestKeys.b64(new byte[] {0x01, 0x00, 0x00})),
                "rsa public exponent is even");
    }

    @Test
    void refusesRsaExponentOne() {
        refused(with(TestKeys.jwkMembers(rsa2048.getPublic()), "e", "AQ"), "rsa public exponent is below 3");
    }

    @Test
    void refusesAnRsaExponentLongerThan256Bits() {
        byte[] e = TestKeys.unsigned(BigInteger.ONE.shiftLeft(256).add(BigInteger.ONE));
        refused(with(TestKeys.jwkMembers(rsa2048.getPublic()), "e", TestKeys.b64(e)), "exceeds 256 bits");
    }

    @Test
    void refusesAnEvenRsaModulus() {
        BigInteger even = BigInteger.ONE.shiftLeft(2047);
        refused(with(TestKeys.jwkMembers(rsa2048.getPublic()), "n", TestKeys.b64(TestKeys.unsigned(even))), "rsa modulus is even");
    }

    @Test
    void refusesAnRsaModulusAbove16384Bits() {
        BigInteger huge = BigInteger.ONE.shiftLeft(16384).add(BigInteger.ONE);
        refused(with(TestKeys.jwkMembers(rsa2048.getPublic()), "n", TestKeys.b64(TestKeys.unsigned(huge))),
                "rsa modulus of 16385 bits exceeds the maximum of 16384");
    }

    @Test
    void refusesAnRsaModulusWithASmallFactorAsBouncyCastleDoes() {
        // Stricter than the JCA backend: BouncyCastle refuses moduli no RSA key generator produces.
        BigInteger n = ((RSAPublicKey) rsa2048.getPublic()).getModulus().multiply(BigInteger.valueOf(3));
        KeyImportException e = refused(with(TestKeys.jwkMembers(rsa2048.getPublic()), "n", TestKeys.b64(TestKeys.unsigned(n))),
                "bouncycastle refused the RSA key (IllegalArgumentException)");
        assertEquals(IllegalArgumentException.class, e.getCause().getClass());
    }

    @Test
    void refusesMalformedBase64InTheModulus() {
        refused(with(TestKeys.jwkMembers(rsa2048.getPublic()), "n", "not+base64url/="), "'n' is not valid base64url");
    }

    @Test
    void refusesAModulusThatIsNotAString() {
        refused(with(TestKeys.jwkMembers(rsa2048.getPublic()), "n", 12345L), "'n' must be a string");
    }

    @Test
    void refusesAnRsaKeyWithoutExponent() {
        refused(without(TestKeys.jwkMembers(rsa2048.getPublic()), "e"), "RSA key has no 'e'");
    }

    @Test
    void acceptsAModulusWithALeadingZeroByteAsTheSameKey() throws Exception {
        Map<String, Object> members = TestKeys.jwkMembers(rsa2048.getPublic());
        byte[] n = Base64.getUrlDecoder().decode((String) members.get("n"));
        byte[] padded = new byte[n.length + 1];
        System.arraycopy(n, 0, padded, 1, n.length);
        VerificationKey key = backend.importKey(Jwk.of(with(members, "n", TestKeys.b64(padded))));
        assertTrue(key.samePublicKey(backend.importKey(Jwk.of(members))));
        assertEquals(2048, key.sizeBits());
    }

    // EC

    @Test
    void refusesAnEcPointNotOnTheCurve() {
        Map<String, Object> members = TestKeys.jwkMembers(p256.getPublic());
        BigInteger y = ((ECPublicKey) p256.getPublic()).getW().getAffineY();
        refused(with(members, "y", TestKeys.b64(TestKeys.unsigned(y.flipBit(0), 32))), "ec point is not on curve P-256");
    }

    @Test
    void refusesASecp256k1PointNotOnTheCurve() {
        Map<String, Object> members = new TestKeys.Secp256k1().jwkMembers();
        refused(with(members, "y", members.get("x")), "ec point is not on curve secp256k1");
    }

    @Test
    void refusesAnEcCoordinateEqualToTheFieldPrime() {
        Map<String, Object> members = TestKeys.jwkMembers(p256.getPublic());
        BigInteger p = ((ECFieldFp) ((ECPublicKey) p256.getPublic()).getParams().getCurve().getField()).getP();
        BigInteger x = ((ECPublicKey) p256.getPublic()).getW().getAffineX();
        // x + p is congruent to x, so only the range check can see that this is not a canonical point.
        if (x.add(p).bitLength() <= 256) {
            refused(with(members, "x", TestKeys.b64(TestKeys.unsigned(x.add(p), 32))), "ec point is not on curve P-256");
        }
        refused(with(members, "x", TestKeys.b64(TestKeys.unsigned(p, 32))), "ec point is not on curve P-256");
    }

    @Test
    void refusesAnEcCoordinateOfTheWrongLength() {
        Map<String, Object> members = TestKeys.jwkMembers(p256.getPublic());
        BigInteger x = ((ECPublicKey) p256.getPublic()).getW().getAffineX();
        refused(with(members, "x", TestKeys.b64(TestKeys.unsigned(x, 33))), "'x' must be 32 bytes for P-256, got 33");
        refused(with(members, "x", TestKeys.b64(Arrays.copyOf(TestKeys.unsigned(x, 32), 31))),
                "'x' must be 32 bytes for P-256, got 31");
    }

    @Test
    void refusesUnsupportedCurvesButAcceptsSecp256k1() throws Exception {
        Map<String, Object> members = TestKeys.jwkMembers(p256.getPublic());
        refused(with(members, "crv", "P-192"), "unsupported curve 'P-192'");
        refused(with(members, "crv", "secp256r1"), "unsupported curve 'secp256r1'");
        refused(without(members, "crv"), "EC key has no 'crv'");
        VerificationKey k1 = backend.importKey(new TestKeys.Secp256k1().jwk());
        assertEquals("secp256k1", k1.curve());
    }

    @Test
    void refusesAnEcKeyWithoutY() {
        refused(without(TestKeys.jwkMembers(p256.getPublic()), "y"), "EC key has no 'y'");
    }

    // OKP

    @Test
    void refusesAnOkpKeyOfTheWrongLength() throws Exception {
        Map<String, Object> ed25519 = TestKeys.jwkMembers(TestKeys.Kind.ED25519.generate().getPublic());
        refused(with(ed25519, "x", TestKeys.b64(new byte[31])), "'x' must be 32 bytes for Ed25519, got 31");
        refused(with(ed25519, "x", TestKeys.b64(new byte[57])), "'x' must be 32 bytes for Ed25519, got 57");
        Map<String, Object> ed448 = TestKeys.jwkMembers(TestKeys.Kind.ED448.generate().getPublic());
        refused(with(ed448, "x", TestKeys.b64(new byte[32])), "'x' must be 57 bytes for Ed448, got 32");
    }

    @Test
    void refusesAnEd25519KeyThatIsNotAPointAtImport() {
        // y = p (all ones but the low bits of 2^255 - 19) is not canonical; y = 2 has no x on the curve.
        byte[] nonCanonical = new byte[32];
        Arrays.fill(nonCanonical, (byte) 0xff);
        nonCanonical[0] = (byte) 0xed;
        nonCanonical[31] = 0x7f;
        refused(Map.of("kty", "OKP", "crv", "Ed25519", "x", TestKeys.b64(nonCanonical)), "'x' is not a valid Ed25519 public key");
        byte[] noX = new byte[32];
        noX[0] = 2;
        refused(Map.of("kty", "OKP", "crv", "Ed25519", "x", TestKeys.b64(noX)), "'x' is not a valid Ed25519 public key");
    }

    @Test
    void refusesAnEd448KeyThatIsNotAPointAtImport() {
        byte[] allOnes = new byte[57];
        Arrays.fill(allOnes, (byte) 0xff);
        refused(Map.of("kty", "OKP", "crv", "Ed448", "x", TestKeys.b64(allOnes)), "'x' is not a valid Ed448 public key");
    }

    @Test
    void refusesKeyAgreementCurves() {
        refused(Map.of("kty", "OKP", "crv", "X25519", "x", TestKeys.b64(new byte[32])), "curve X25519 is for key agreement");
        refused(Map.of("kty", "OKP", "crv", "X448", "x", TestKeys.b64(new byte[56])), "curve X448 is for key agreement");
        refused(Map.of("kty", "OKP", "crv", "Ed1174", "x", TestKeys.b64(new byte[32])), "unsupported curve 'Ed1174'");
    }

    // oct and the rest

    @Test
    void refusesAnEmptyOrMissingSecret() {
        refused(Map.of("kty", "oct", "k", ""), "oct key 'k' is empty");
        refused(Map.of("kty", "oct"), "oct key has no 'k'");
    }

    @Test
    void refusesKeysCarryingPrivateMaterial() {
        Map<String, Object> members = TestKeys.jwkMembers(p256.getPublic());
        String d = TestKeys.b64(TestKeys.randomBytes(32));
        KeyImportException e = refused(with(members, "d", d), "carries private key material");
        assertFalse(e.getMessage().contains(d));
        refused(with(TestKeys.jwkMembers(rsa2048.getPublic()), "p", "AQAB"), "carries private key material");
        refused(with(new TestKeys.Secp256k1().jwkMembers(), "d", d), "carries private key material");
        refused(Map.of("kty", "oct", "k", TestKeys.b64(new byte[32]), "d", "AQAB"), "carries private key material");
    }

    @Test
    void refusesUnknownKeyTypes() {
        refused(Map.of("kty", "foo"), "unsupported key type 'foo'");
    }

    @Test
    void neverQuotesTheSecretOrPublicParametersInMessages() {
        String k = TestKeys.b64(TestKeys.randomBytes(32));
        Map<String, Object> members = TestKeys.jwkMembers(p256.getPublic());
        KeyImportException notOnCurve = refused(with(members, "y", members.get("x")), "not on curve");
        assertFalse(notOnCurve.getMessage().contains((String) members.get("x")));
        KeyImportException privateOct = refused(Map.of("kty", "oct", "k", k, "qi", "AQAB"), "private");
        assertFalse(privateOct.getMessage().contains(k));
    }

    // The keys themselves

    @Test
    void describesEachKeyByTypeCurveAndSize() throws Exception {
        assertDescribed(backend.importKey(TestKeys.jwk(rsa2048.getPublic())), "RSA", null, 2048);
        assertDescribed(backend.importKey(TestKeys.jwk(p256.getPublic())), "EC", "P-256", 256);
        assertDescribed(backend.importKey(TestKeys.jwk(TestKeys.Kind.P384.generate().getPublic())), "EC", "P-384", 384);
        assertDescribed(backend.importKey(TestKeys.jwk(TestKeys.Kind.P521.generate().getPublic())), "EC", "P-521", 521);
        assertDescribed(backend.importKey(new TestKeys.Secp256k1().jwk()), "EC", "secp256k1", 256);
        assertDescribed(backend.importKey(TestKeys.jwk(TestKeys.Kind.ED25519.generate().getPublic())), "OKP", "Ed25519", 256);
        assertDescribed(backend.importKey(TestKeys.jwk(TestKeys.Kind.ED448.generate().getPublic())), "OKP", "Ed448", 456);
        assertDescribed(backend.importKey(TestKeys.octJwk(new byte[40])), "oct", null, 320);
    }

    private static void assertDescribed(VerificationKey key, String type, String curve, int bits) {
        assertEquals(type, key.keyType());
        if (curve == null) {
            assertNull(key.curve());
        } else {
            assertEquals(curve, key.curve());
        }
        assertEquals(bits, key.sizeBits());
    }

    @Test
    void toStringShowsNoKeyMaterial() throws Exception {
        byte[] secret = TestKeys.randomBytes(32);
        String octText = backend.importKey(TestKeys.octJwk(secret)).toString();
        assertEquals("OctKey[256 bits]", octText);
        assertEquals("RsaKey[2048 bits]", backend.importKey(TestKeys.jwk(rsa2048.getPublic())).toString());
        assertEquals("EcKey[P-256]", backend.importKey(TestKeys.jwk(p256.getPublic())).toString());
        assertEquals("EcKey[secp256k1]", backend.importKey(new TestKeys.Secp256k1().jwk()).toString());
        assertFalse(octText.contains(TestKeys.b64(secret)));
    }

    @Test
    void comparesKeysByValueAndSecretsByContent() throws Exception {
        Map<String, Object> ec = TestKeys.jwkMembers(p256.getPublic());
        assertTrue(backend.importKey(Jwk.of(ec)).samePublicKey(backend.importKey(Jwk.of(ec))));
        assertTrue(backend.importKey(Jwk.of(ec)).samePublicKey(new BouncyCastleCryptoBackend().importKey(Jwk.of(ec))));
        assertFalse(backend.importKey(Jwk.of(ec)).samePublicKey(backend.importKey(TestKeys.jwk(rsa2048.getPublic()))));
        Map<String, Object> k1 = new TestKeys.Secp256k1().jwkMembers();
        assertTrue(backend.importKey(Jwk.of(k1)).samePublicKey(backend.importKey(Jwk.of(k1))));
        assertFalse(backend.importKey(Jwk.of(k1)).samePublicKey(backend.importKey(Jwk.of(ec))));
        byte[] secret = TestKeys.randomBytes(32);
        byte[] other = secret.clone();
        other[31] ^= 1;
        assertTrue(backend.importKey(TestKeys.octJwk(secret)).samePublicKey(backend.importKey(TestKeys.octJwk(secret))));
        assertFalse(backend.importKey(TestKeys.octJwk(secret)).samePublicKey(backend.importKey(TestKeys.octJwk(other))));
        assertFalse(backend.importKey(TestKeys.octJwk(secret)).samePublicKey(null));
    }
}
