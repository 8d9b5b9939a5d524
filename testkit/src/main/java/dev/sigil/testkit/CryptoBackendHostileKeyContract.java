package dev.sigil.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksListener;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.spi.KeyParameters;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keys that let anyone forge, and keys that cost work before they are judged, in a key set a
 * hostile issuer publishes: each is dropped with a reason, before the backend builds anything, on
 * every backend. Driven through the path users take: the set's JSON through {@link JwkSet#parse},
 * then into a {@link JwtVerifier} with {@link JwtVerifier.Builder#keys} (the same signing-key
 * filter a remote set goes through), with the drops heard by a {@link JwksListener}.
 *
 * <p>The backend is wrapped in a pass-through that records the parameters of every key it is asked
 * to build (a certificate it is only asked to read), so each case also shows that a refused key
 * never reached the backend's arithmetic. Cases whose algorithm
 * the backend lacks (EdDSA under BC-FIPS) still check the drop, which Sigil's core makes; only the
 * token that would verify is skipped.
 *
 * <pre>{@code
 * class JcaHostileKeyContractTest extends CryptoBackendHostileKeyContract {
 *     @Override
 *     protected CryptoBackend newBackend() {
 *         return new JcaCryptoBackend();
 *     }
 * }
 * }</pre>
 */
public abstract class CryptoBackendHostileKeyContract extends CryptoBackendContract {

    private static final HexFormat HEX = HexFormat.of();
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final BigInteger ED25519_P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger ED448_P = BigInteger.ONE.shiftLeft(448).subtract(BigInteger.ONE.shiftLeft(224))
            .subtract(BigInteger.ONE);

    /** The eight points of small order on edwards25519 (RFC 7748's cofactor 8), as RFC 8032 encodes them. */
    static final List<String> ED25519_SMALL_ORDER = List.of(
            "0100000000000000000000000000000000000000000000000000000000000000",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000080",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa");

    /** The four points of small order on edwards448 (cofactor 4). */
    static final List<String> ED448_SMALL_ORDER = List.of(
            "01" + "00".repeat(56),
            "fe" + "ff".repeat(27) + "fe" + "ff".repeat(27) + "00",
            "00".repeat(56) + "80",
            "00".repeat(57));

