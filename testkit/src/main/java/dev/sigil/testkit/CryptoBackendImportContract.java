package dev.sigil.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.Jwk;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.KeyImportException;
import dev.sigil.spi.KeyParameters;
import dev.sigil.spi.VerificationKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What keys a backend builds, what keys a verifier over it refuses, and the words it refuses them
 * in: the messages here are the ones Sigil shares across backends (lower case, naming the member
 * and the limit, never the key material). Refusals are checked through a verifier, the path every
 * key takes (core's checks, then {@link CryptoBackend#importKey}'s arithmetic); building keys and
 * reading certificates ({@link CryptoBackend#readCertificateKey}) are checked on the backend
 * directly. A message a backend words its own way is that backend's module's to test.
 *
 * <pre>{@code
 * class JcaImportContractTest extends CryptoBackendImportContract {
 *     @Override
 *     protected CryptoBackend newBackend() {
 *         return new JcaCryptoBackend();
 *     }
 * }
 * }</pre>
 */
// Tagged so that .ci/run's JDK 25 pass runs it again, where backend-jca imports ML-DSA certificates' keys.
@Tag("conformance")
public abstract class CryptoBackendImportContract extends CryptoBackendContract {

    private static final List<JwsAlgorithm> ECDSA =
            List.of(JwsAlgorithm.ES256, JwsAlgorithm.ES384, JwsAlgorithm.ES512, JwsAlgorithm.ES256K);

    /** The reason a verifier over the backend drops the key for, which must contain {@code expectedMessagePart}. */
    private String refused(Map<String, Object> members, String expectedMessagePart) throws Exception {
        return refused(UnaryOperator.identity(), members, expectedMessagePart);
    }

    private String refused(UnaryOperator<JwtVerifier.Builder> configure, Map<String, Object> members,
            String expectedMessagePart) throws Exception {
        List<String> dropped = dropped(configure, Jwk.of(with(members, "kid", "refused")));
        assertEquals(1, dropped.size(), () -> "backend '" + backend().name() + "' must refuse: " + expectedMessagePart
                + "; dropped: " + dropped);
        String reason = dropped.get(0);
        assertTrue(reason.startsWith("refused: ") && reason.contains(expectedMessagePart), () -> "reason was: " + reason);
        return reason;
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

    private static String b64(byte[] bytes) {
        return WycheproofSignatures.b64(bytes);
    }

    private Map<String, Object> members(JwsAlgorithm alg) throws Exception {
        return new LinkedHashMap<>(signer(alg).jwk().asMap());
    }

    private Map<String, Object> rsa2048() throws Exception {
        assumeSupports(JwsAlgorithm.RS256);
        return members(JwsAlgorithm.RS256);
    }

    private Map<String, Object> p256() throws Exception {
        assumeSupports(JwsAlgorithm.ES256);
        return members(JwsAlgorithm.ES256);
    }

    /** The ECDSA algorithms the backend claims and that a signer exists for. */
    private List<JwsAlgorithm> signableEcdsa() throws Exception {
        List<JwsAlgorithm> algs = new ArrayList<>();
        for (JwsAlgorithm alg : ECDSA) {
            if (supports(alg) && (GeneratedKeys.SIGNABLE.contains(alg) || signerBeyondTheJdk(alg).isPresent())) {
                algs.add(alg);
            }
        }
        return algs;
    }

    // ---- RSA ----------------------------------------------------------------------------------

    @Test
    void refusesA1024BitRsaKeyByDefault() throws Exception {
        assumeSupports(JwsAlgorithm.RS256);
        Map<String, Object> rsa1024 = GeneratedKeys.rsaJwk(GeneratedKeys.rsa(1024).getModulus(), BigInteger.valueOf(65537));
        refused(rsa1024, "rsa modulus of 1024 bits is below the minimum of 2048");
    }

    @Test
    void acceptsA1024BitRsaKeyWhenTheVerifiersMinimumIsLowered() throws Exception {
        assumeSupports(JwsAlgorithm.RS256);
        JwsSigner small = GeneratedKeys.rsaSigner(JwsAlgorithm.RS256, GeneratedKeys.generate("RSA", 1024));
        // The size policy is the verifier's: the backend builds and uses what it is given.
        VerificationKey key = backend().importKey(small.keyParameters());
        assertEquals(1024, key.sizeBits());
        byte[] data = "a.b".getBytes(StandardCharsets.US_ASCII);
        assertTrue(backend().verify(JwsAlgorithm.RS256, key, data, 0, data.length, small.sign(data)));
        assertEquals(List.of(), dropped(builder -> builder.minRsaKeySize(1024), small.jwk()));
    }

    @Test
    void refusesAnEvenRsaExponent() throws Exception {
        refused(with(rsa2048(), "e", b64(new byte[] {0x01, 0x00, 0x00})), "rsa public exponent is even");
    }

    @Test
    void refusesRsaExponentOne() throws Exception {
        refused(with(rsa2048(), "e", "AQ"), "rsa public exponent is below 3");
    }

    @Test
    void refusesAnRsaExponentLongerThan256Bits() throws Exception {
        byte[] e = GeneratedKeys.unsigned(BigInteger.ONE.shiftLeft(256).add(BigInteger.ONE));
        refused(with(rsa2048(), "e", b64(e)), "exceeds 256 bits");
    }

    @Test
    void refusesAnEvenRsaModulus() throws Exception {
        BigInteger even = BigInteger.ONE.shiftLeft(2047);
        refused(with(rsa2048(), "n", b64(GeneratedKeys.unsigned(even))), "rsa modulus is even");
    }

    @Test
    void refusesAnRsaModulusAboveTheVerifiersMaximum() throws Exception {
        BigInteger huge = BigInteger.ONE.shiftLeft(16384).add(BigInteger.ONE);
        refused(builder -> builder.maxRsaKeySize(16384), with(rsa2048(), "n", b64(GeneratedKeys.unsigned(huge))),
                "rsa modulus of 16385 bits is above the verifier's limit of 16384");
    }

    @Test
    void refusesMalformedBase64InTheModulus() throws Exception {
        refused(with(rsa2048(), "n", "not+base64url/="), "'n' is not valid base64url");
    }

    @Test
    void refusesAModulusThatIsNotAString() throws Exception {
        refused(with(rsa2048(), "n", 12345L), "'n' must be a string");
    }

    @Test
    void refusesAnRsaKeyWithoutExponent() throws Exception {
        refused(without(rsa2048(), "e"), "RSA key has no 'e'");
    }

    @Test
    void acceptsAModulusWithALeadingZeroByteAsTheSameKey() throws Exception {
        // RFC 7518 asks for the minimal encoding, but some issuers have published a sign byte; the
        // number is the same, so the key is the same.
        Map<String, Object> members = rsa2048();
        byte[] n = Base64.getUrlDecoder().decode((String) members.get("n"));
        byte[] padded = new byte[n.length + 1];
        System.arraycopy(n, 0, padded, 1, n.length);
        KeyParameters parameters = PublicParameters.of(Jwk.of(with(members, "n", b64(padded))));
        assertEquals(PublicParameters.of(Jwk.of(members)), parameters);
        assertEquals(2048, backend().importKey(parameters).sizeBits());
        assertEquals(List.of(), dropped(UnaryOperator.identity(), Jwk.of(with(members, "n", b64(padded)))));
    }

    // ---- EC -----------------------------------------------------------------------------------

    @Test
    void refusesAnEcPointNotOnTheCurveOfEachClaimedAlgorithm() throws Exception {
        for (JwsAlgorithm alg : signableEcdsa()) {
            Map<String, Object> members = members(alg);
            byte[] y = Base64.getUrlDecoder().decode((String) members.get("y"));
            y[y.length - 1] ^= 1;
            refused(with(members, "y", b64(y)), "ec point is not on curve " + alg.requiredCurve());
            refused(with(members, "y", members.get("x")), "ec point is not on curve " + alg.requiredCurve());
        }
    }

    @Test
    void refusesAnEcCoordinateEqualToTheFieldPrime() throws Exception {
        assumeSupports(JwsAlgorithm.ES256);
        ECPublicKey key = GeneratedKeys.ec(JwsAlgorithm.ES256);
        Map<String, Object> members = GeneratedKeys.ecJwk(key);
        BigInteger p = ((ECFieldFp) key.getParams().getCurve().getField()).getP();
        BigInteger x = key.getW().getAffineX();
        // x + p is congruent to x, so only the range check can see that this is not a canonical point.
        if (x.add(p).bitLength() <= 256) {
            refused(with(members, "x", b64(GeneratedKeys.fixed(x.add(p), 32))), "ec point is not on curve P-256");
        }
        refused(with(members, "x", b64(GeneratedKeys.fixed(p, 32))), "ec point is not on curve P-256");
    }

    @Test
    void refusesAnEcCoordinateOfTheWrongLength() throws Exception {
        Map<String, Object> members = p256();
        byte[] x = Base64.getUrlDecoder().decode((String) members.get("x"));
        byte[] longer = new byte[33];
        System.arraycopy(x, 0, longer, 1, 32);
        refused(with(members, "x", b64(longer)), "'x' must be 32 bytes for P-256, got 33");
        refused(with(members, "x", b64(Arrays.copyOf(x, 31))), "'x' must be 32 bytes for P-256, got 31");
    }

    @Test
    void refusesUnsupportedCurvesAndSecp256k1UnlessEs256kIsClaimed() throws Exception {
        Map<String, Object> members = p256();
        refused(with(members, "crv", "P-192"), "unsupported curve 'P-192'");
        refused(with(members, "crv", "secp256r1"), "unsupported curve 'secp256r1'");
        refused(without(members, "crv"), "EC key has no 'crv'");
        if (!supports(JwsAlgorithm.ES256K)) {
            refused(with(members, "crv", "secp256k1"), "unsupported curve 'secp256k1'");
        }
    }

    @Test
    void refusesAnEcKeyWithoutY() throws Exception {
        refused(without(p256(), "y"), "EC key has no 'y'");
    }

    // ---- OKP ----------------------------------------------------------------------------------

    @Test
    void refusesAnOkpKeyOfTheWrongLength() throws Exception {
        assumeSupports(JwsAlgorithm.Ed25519);
        assumeSupports(JwsAlgorithm.Ed448);
        Map<String, Object> ed25519 = members(JwsAlgorithm.Ed25519);
        refused(with(ed25519, "x", b64(new byte[31])), "'x' must be 32 bytes for Ed25519, got 31");
        refused(with(ed25519, "x", b64(new byte[57])), "'x' must be 32 bytes for Ed25519, got 57");
        Map<String, Object> ed448 = members(JwsAlgorithm.Ed448);
        refused(with(ed448, "x", b64(new byte[32])), "'x' must be 57 bytes for Ed448, got 32");
    }

    @Test
    void refusesKeyAgreementCurves() throws Exception {
        refused(Map.of("kty", "OKP", "crv", "X25519", "x", b64(new byte[32])), "curve X25519 is for key agreement");
        refused(Map.of("kty", "OKP", "crv", "X448", "x", b64(new byte[56])), "curve X448 is for key agreement");
        refused(Map.of("kty", "OKP", "crv", "Ed1174", "x", b64(new byte[32])), "unsupported curve 'Ed1174'");
    }

    // ---- oct and the rest ---------------------------------------------------------------------

    @Test
    void refusesAnEmptyOrMissingSecret() throws Exception {
        refused(Map.of("kty", "oct", "k", ""), "oct key 'k' is empty");
        refused(Map.of("kty", "oct"), "oct key has no 'k'");
    }

    @Test
    void refusesKeysCarryingPrivateMaterial() throws Exception {
        String d = b64(GeneratedKeys.randomBytes(32));
        for (JwsAlgorithm alg : signableEcdsa()) {
            String reason = refused(with(members(alg), "d", d), "carries private key material");
            assertFalse(reason.contains(d), alg.name());
        }
        refused(with(rsa2048(), "p", "AQAB"), "carries private key material");
        refused(Map.of("kty", "oct", "k", b64(new byte[32]), "d", "AQAB"), "carries private key material");
    }

    @Test
    void refusesUnknownKeyTypes() throws Exception {
        refused(Map.of("kty", "foo"), "unsupported key type 'foo'");
    }

    @Test
    void neverQuotesTheSecretOrPublicParametersInMessages() throws Exception {
        String k = b64(GeneratedKeys.randomBytes(32));
        Map<String, Object> members = p256();
        String notOnCurve = refused(with(members, "y", members.get("x")), "not on curve");
        assertFalse(notOnCurve.contains((String) members.get("x")));
        String privateOct = refused(Map.of("kty", "oct", "k", k, "qi", "AQAB"), "private");
        assertFalse(privateOct.contains(k));
    }

    // ---- The keys themselves ------------------------------------------------------------------

    @Test
    void describesEachKeyByTypeCurveAndSize() throws Exception {
        assertDescribed(backend().importKey(PublicParameters.of(Jwk.of(rsa2048()))), "RSA", null, 2048);
        for (JwsAlgorithm alg : signableEcdsa()) {
            int bits = alg == JwsAlgorithm.ES512 ? 521 : 8 * alg.componentLength();
            assertDescribed(backend().importKey(signer(alg).keyParameters()), "EC", alg.requiredCurve(), bits);
        }
        if (supports(JwsAlgorithm.Ed25519)) {
            assertDescribed(backend().importKey(signer(JwsAlgorithm.Ed25519).keyParameters()), "OKP", "Ed25519", 256);
        }
        if (supports(JwsAlgorithm.Ed448)) {
            assertDescribed(backend().importKey(signer(JwsAlgorithm.Ed448).keyParameters()), "OKP", "Ed448", 456);
        }
        assertDescribed(backend().importKey(GeneratedKeys.hmacSigner(JwsAlgorithm.HS256, new byte[40]).keyParameters()), "oct", null, 320);
    }

    private static void assertDescribed(VerificationKey key, String type, String curve, int bits) {
        assertEquals(type, key.keyType(), key.toString());
        if (curve == null) {
            assertNull(key.curve(), key.toString());
        } else {
            assertEquals(curve, key.curve(), key.toString());
        }
        assertEquals(bits, key.sizeBits(), key.toString());
    }

    @Test
    void importsMlDsaKeysOfTheSetsItClaimsAndRefusesTheOthers() throws Exception {
        byte[] pub = GeneratedKeys.randomBytes(1952);
        KeyParameters.Akp akp = new KeyParameters.Akp("ML-DSA-65", pub);
        if (supports(JwsAlgorithm.ML_DSA_65)) {
            assertDescribed(backend().importKey(akp), "AKP", null, 1952 * 8);
        } else {
            KeyImportException e = assertThrows(KeyImportException.class, () -> backend().importKey(akp));
            assertTrue(e.getMessage().contains("ML-DSA"), e.getMessage());
        }
    }

    @Test
    void toStringShowsNoKeyMaterial() throws Exception {
        byte[] secret = GeneratedKeys.randomBytes(32);
        String octText = backend().importKey(GeneratedKeys.hmacSigner(JwsAlgorithm.HS256, secret).keyParameters()).toString();
        assertFalse(octText.contains(b64(secret)), octText);
        Map<String, Object> ec = p256();
        String ecText = backend().importKey(PublicParameters.of(Jwk.of(ec))).toString();
        assertFalse(ecText.contains((String) ec.get("x")) || ecText.contains((String) ec.get("y")), ecText);
    }

    // ---- Certificates -------------------------------------------------------------------------

    /** Every test certificate: name, algorithm, type, curve, bits. */
    private static final List<Object[]> CERTIFICATES = List.of(
            new Object[] {"rsa-2048", JwsAlgorithm.RS256, "RSA", null, 2048},
            new Object[] {"ec-p256", JwsAlgorithm.ES256, "EC", "P-256", 256},
            new Object[] {"ed25519", JwsAlgorithm.Ed25519, "OKP", "Ed25519", 256},
            new Object[] {"mldsa-44", JwsAlgorithm.ML_DSA_44, "AKP", null, 1312 * 8},
            new Object[] {"mldsa-65", JwsAlgorithm.ML_DSA_65, "AKP", null, 1952 * 8},
            new Object[] {"mldsa-87", JwsAlgorithm.ML_DSA_87, "AKP", null, 2592 * 8});

    private static final List<String> ML_DSA_CERTIFICATES = List.of("mldsa-44", "mldsa-65", "mldsa-87");

    /** The test certificates whose algorithm the backend claims: name, algorithm, type, curve, bits. */
    private List<Object[]> certificates() {
        List<Object[]> claimed = new ArrayList<>();
        for (Object[] certificate : CERTIFICATES) {
            if (supports((JwsAlgorithm) certificate[1])) {
                claimed.add(certificate);
            }
        }
        return claimed;
    }

    @Test
    void readsEachCertificateKeyAsTheSameParametersAsItsJwk() throws Exception {
        for (Object[] certificate : certificates()) {
            String name = (String) certificate[0];
            KeyParameters fromCertificate = backend().readCertificateKey(TestCertificates.der(name));
            assertEquals(PublicParameters.of(Jwk.of(TestCertificates.jwk(name))), fromCertificate, name);
            assertDescribed(backend().importKey(fromCertificate), (String) certificate[2], (String) certificate[3],
                    (Integer) certificate[4]);
        }
    }

    @Test
    void findsEachCertificateKeyDifferentFromAnotherKeyOfTheSameKind() throws Exception {
        for (Object[] certificate : certificates()) {
            String name = (String) certificate[0];
            KeyParameters fromCertificate = backend().readCertificateKey(TestCertificates.der(name));
            JwsAlgorithm alg = (JwsAlgorithm) certificate[1];
            // Any ML-DSA key of the set's length will do, and needs no signer beyond the JDK's.
            KeyParameters other = alg.family() == JwsAlgorithm.Family.ML_DSA
                    ? new KeyParameters.Akp(alg.joseName(), GeneratedKeys.randomBytes(((Integer) certificate[4]) / 8))
                    : signer(alg).keyParameters();
            assertNotEquals(other, fromCertificate, name);
        }
    }

    /**
     * Reading a certificate's key only parses it: a backend reads an ML-DSA certificate's key even
     * where it cannot verify ML-DSA (backend-jca before JDK 24), and refuses it at import, in its own
     * words, naming the set. Core compares what it reads with the JWK's own alg and pub.
     */
    @Test
    void readsMlDsaCertificateKeysWhetherOrNotItOffersMlDsa() throws Exception {
        for (Object[] certificate : CERTIFICATES) {
            String name = (String) certificate[0];
            JwsAlgorithm alg = (JwsAlgorithm) certificate[1];
            if (!ML_DSA_CERTIFICATES.contains(name)) {
                continue;
            }
            KeyParameters fromCertificate = backend().readCertificateKey(TestCertificates.der(name));
            Map<String, Object> jwk = TestCertificates.jwk(name);
            assertEquals(alg.joseName(), jwk.get("alg"), name);
            assertEquals(new KeyParameters.Akp(alg.joseName(), Base64.getUrlDecoder().decode((String) jwk.get("pub"))),
                    fromCertificate, name);
            if (supports(alg)) {
                assertDescribed(backend().importKey(fromCertificate), "AKP", null, (Integer) certificate[4]);
            } else {
                KeyImportException e = assertThrows(KeyImportException.class, () -> backend().importKey(fromCertificate));
                assertTrue(e.getMessage().contains(alg.joseName()), e.getMessage());
            }
        }
    }

    /**
     * RFC 9881 section 2: an ML-DSA SubjectPublicKeyInfo has no parameters, not even NULL, and its
     * key is the set's length. Each backend refuses such a certificate; its own tests check its words.
     */
    @Test
    void refusesMlDsaCertificatesWithParametersOrAKeyOfTheWrongLength() throws Exception {
        for (String name : ML_DSA_CERTIFICATES) {
            Map<String, Object> jwk = TestCertificates.jwk(name);
            int length = Base64.getUrlDecoder().decode((String) jwk.get("pub")).length;
            // The surgery itself is sound: the key at its own length gives the certificate's key back.
            assertEquals(backend().readCertificateKey(TestCertificates.der(name)),
                    backend().readCertificateKey(TestCertificates.mlDsaWithKeyLength(name, length)), name);
            assertThrows(KeyImportException.class,
                    () -> backend().readCertificateKey(TestCertificates.mlDsaWithNullParameters(name)), name + " NULL");
            for (int wrong : new int[] {length - 1, length + 1, 0}) {
                assertThrows(KeyImportException.class,
                        () -> backend().readCertificateKey(TestCertificates.mlDsaWithKeyLength(name, wrong)), name + " " + wrong);
            }
        }
    }

    @Test
    void findsKeysOfDifferentCertificatesDifferent() throws Exception {
        List<Object[]> certificates = certificates();
        for (Object[] first : certificates) {
            for (Object[] second : certificates) {
                if (first != second) {
                    KeyParameters a = backend().readCertificateKey(TestCertificates.der((String) first[0]));
                    KeyParameters b = backend().readCertificateKey(TestCertificates.der((String) second[0]));
                    assertNotEquals(a, b, first[0] + " and " + second[0]);
                }
            }
        }
    }

    private void certificateRefused(byte[] der, String message) {
        KeyImportException e = assertThrows(KeyImportException.class, () -> backend().readCertificateKey(der));
        assertEquals(message, e.getMessage());
    }

    @Test
    void refusesGarbage() {
        byte[] garbage = "definitely not a certificate".getBytes(StandardCharsets.US_ASCII);
        assertThrows(KeyImportException.class, () -> backend().readCertificateKey(garbage));
        assertThrows(KeyImportException.class, () -> backend().readCertificateKey(new byte[0]));
        assertThrows(KeyImportException.class, () -> backend().readCertificateKey(new byte[] {0x30}));
        certificateRefused(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}, "certificate cannot be parsed");
    }

    @Test
    void refusesALengthBeyondTheInputWithoutAllocatingIt() {
        // SEQUENCE of length 0x7fffffff: the parser must stop at the input's end, not trust the length.
        certificateRefused(new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x02, 0x01, 0x00},
                "certificate cannot be parsed");
    }

    @Test
    void refusesATruncatedCertificate() {
        byte[] der = TestCertificates.der("ec-p256");
        certificateRefused(Arrays.copyOf(der, der.length - 1), "certificate cannot be parsed");
    }

    @Test
    void refusesTrailingBytesAfterTheCertificate() {
        byte[] der = TestCertificates.der("ec-p256");
        certificateRefused(Arrays.copyOf(der, der.length + 2), "certificate is followed by 2 trailing bytes");
    }

    @Test
    void refusesPemBecauseX5cHoldsDer() {
        byte[] der = TestCertificates.der("ec-p256");
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END CERTIFICATE-----\n";
        certificateRefused(pem.getBytes(StandardCharsets.US_ASCII), "certificate is not DER-encoded");
    }

    @Test
    void refusesAnIndefiniteLengthOuterSequence() {
        // The backends word this one differently; each module's own tests check its message.
        byte[] ber = {0x30, (byte) 0x80, 0x02, 0x01, 0x00, 0x00, 0x00};
        assertThrows(KeyImportException.class, () -> backend().readCertificateKey(ber));
    }

    @Test
    void appliesTheRsaKeySizePolicyToCertificatesToo() throws Exception {
        assumeSupports(JwsAlgorithm.RS256);
        Map<String, Object> certificateOnly = new LinkedHashMap<>();
        certificateOnly.put("kty", "RSA");
        certificateOnly.put("x5c", TestCertificates.jwkWithCertificate("rsa-2048").get("x5c"));
        refused(builder -> builder.minRsaKeySize(3072), certificateOnly, "rsa modulus of 2048 bits is below the minimum of 3072");
    }
}
