package dev.sigil.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sigil.jwk.DroppedKey;
import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksListener;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.KeyImportException;
import dev.sigil.spi.KeyParameters;
import dev.sigil.spi.VerificationKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link CryptoBackend} must do, as a JUnit Jupiter test class to extend: Project
 * Wycheproof's signature and MAC vectors for every JWS algorithm, Wycheproof's JOSE vectors run
 * through {@link JwtVerifier} and {@link JwkSet} over the backend, and the key-import cases
 * Sigil's security defaults name.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * class JcaCryptoBackendConformanceTest extends CryptoBackendConformance {
 *     @Override
 *     protected CryptoBackend newBackend() {
 *         return new JcaCryptoBackend();
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #newBackend()} is called once per test class, before the first test; build the backend
 * exactly as an application would (a backend with a pinned provider is a separate subclass).
 *
 * <h2>Vectors</h2>
 *
 * Each vector is its own dynamic test, named by file, {@code tcId}, comment and Wycheproof label, so
 * a failure names the vector. The key is built as a JWK (from the group's {@code n}/{@code e},
 * {@code wx}/{@code wy} or raw key, or the test's HMAC key), imported with
 * {@link CryptoBackend#importKey} and used with
 * {@link CryptoBackend#verify(JwsAlgorithm, VerificationKey, byte[], int, int, byte[])}. A
 * {@code valid} vector must be accepted and an {@code invalid} one rejected, a key refused at import
 * counting as a rejection; {@code acceptable} vectors, the RSA e = 3 groups and HMAC's truncated tags
 * and short keys are decided by the policy in {@code wycheproof/PROVENANCE.md} (in this jar), and
 * asserted exactly. A vector whose algorithm the backend does not claim in
 * {@link CryptoBackend#algorithms()} (ES256K on the JDK, EdDSA on a FIPS provider) is skipped with
 * that reason, visibly; a family whose algorithm the backend claims but that runs no vector fails
 * the class.
 *
 * <h2>Counts</h2>
 *
 * After the last test, one line per vector family goes to {@code System.out}:
 * {@code [jca] wycheproof ecdsa_secp256r1_sha256_p1363: 262 run, 262 passed, 0 skipped}.
 *
 * <h2>Cross-backend agreement</h2>
 *
 * This class checks each backend against the policy; {@link CryptoBackendAgreement} checks that
 * several backends give the same answers, vector by vector and on freshly signed tokens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Tagged so that .ci/run's JDK 25 pass runs the whole kit again where backend-jca has ML-DSA: the
// RFC 9964 examples and the Wycheproof ML-DSA vectors on the JDK's own ML-DSA.
@Tag("conformance")
public abstract class CryptoBackendConformance {

    private final VectorTally tally = new VectorTally();
    private CryptoBackend backend;

    /**
     * Creates the backend under test; called once, before the first test of the class.
     *
     * @return a new backend, configured as an application would use it
     */
    protected abstract CryptoBackend newBackend();

    /**
     * {@return whether the backend is held to vectors of {@code alg}: by default exactly what it claims in
     * {@link CryptoBackend#algorithms()}} Overriding this to hide a failing algorithm defeats the kit;
     * it exists for a backend whose claim depends on its environment and whose test wants to say so.
     *
     * @param alg an algorithm with vectors in the kit
     */
    protected boolean supports(JwsAlgorithm alg) {
        return backend.algorithms().contains(alg);
    }

    /** {@return the backend under test, for a subclass's own tests} */
    protected final CryptoBackend backend() {
        return backend;
    }

    @BeforeAll
    final void createBackend() {
        backend = newBackend();
        if (backend == null) {
            throw new IllegalStateException("newBackend() returned null");
        }
    }

    @AfterAll
    final void reportCounts() {
        tally.summary(backend.name(), "wycheproof").forEach(System.out::println);
        List<String> empty = tally.supportedButEmpty();
        assertTrue(empty.isEmpty(), "backend '" + backend.name() + "' claims the algorithms of " + empty
                + " but no vector of theirs ran");
    }

    // ---- Wycheproof signature and MAC vectors ------------------------------------------------

    @TestFactory
    Stream<DynamicNode> rsaPkcs1VectorsGetTheVerdictThePolicyRequires() {
        return signatureVectors(WycheproofSignatures.RSA_PKCS1);
    }

    @TestFactory
    Stream<DynamicNode> rsaPssVectorsGetTheVerdictThePolicyRequires() {
        return signatureVectors(WycheproofSignatures.RSA_PSS);
    }

    @TestFactory
    Stream<DynamicNode> ecdsaP1363VectorsGetTheVerdictThePolicyRequires() {
        return signatureVectors(WycheproofSignatures.ECDSA);
    }

    @TestFactory
    Stream<DynamicNode> eddsaVectorsGetTheVerdictThePolicyRequires() {
        return signatureVectors(WycheproofSignatures.EDDSA);
    }

    @TestFactory
    Stream<DynamicNode> hmacVectorsGetTheVerdictThePolicyRequires() {
        return signatureVectors(WycheproofSignatures.HMAC);
    }

    /**
     * ML-DSA (RFC 9964), each key judged by a verifier's key filter as an application's would be:
     * public keys of the wrong length refused there, and the keys with t1 = 0 refused on purpose.
     */
    @TestFactory
    Stream<DynamicNode> mlDsaVectorsGetTheVerdictThePolicyRequires() {
        return signatureVectors(WycheproofSignatures.ML_DSA);
    }

    private Stream<DynamicNode> signatureVectors(List<WycheproofSignatures.Family> families) {
        List<DynamicNode> containers = new ArrayList<>();
        for (WycheproofSignatures.Family family : families) {
            boolean supported = supports(family.algorithm());
            tally.family(family.name(), supported);
            List<DynamicTest> tests = new ArrayList<>();
            for (SignatureVector vector : WycheproofSignatures.load(family)) {
                tests.add(DynamicTest.dynamicTest(vector.displayName(), () -> check(vector)));
            }
            containers.add(DynamicContainer.dynamicContainer(family.file(), tests));
        }
        return containers.stream();
    }

    private void check(SignatureVector vector) {
        if (vector.expected() == Expectation.NOT_APPLICABLE) {
            tally.notApplicable(vector.family(), vector.why());
            Assumptions.abort("skipped: not applicable: " + vector.why());
        }
        if (!supports(vector.algorithm())) {
            tally.skipped(vector.family(), vector.algorithm().joseName());
            Assumptions.abort("skipped: unsupported: backend '" + backend.name() + "' does not claim "
                    + vector.algorithm());
        }
        tally.started(vector.family(), !vector.why().isEmpty());
        Outcome outcome = vector.algorithm().family() == JwsAlgorithm.Family.ML_DSA
                ? Verdicts.throughVerifier(backend, vector) : Verdicts.of(backend, vector);
        if (!vector.expected().admits(outcome)) {
            fail(vector.id() + " " + vector.comment() + " " + vector.flags() + ": expected "
                    + vector.expected().describe() + ", got " + outcome
                    + (vector.why().isEmpty() ? "" : "; " + vector.why()));
        }
        tally.passed(vector.family());
    }

    /**
     * Wycheproof labels some signatures under a public key with t1 = 0 ({@code ZeroPublicKey})
     * valid; with such a key anyone can make them, so a verifier drops the key, on purpose.
     */
    @Test
    void dropsWycheproofsForgeableMlDsaKeysOnPurpose() throws Exception {
        int keys = 0;
        for (WycheproofSignatures.Family family : WycheproofSignatures.ML_DSA) {
            if (!supports(family.algorithm())) {
                continue;
            }
            List<Map<String, Object>> seen = new ArrayList<>();
            for (SignatureVector vector : WycheproofSignatures.load(family)) {
                if (!vector.flags().contains("ZeroPublicKey") || seen.contains(vector.jwk())) {
                    continue;
                }
                seen.add(vector.jwk());
                Map<String, Object> members = new LinkedHashMap<>(vector.jwk());
                members.put("kid", "zero");
                assertEquals(List.of("zero: ML-DSA public key has t1 = 0 (every byte after rho is zero): anyone could"
                        + " forge signatures that verify with it"), droppedKeys(Jwk.of(members)), vector.id());
                keys++;
            }
        }
        Assumptions.assumeTrue(keys > 0, "skipped: unsupported: backend claims no ML-DSA");
    }

    // ---- RFC 9964's worked examples, through JwkSet and JwtVerifier ----------------------------

    /**
     * Each example's token verifies with the public part of its key (its payload is text, not
     * claims: the JWS level); altered, it is refused; the key as published, with its private seed,
     * is dropped.
     */
    @TestFactory
    Stream<DynamicNode> rfc9964ExamplesVerifyAndTheirPublishedPrivateKeysAreDropped() {
        List<DynamicNode> tests = new ArrayList<>();
        for (String name : new String[] {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87"}) {
            tests.add(DynamicTest.dynamicTest(name, () -> checkRfc9964Example(name)));
        }
        return tests.stream();
    }

    private void checkRfc9964Example(String name) throws Exception {
        Map<String, Object> example = VectorJson.resource("rfc9964/" + name + ".jose.json");
        Map<String, Object> published = VectorJson.object(example.get("jwk"));
        JwsAlgorithm alg = JwsAlgorithm.fromName((String) published.get("alg"));
        assumeSupports(alg);
        assertEquals(List.of(published.get("kid") + ": carries private key material"), droppedKeys(Jwk.of(published)));

        Map<String, Object> members = new LinkedHashMap<>(published);
        members.remove("priv");
        JwkSet set = JwkSet.of(Jwk.of(members));
        String token = (String) example.get("jws");
        assertEquals(Outcome.Kind.ACCEPTED, Verdicts.of(backend, set, token).kind(), name);

        String[] parts = token.split("\\.");
        String otherPayload = WycheproofSignatures.b64("It's a dangerous business, Bilbo".getBytes(StandardCharsets.UTF_8));
        Outcome payloadChanged = Verdicts.of(backend, set, parts[0] + "." + otherPayload + "." + parts[2]);
        assertEquals(Outcome.Kind.REJECTED, payloadChanged.kind(), name);
        assertTrue(payloadChanged.detail().startsWith("INVALID_SIGNATURE"), payloadChanged.detail());
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 0x01;
        Outcome signatureChanged = Verdicts.of(backend, set,
                parts[0] + "." + parts[1] + "." + WycheproofSignatures.b64(signature));
        assertEquals(Outcome.Kind.REJECTED, signatureChanged.kind(), name);
        Outcome truncated = Verdicts.of(backend, set, parts[0] + "." + parts[1] + "."
                + WycheproofSignatures.b64(Arrays.copyOf(signature, signature.length - 1)));
        assertEquals(Outcome.Kind.REJECTED, truncated.kind(), name);
        assertEquals(alg.mlDsaSignatureLength(), signature.length, name);
    }

    // ---- Wycheproof JOSE vectors, through JwkSet and JwtVerifier ------------------------------

    @TestFactory
    Stream<DynamicNode> joseSignatureVectorsGetTheVerdictThePolicyRequires() {
        return joseVectors("json_web_signature");
    }

    @TestFactory
    Stream<DynamicNode> joseKeyVectorsGetTheVerdictThePolicyRequires() {
        return joseVectors("json_web_key");
    }

    @TestFactory
    Stream<DynamicNode> joseCryptoVectorsGetTheVerdictThePolicyRequires() {
        return joseVectors("json_web_crypto");
    }

    private Stream<DynamicNode> joseVectors(String family) {
        // Every JOSE file has vectors of several algorithms, at least one of which any backend supports.
        tally.family(family, true);
        List<DynamicNode> tests = new ArrayList<>();
        for (JoseVector vector : WycheproofJose.load(family)) {
            tests.add(DynamicTest.dynamicTest(vector.displayName(), () -> check(vector)));
        }
        return Stream.of(DynamicContainer.dynamicContainer(family + "_test.json", tests));
    }

    private void check(JoseVector vector) {
        Optional<JwsAlgorithm> alg = Verdicts.headerAlgorithm(vector.token());
        if (vector.expected() != Expectation.REJECT && alg.isPresent() && !supports(alg.get())) {
            tally.skipped(vector.family(), alg.get().joseName());
            Assumptions.abort("skipped: unsupported: backend '" + backend.name() + "' does not claim " + alg.get());
        }
        tally.started(vector.family(), !vector.why().isEmpty());
        Outcome outcome = Verdicts.of(backend, vector.keySet(), vector.token());
        if (!vector.expected().admits(outcome)) {
            fail(vector.id() + " " + vector.group() + " " + vector.comment() + ": expected "
                    + vector.expected().describe() + ", got " + outcome
                    + (vector.why().isEmpty() ? "" : "; " + vector.why()));
        }
        if (vector.publishedKeySet() != null) {
            Outcome published = Verdicts.of(backend, vector.publishedKeySet(), vector.token());
            assertFalse(published.isAccepted(), vector.id() + ": with the key's alg as published, the token must"
                    + " be refused (the key's alg must equal the header's); got " + published);
        }
        tally.passed(vector.family());
    }

    // ---- Key import: what Sigil's security defaults promise -----------------------------------

    private static final BigInteger F4 = BigInteger.valueOf(65537);

    /** A verifier over the backend drops the key: core's checks or the backend's arithmetic refuse it. */
    private void assertImportRefused(Map<String, Object> members, String what) throws Exception {
        Map<String, Object> key = new LinkedHashMap<>(members);
        key.put("kid", "refused");
        List<String> dropped = droppedKeys(Jwk.of(key));
        assertEquals(1, dropped.size(), () -> "a verifier over backend '" + backend.name() + "' must refuse " + what
                + "; dropped: " + dropped);
    }

    private void assumeSupports(JwsAlgorithm alg) {
        Assumptions.assumeTrue(supports(alg), () -> "skipped: unsupported: backend does not claim " + alg);
    }

    @Test
    void refusesAnRsaKeyOf1024Bits() throws Exception {
        assumeSupports(JwsAlgorithm.RS256);
        assertImportRefused(GeneratedKeys.rsaJwk(GeneratedKeys.rsa(1024).getModulus(), F4), "a 1024-bit rsa modulus");
    }

    @Test
    void refusesAnRsaKeyWithAnEvenExponent() throws Exception {
        assumeSupports(JwsAlgorithm.RS256);
        assertImportRefused(GeneratedKeys.rsaJwk(GeneratedKeys.rsa2048().getModulus(), BigInteger.valueOf(65536)),
                "an even rsa exponent");
    }

    @Test
    void refusesAnRsaKeyWithExponentOne() throws Exception {
        assumeSupports(JwsAlgorithm.RS256);
        assertImportRefused(GeneratedKeys.rsaJwk(GeneratedKeys.rsa2048().getModulus(), BigInteger.ONE),
                "rsa exponent 1 (a signature would equal its own padded message)");
    }

    @Test
    void refusesAnRsaKeyWithAnOversizedExponent() throws Exception {
        assumeSupports(JwsAlgorithm.RS256);
        BigInteger n = GeneratedKeys.rsa2048().getModulus();
        // Odd and below n, but far beyond FIPS 186-5's 2^256: verification would cost as much as signing.
        assertImportRefused(GeneratedKeys.rsaJwk(n, n.subtract(BigInteger.TWO)), "a 2047-bit rsa exponent");
    }

    @Test
    void refusesAnEcPointOffTheCurve() throws Exception {
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.ES256, JwsAlgorithm.ES384, JwsAlgorithm.ES512}) {
            if (!supports(alg)) {
                continue;
            }
            Map<String, Object> members = new LinkedHashMap<>(GeneratedKeys.ecJwk(GeneratedKeys.ec(alg)));
            byte[] y = java.util.Base64.getUrlDecoder().decode((String) members.get("y"));
            y[y.length - 1] ^= 1;
            members.put("y", WycheproofSignatures.b64(y));
            assertImportRefused(members, "a point off " + alg.requiredCurve() + " (invalid-curve attacks)");
        }
    }

    @Test
    void neverVerifiesWithAnEcKeyOfAnotherCurveThanTheAlgorithmNames() throws Exception {
        assumeSupports(JwsAlgorithm.ES256);
        assumeSupports(JwsAlgorithm.ES384);
        GeneratedKeys.Signer p256 = GeneratedKeys.signer(JwsAlgorithm.ES256);
        VerificationKey key = backend.importKey(p256.keyParameters());
        byte[] data = "curve confusion".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        // The same P-256 key signing with SHA-384: a 64-byte R || S that ES384 must still refuse.
        byte[] sha384OnP256 = p256.signWith("SHA384withECDSAinP1363Format", data);
        assertFalse(backend.verify(JwsAlgorithm.ES384, key, data, 0, data.length, sha384OnP256),
                "ES384 with a P-256 key");
        byte[] good = p256.sign(data);
        assertTrue(backend.verify(JwsAlgorithm.ES256, key, data, 0, data.length, good), "the control: ES256 verifies");
        assertFalse(backend.verify(JwsAlgorithm.ES384, key, data, 0, data.length, good), "ES384 with a P-256 key");
    }

    @Test
    void refusesAnOkpKeyOfTheWrongLength() throws Exception {
        if (supports(JwsAlgorithm.Ed25519)) {
            assertImportRefused(okp("Ed25519", 31), "a 31-byte Ed25519 key");
            assertImportRefused(okp("Ed25519", 33), "a 33-byte Ed25519 key");
            assertImportRefused(okp("Ed25519", 57), "an Ed448-sized key on Ed25519");
        }
        if (supports(JwsAlgorithm.Ed448)) {
            assertImportRefused(okp("Ed448", 56), "a 56-byte Ed448 key");
            assertImportRefused(okp("Ed448", 32), "an Ed25519-sized key on Ed448");
        }
        Assumptions.assumeTrue(supports(JwsAlgorithm.Ed25519) || supports(JwsAlgorithm.Ed448),
                "skipped: unsupported: backend claims no EdDSA curve");
    }

    private static Map<String, Object> okp(String curve, int length) {
        byte[] x = new byte[length];
        x[0] = 9;
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("kty", "OKP");
        members.put("crv", curve);
        members.put("x", WycheproofSignatures.b64(x));
        return members;
    }

    @Test
    void aVerifierDropsAKeyThatCarriesPrivateMembers() throws Exception {
        assumeSupports(JwsAlgorithm.ES256);
        // The guarantee lives in core's key filter, whatever the backend would make of the key.
        Map<String, Object> withD = new LinkedHashMap<>(GeneratedKeys.ecJwk(GeneratedKeys.ec(JwsAlgorithm.ES256)));
        withD.put("kid", "leaky");
        withD.put("d", WycheproofSignatures.b64(new byte[32]));
        assertEquals(List.of("leaky: carries private key material"), droppedKeys(Jwk.of(withD)));
    }

    @Test
    void aVerifierDropsAKeyWhoseCertificateHoldsAnotherKey() throws Exception {
        assumeSupports(JwsAlgorithm.RS256);
        Map<String, Object> matching = TestCertificates.jwkWithCertificate("rsa-2048");
        matching.put("kid", "matching");
        assertEquals(List.of(), droppedKeys(Jwk.of(matching)), "the certificate's own key is kept");

        Map<String, Object> other = TestCertificates.jwkWithCertificate("rsa-2048");
        other.put("kid", "other");
        other.put("n", WycheproofSignatures.b64(GeneratedKeys.unsigned(GeneratedKeys.rsa2048().getModulus())));
        assertEquals(List.of("other: x5c certificate key differs from the jwk's own parameters"), droppedKeys(Jwk.of(other)));
    }

    /**
     * An AKP key (RFC 9964) beside the certificate of its own key is kept; one whose {@code pub}
     * or {@code alg} is not the certificate's is dropped: core compares the two, the backend only
     * reads the certificate (RFC 9881).
     */
    @Test
    void aVerifierKeepsAnAkpKeyWithItsOwnCertificateAndDropsOneWhosePubOrAlgDiffers() throws Exception {
        int sets = 0;
        for (String name : ML_DSA_CERTIFICATES) {
            Map<String, Object> matching = TestCertificates.jwkWithCertificate(name);
            JwsAlgorithm alg = JwsAlgorithm.fromName((String) matching.get("alg"));
            if (!supports(alg)) {
                continue;
            }
            sets++;
            matching.put("kid", "matching");
            assertEquals(List.of(), droppedKeys(Jwk.of(matching)), name + ": the certificate's own key is kept");

            Map<String, Object> otherPub = TestCertificates.jwkWithCertificate(name);
            otherPub.put("kid", "other");
            byte[] pub = Base64.getUrlDecoder().decode((String) otherPub.get("pub"));
            pub[pub.length - 1] ^= 1;
            otherPub.put("pub", WycheproofSignatures.b64(pub));
            assertEquals(List.of("other: x5c certificate key differs from the jwk's own parameters"),
                    droppedKeys(Jwk.of(otherPub)), name);

            // The certificate of another set, beside a JWK whose own alg and pub are sound.
            String another = ML_DSA_CERTIFICATES.get((ML_DSA_CERTIFICATES.indexOf(name) + 1) % ML_DSA_CERTIFICATES.size());
            Map<String, Object> otherSet = TestCertificates.jwk(name);
            otherSet.put("kid", "other-set");
            otherSet.put("x5c", TestCertificates.jwkWithCertificate(another).get("x5c"));
            assertEquals(List.of("other-set: x5c certificate key differs from the jwk's own parameters"),
                    droppedKeys(Jwk.of(otherSet)), name + " with the certificate of " + another);
        }
        Assumptions.assumeTrue(sets > 0, "skipped: unsupported: backend claims no ML-DSA");
    }

    private static final List<String> ML_DSA_CERTIFICATES = List.of("mldsa-44", "mldsa-65", "mldsa-87");

    @Test
    void importsTheSameKeyFromACertificateAsFromItsJwk() throws Exception {
        for (String name : new String[] {"rsa-2048", "ec-p256", "ed25519", "mldsa-44", "mldsa-65", "mldsa-87"}) {
            JwsAlgorithm alg = "rsa-2048".equals(name) ? JwsAlgorithm.RS256
                    : "ec-p256".equals(name) ? JwsAlgorithm.ES256
                    : "ed25519".equals(name) ? JwsAlgorithm.Ed25519
                    : JwsAlgorithm.fromName((String) TestCertificates.jwk(name).get("alg"));
            if (!supports(alg)) {
                continue;
            }
            KeyParameters certified = backend.readCertificateKey(TestCertificates.der(name));
            KeyParameters published = PublicParameters.of(Jwk.of(TestCertificates.jwk(name)));
            assertEquals(published, certified, name + ": certificate and jwk hold the same key");
            VerificationKey fromCertificate = backend.importKey(certified);
            VerificationKey fromJwk = backend.importKey(published);
            assertEquals(fromJwk.keyType(), fromCertificate.keyType(), name);
            assertEquals(fromJwk.curve(), fromCertificate.curve(), name);
            assertEquals(fromJwk.sizeBits(), fromCertificate.sizeBits(), name);
        }
    }

    @Test
    void verifiesExactlyTheGivenRangeOfTheBuffer() throws Exception {
        for (JwsAlgorithm alg : GeneratedKeys.SIGNABLE) {
            if (!supports(alg)) {
                continue;
            }
            GeneratedKeys.Signer signer = GeneratedKeys.signer(alg);
            VerificationKey key = backend.importKey(signer.keyParameters());
            byte[] message = "header.payload".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] signature = signer.sign(message);
            byte[] buffer = new byte[message.length + 7];
            System.arraycopy(message, 0, buffer, 3, message.length);
            assertTrue(backend.verify(alg, key, buffer, 3, message.length, signature), alg + " at offset 3");
            assertFalse(backend.verify(alg, key, buffer, 2, message.length, signature), alg + " one byte early");
            assertFalse(backend.verify(alg, key, buffer, 3, message.length - 1, signature), alg + " one byte short");
        }
    }

    @Test
    void verifyReturnsFalseAndNeverThrowsForBadArguments() throws Exception {
        JwsAlgorithm alg = backend.algorithms().iterator().next();
        GeneratedKeys.Signer signer = GeneratedKeys.signer(alg);
        VerificationKey key = backend.importKey(signer.keyParameters());
        byte[] data = new byte[8];
        byte[] signature = signer.sign(data);
        assertFalse(backend.verify(alg, key, data, -1, 8, signature), "negative offset");
        assertFalse(backend.verify(alg, key, data, 4, 8, signature), "range past the end");
        assertFalse(backend.verify(alg, key, data, 0, -1, signature), "negative length");
        assertFalse(backend.verify(alg, key, data, 0, 8, new byte[0]), "empty signature");
        assertFalse(backend.verify(alg, key, data, 0, 8, new byte[signature.length]), "all-zero signature");
    }

    /** Builds a static-key verifier over the key (plus a good one, so build() succeeds) and returns the drops. */
    private List<String> droppedKeys(Jwk key) throws Exception {
        GeneratedKeys.Signer good = GeneratedKeys.signer(supports(JwsAlgorithm.ES256) ? JwsAlgorithm.ES256 : JwsAlgorithm.RS256);
        Map<String, Object> goodMembers = new LinkedHashMap<>(good.jwk().asMap());
        goodMembers.put("kid", "good");
        List<String> dropped = new ArrayList<>();
        JwtVerifier.builder().ignoreIssuer().ignoreAudience().cryptoBackend(backend)
                .keys(JwkSet.of(key, Jwk.of(goodMembers)))
                .listener(new JwksListener() {
                    @Override
                    public void keyDropped(DroppedKey droppedKey) {
                        dropped.add(droppedKey.keyId() + ": " + droppedKey.reason());
                    }
                })
                .build();
        return dropped;
    }
}