    // ---- Edwards keys ---------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> dropsEverySmallOrderEd25519Key() {
        return ED25519_SMALL_ORDER.stream().map(hex -> DynamicTest.dynamicTest(hex, () ->
                assertDroppedBeforeTheBackend(okp("Ed25519", HEX.parseHex(hex)), smallOrder("Ed25519"))));
    }

    @TestFactory
    Stream<DynamicTest> dropsEverySmallOrderEd448Key() {
        return ED448_SMALL_ORDER.stream().map(hex -> DynamicTest.dynamicTest(hex, () ->
                assertDroppedBeforeTheBackend(okp("Ed448", HEX.parseHex(hex)), smallOrder("Ed448"))));
    }

    @TestFactory
    Stream<DynamicTest> dropsEveryEd25519EncodingWhoseYIsNotBelowP() {
        List<DynamicTest> tests = new ArrayList<>();
        // Every y from p to 2^255 - 1, that is p + 0 ... p + 18, with either sign bit.
        for (int i = 0; i < 19; i++) {
            for (boolean sign : new boolean[] {false, true}) {
                byte[] x = littleEndian(ED25519_P.add(BigInteger.valueOf(i)), 32, sign ? 255 : -1);
                tests.add(DynamicTest.dynamicTest("y = p + " + i + (sign ? ", sign bit set" : ""), () ->
                        assertDroppedBeforeTheBackend(okp("Ed25519", x), yNotBelowP("Ed25519"))));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> dropsEd448EncodingsWhoseYIsNotBelowP() {
        List<DynamicTest> tests = new ArrayList<>();
        BigInteger[] ys = {ED448_P, ED448_P.add(BigInteger.ONE), BigInteger.ONE.shiftLeft(448).subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(448), BigInteger.ONE.shiftLeft(455).subtract(BigInteger.ONE)};
        for (BigInteger y : ys) {
            for (boolean sign : new boolean[] {false, true}) {
                byte[] x = littleEndian(y, 57, sign ? 455 : -1);
                tests.add(DynamicTest.dynamicTest("y = " + y.toString(16) + (sign ? ", sign bit set" : ""), () ->
                        assertDroppedBeforeTheBackend(okp("Ed448", x), yNotBelowP("Ed448"))));
            }
        }
        return tests.stream();
    }

    @Test
    void dropsEdwardsEncodingsOfXZeroWithTheSignBitSet() throws Exception {
        // x = 0 has no negative: RFC 8032 sections 5.1.3 and 5.2.3 refuse these encodings.
        assertDroppedBeforeTheBackend(okp("Ed25519", littleEndian(BigInteger.ONE, 32, 255)), negativeZero("Ed25519"));
        assertDroppedBeforeTheBackend(okp("Ed25519", littleEndian(ED25519_P.subtract(BigInteger.ONE), 32, 255)),
                negativeZero("Ed25519"));
        assertDroppedBeforeTheBackend(okp("Ed448", littleEndian(BigInteger.ONE, 57, 455)), negativeZero("Ed448"));
        assertDroppedBeforeTheBackend(okp("Ed448", littleEndian(ED448_P.subtract(BigInteger.ONE), 57, 455)),
                negativeZero("Ed448"));
    }

    @Test
    void dropsEdwardsKeysOfTheWrongLength() throws Exception {
        assertDroppedBeforeTheBackend(okp("Ed25519", new byte[33]), "'x' must be 32 bytes for Ed25519, got 33");
        assertDroppedBeforeTheBackend(okp("Ed448", new byte[56]), "'x' must be 57 bytes for Ed448, got 56");
    }

    @Test
    void refusesATokenForgedWithTheEd25519IdentityPointAndAZeroScalar() throws Exception {
        refusesAForgedToken("Ed25519", 32, JwsAlgorithm.EdDSA);
        refusesAForgedToken("Ed25519", 32, JwsAlgorithm.Ed25519);
    }

    @Test
    void refusesATokenForgedWithTheEd448IdentityPointAndAZeroScalar() throws Exception {
        refusesAForgedToken("Ed448", 57, JwsAlgorithm.EdDSA);
        refusesAForgedToken("Ed448", 57, JwsAlgorithm.Ed448);
    }

    /**
     * With A and R the identity and S = 0, the check [S]B = R + [k]A holds for every message: a
     * verifier that kept such a key would accept this token, whatever its claims.
     */
    private void refusesAForgedToken(String curve, int length, JwsAlgorithm alg) throws Exception {
        byte[] identity = new byte[length];
        identity[0] = 1;
        Map<String, Object> key = okp(curve, identity);
        key.put("kid", "forged");
        Loaded loaded = load(key);
        byte[] signature = Arrays.copyOf(identity, 2 * length);
        String token = b64(("{\"alg\":\"" + alg.name() + "\",\"kid\":\"forged\"}").getBytes(StandardCharsets.UTF_8)) + "."
                + b64(("{\"sub\":\"anyone\",\"exp\":" + NOW.plusSeconds(3600).getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8))
                + "." + b64(signature);
        JwtVerificationException e = assertThrows(JwtVerificationException.class, () -> loaded.verifier.verify(token),
                "a token forged under a small-order " + curve + " key must never verify");
        if (supports(alg)) {
            assertEquals(JwtVerificationException.Reason.KEY_NOT_FOUND, e.reason(), e.getMessage());
        }
        assertEquals(List.of("forged: " + smallOrder(curve)), loaded.dropped);
    }

    @Test
    void dropsAnEd25519CertificateThatHoldsASmallOrderPoint() throws Exception {
        byte[] certificate = TestCertificates.der("ed25519");
        byte[] prefix = HEX.parseHex("302a300506032b6570032100");
        int at = indexOf(certificate, prefix) + prefix.length;
        // The same certificate with its key replaced by the identity; its signature no longer
        // matters, as Sigil checks neither signature nor chain of an x5c certificate.
        Arrays.fill(certificate, at, at + 32, (byte) 0);
        certificate[at] = 1;
        Loaded loaded = load(certificateOnly("OKP", "Ed25519", certificate));
        assertEquals(1, loaded.dropped.size(), () -> "dropped: " + loaded.dropped);
        if (supports(JwsAlgorithm.Ed25519)) {
            assertEquals("null: " + smallOrder("Ed25519"), loaded.dropped.get(0));
        }
        assertEquals(List.of("good"), loaded.imported, "only the good key is built");
    }

    // ---- RSA keys ---------------------------------------------------------------------------

    @Test
    void dropsSixHostile16384BitModuliOnTheirSizeAloneAtDefaultSettings() throws Exception {
        // Moduli a primality test would have to work through: odd, of full length, no factor below 1000.
        SecureRandom random = new SecureRandom();
        List<Map<String, Object>> keys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            BigInteger n;
            do {
                n = new BigInteger(16384, random).setBit(16383).setBit(0);
            } while (!n.gcd(smallPrimes(1000)).equals(BigInteger.ONE));
            Map<String, Object> key = GeneratedKeys.rsaJwk(n, BigInteger.valueOf(65537));
            key.put("kid", "hostile-" + i);
            keys.add(key);
        }
        Loaded loaded = load(keys.toArray(new Map[0]));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            expected.add("hostile-" + i + ": rsa modulus of 16384 bits is above the verifier's limit of 8192");
        }
        assertEquals(expected, loaded.dropped);
        assertEquals(List.of("good"), loaded.imported, "the backend never saw a hostile modulus");
    }

    @Test
    void dropsAnRsaExponentLongerThan256BitsBeforeTheBackend() throws Exception {
        Map<String, Object> key = GeneratedKeys.rsaJwk(modulus(), BigInteger.ONE.shiftLeft(300).add(BigInteger.ONE));
        assertDroppedBeforeTheBackend(key, "rsa public exponent of 301 bits exceeds 256 bits");
    }

    @Test
    void dropsRsaExponentsThatAreOneOrEvenBeforeTheBackend() throws Exception {
        BigInteger n = modulus();
        assertDroppedBeforeTheBackend(GeneratedKeys.rsaJwk(n, BigInteger.ONE), "rsa public exponent is below 3");
        assertDroppedBeforeTheBackend(GeneratedKeys.rsaJwk(n, BigInteger.valueOf(65536)), "rsa public exponent is even");
    }

    @Test
    void dropsAnEvenRsaModulusBeforeTheBackend() throws Exception {
        assertDroppedBeforeTheBackend(GeneratedKeys.rsaJwk(modulus().add(BigInteger.ONE), BigInteger.valueOf(65537)),
                "rsa modulus is even");
    }

    @Test
    void dropsAnRsaModulusWithASmallPrimeFactorBeforeTheBackend() throws Exception {
        BigInteger n = modulus().multiply(BigInteger.valueOf(997));
        assertDroppedBeforeTheBackend(GeneratedKeys.rsaJwk(n, BigInteger.valueOf(65537)), "rsa modulus has a small prime factor");
    }

    @Test
    void dropsAPrimeRsaModulusBeforeTheBackend() throws Exception {
        // With n prime, d = e^-1 mod (n - 1) is anyone's to compute.
        BigInteger n = BigInteger.probablePrime(2048, new SecureRandom());
        assertDroppedBeforeTheBackend(GeneratedKeys.rsaJwk(n, BigInteger.valueOf(65537)),
                "rsa modulus is prime, which lets anyone forge signatures");
    }

    @Test
    void dropsAnRsaModulusWhosePrimesAreTooCloseBeforeTheBackend() throws Exception {
        // Fermat's method factors p * q at once when q is p's next prime; and p * p at once too.
        // p at least 2^1023.5, so that p * p, and so p * q, is a full 2048 bits: smaller is refused on
        // its size alone, before Fermat's method is tried.
        BigInteger p;
        do {
            p = BigInteger.probablePrime(1024, new SecureRandom());
        } while (p.multiply(p).bitLength() != 2048);
        String reason = "rsa modulus factors at once by fermat's method, which lets anyone forge signatures";
        assertDroppedBeforeTheBackend(GeneratedKeys.rsaJwk(p.multiply(p.nextProbablePrime()), BigInteger.valueOf(65537)), reason);
        assertDroppedBeforeTheBackend(GeneratedKeys.rsaJwk(p.multiply(p), BigInteger.valueOf(65537)), reason);
    }

    // ---- EC and oct keys ------------------------------------------------------------------------

    @Test
    void dropsEcCoordinatesOfTheWrongLengthBeforeTheBackend() throws Exception {
        Map<String, Object> key = new LinkedHashMap<>(GeneratedKeys.signer(JwsAlgorithm.ES256).jwk().asMap());
        key.put("x", b64(new byte[33]));
        assertDroppedBeforeTheBackend(key, "'x' must be 32 bytes for P-256, got 33");
        key.put("x", b64(new byte[32]));
        key.put("y", b64(new byte[4096]));
        assertDroppedBeforeTheBackend(key, "'y' must be 32 bytes for P-256, got 4096");
    }

    @Test
    void dropsAnEcPointOffItsCurve() throws Exception {
        assumeSupports(JwsAlgorithm.ES256);
        Map<String, Object> key = new LinkedHashMap<>(GeneratedKeys.signer(JwsAlgorithm.ES256).jwk().asMap());
        key.put("y", b64(new byte[32]));
        key.put("kid", "off");
        Loaded loaded = load(key);
        assertEquals(1, loaded.dropped.size(), () -> "dropped: " + loaded.dropped);
        assertTrue(loaded.dropped.get(0).startsWith("off: "), () -> "dropped: " + loaded.dropped);
    }

    @Test
    void dropsAnEcCertificateWhosePointIsOffTheCurve() throws Exception {
        assumeSupports(JwsAlgorithm.ES256);
        byte[] certificate = TestCertificates.der("ec-p256");
        byte[] prefix = HEX.parseHex("03420004");
        int y = indexOf(certificate, prefix) + prefix.length + 32;
        // Same length, so the DER stays well-formed; Sigil checks no certificate signature.
        Arrays.fill(certificate, y, y + 32, (byte) 0);
        Loaded loaded = load(certificateOnly("EC", "P-256", certificate));
        assertEquals(1, loaded.dropped.size(), () -> "dropped: " + loaded.dropped);
    }

    @Test
    void dropsAnEcCertificateWhoseKeyIsThePointAtInfinity() throws Exception {
        assumeSupports(JwsAlgorithm.ES256);
        byte[] original = TestCertificates.der("ec-p256");
        // SEQUENCE { TBSCertificate SEQUENCE {.. SPKI SEQUENCE (0x59) {.., BIT STRING (0x42) 00 04 x y} ..} ..}:
        // the point becomes the one-byte infinity, and each enclosing length shrinks by 64.
        assertEquals(0x30, original[0] & 0xff);
        assertEquals(0x82, original[1] & 0xff, "outer length in two bytes");
        assertEquals(0x81, original[5] & 0xff, "tbsCertificate length in one byte, from 128 to 255");
        int spki = indexOf(original, HEX.parseHex("305930130607"));
        byte[] certificate = new byte[original.length - 64];
        System.arraycopy(original, 0, certificate, 0, spki + 2 + 0x15 + 4);
        int point = spki + 2 + 0x15;
        certificate[spki + 1] = 0x19;
        certificate[point + 1] = 0x02;
        certificate[point + 3] = 0x00;
        System.arraycopy(original, point + 4 + 64, certificate, point + 4, original.length - point - 4 - 64);
        setLength(certificate, 2, length(original, 2) - 64);
        certificate[6] = (byte) ((original[6] & 0xff) - 64);
        assertTrue((certificate[6] & 0xff) >= 0x80, "still a one-byte length after the 0x81");
        Loaded loaded = load(certificateOnly("EC", "P-256", certificate));
        assertEquals(1, loaded.dropped.size(), () -> "dropped: " + loaded.dropped);
        assertEquals(List.of("good"), loaded.imported, "infinity has no coordinates to build a key from");
    }

    @Test
    void dropsOctKeysThatAreEmptyTooShortOrTooLongBeforeTheBackend() throws Exception {
        assertDroppedBeforeTheBackend(Map.of("kty", "oct", "k", ""), "oct key 'k' is empty");
        assertDroppedBeforeTheBackend(Map.of("kty", "oct", "k", b64(new byte[16])),
                "oct key of 128 bits is shorter than the 256 bits HS256 needs (RFC 7518 section 3.2)");
        assertDroppedBeforeTheBackend(Map.of("kty", "oct", "k", b64(new byte[1025])),
                "oct key of 8200 bits is longer than the limit of 8192");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static String smallOrder(String curve) {
        return "okp key 'x' is a small-order point of " + curve + ", which lets anyone forge signatures";
    }

    private static String yNotBelowP(String curve) {
        return "okp key 'x' is not a canonical " + curve + " encoding: y is not below the field prime";
    }

    private static String negativeZero(String curve) {
        return "okp key 'x' is not a canonical " + curve + " encoding: x is zero but its sign bit is set";
    }

    private BigInteger modulus() throws Exception {
        return ((RSAPublicKey) sharedRsa().getPublic()).getModulus();
    }

    private void assertDroppedBeforeTheBackend(Map<String, Object> members, String reason) throws Exception {
        Map<String, Object> key = new LinkedHashMap<>(members);
        key.put("kid", "hostile");
        Loaded loaded = load(key);
        assertEquals(List.of("hostile: " + reason), loaded.dropped);
        assertEquals(List.of("good"), loaded.imported, "the hostile key never reached the backend");
    }

    private static Map<String, Object> okp(String curve, byte[] x) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("kty", "OKP");
        members.put("crv", curve);
        members.put("x", b64(x));
        return members;
    }

    /** {@code value} as {@code length} little-endian bytes (RFC 8032), with bit {@code signBit} set unless it is -1. */
    private static byte[] littleEndian(BigInteger value, int length, int signBit) {
        BigInteger v = signBit < 0 ? value : value.setBit(signBit);
        byte[] big = GeneratedKeys.fixed(v, length);
        byte[] little = new byte[length];
        for (int i = 0; i < length; i++) {
            little[i] = big[length - 1 - i];
        }
        return little;
    }

    private static BigInteger smallPrimes(int below) {
        BigInteger product = BigInteger.ONE;
        for (int i = 3; i < below; i += 2) {
            if (BigInteger.valueOf(i).isProbablePrime(30)) {
                product = product.multiply(BigInteger.valueOf(i));
            }
        }
        return product;
    }

    private static Map<String, Object> certificateOnly(String kty, String crv, byte[] certificate) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("kty", kty);
        members.put("crv", crv);
        members.put("x5c", List.of(Base64.getEncoder().encodeToString(certificate)));
        return members;
    }

    private static int length(byte[] der, int at) {
        return (der[at] & 0xff) << 8 | der[at + 1] & 0xff;
    }

    private static void setLength(byte[] der, int at, int length) {
        der[at] = (byte) (length >> 8);
        der[at + 1] = (byte) length;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalStateException("not found");
    }

    private static String b64(byte[] bytes) {
        return WycheproofSignatures.b64(bytes);
    }

    /** What a verifier made of a set: its drops, and which keys the backend was asked to build ("good" for the good one). */
    private static final class Loaded {
        final JwtVerifier verifier;
        final List<String> dropped;
        final List<String> imported;

        Loaded(JwtVerifier verifier, List<String> dropped, List<String> imported) {
            this.verifier = verifier;
            this.dropped = dropped;
            this.imported = imported;
        }
    }

    /**
     * Parses a set of the given keys plus a good one (kid {@code good}, so that {@code build()}
     * succeeds) from its JSON text, and loads it into a verifier over the backend.
     */
    @SafeVarargs
    private Loaded load(Map<String, Object>... hostile) throws Exception {
        JwsAlgorithm goodAlg = supports(JwsAlgorithm.ES256) ? JwsAlgorithm.ES256 : JwsAlgorithm.RS256;
        Map<String, Object> good = new LinkedHashMap<>(signer(goodAlg).jwk().asMap());
        good.put("kid", "good");
        StringBuilder json = new StringBuilder("{\"keys\":[");
        for (Map<String, Object> key : hostile) {
            json.append(json(key)).append(',');
        }
        json.append(json(good)).append("]}");
        JwkSet set = JwkSet.parse(json.toString());
        LoadedKeys loaded = load(set, builder -> builder.clock(Clock.fixed(NOW, ZoneOffset.UTC)));
        KeyParameters goodParameters = PublicParameters.of(Jwk.of(good));
        List<String> imported = new ArrayList<>();
        for (KeyParameters parameters : loaded.imported) {
            imported.add(parameters.equals(goodParameters) ? "good" : parameters.toString());
        }
        return new Loaded(loaded.verifier, loaded.dropped, imported);
    }

    /** JSON text of flat members: strings, null, or lists of strings. */
    private static String json(Map<String, Object> members) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> member : members.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(member.getKey()).append("\":");
            Object value = member.getValue();
            if (value == null) {
                sb.append("null");
            } else if (value instanceof List) {
                sb.append('[');
                List<?> list = (List<?>) value;
                for (int i = 0; i < list.size(); i++) {
                    sb.append(i == 0 ? "" : ",").append('"').append(list.get(i)).append('"');
                }
                sb.append(']');
            } else {
                sb.append('"').append(value).append('"');
            }
        }
        return sb.append('}').toString();
    }
}
