package dev.sigil.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.internal.keys.KeyIndex;
import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.JwtConfigurationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Core's own ML-DSA rules (RFC 9964), which every backend inherits: AKP keys, the default allow-list,
 * the refusals when a backend lacks ML-DSA, and the signature's exact length. The signatures
 * themselves are the backends' (testkit's crypto TCK); the JDK test backend never verifies one.
 */
class MlDsaRulesTest {

    private static final long NOW = 1_700_000_000L;
    private static final String CLAIMS = "{\"iss\":\"https://i/\",\"aud\":\"api\",\"exp\":" + (NOW + 60) + "}";
    private static final String HINT = "ML-DSA is verified by backend-bouncycastle, or backend-jca on JDK 24 or later";

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** An AKP key of {@code alg} whose t1 is not zero, so that core's checks pass it. */
    private static Map<String, Object> akp(String kid, String alg, int pubBytes) {
        byte[] pub = new byte[pubBytes];
        pub[pubBytes - 1] = 3;
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("kty", "AKP");
        members.put("kid", kid);
        members.put("alg", alg);
        members.put("pub", b64(pub));
        return members;
    }

    private static String token(String alg, String kid, int signatureBytes) {
        String header = "{\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\"}";
        return b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(CLAIMS.getBytes(StandardCharsets.UTF_8)) + "."
                + b64(new byte[signatureBytes]);
    }

    private static JwtVerifier.Builder builder(JdkTestBackend backend, Jwk... keys) {
        return JwtVerifier.builder().issuer("https://i/").audience("api").keys(JwkSet.of(keys)).cryptoBackend(backend)
                .jsonCodec(new BuiltinJsonCodec()).clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    }

    @Test
    void namesSizesAndKeyTypeFollowRfc9964() {
        assertEquals("ML-DSA-44", JwsAlgorithm.ML_DSA_44.joseName());
        assertEquals("ML-DSA-87", JwsAlgorithm.ML_DSA_87.toString());
        assertEquals(JwsAlgorithm.ML_DSA_65, JwsAlgorithm.fromName("ML-DSA-65"));
        assertTrue(JwsAlgorithm.find("ML_DSA_65").isEmpty(), "the Java constant's name is no JOSE name");
        assertTrue(JwsAlgorithm.find("ml-dsa-65").isEmpty());
        assertEquals("AKP", JwsAlgorithm.ML_DSA_44.keyType());
        assertEquals(2420, JwsAlgorithm.ML_DSA_44.mlDsaSignatureLength());
        assertEquals(3309, JwsAlgorithm.ML_DSA_65.mlDsaSignatureLength());
        assertEquals(4627, JwsAlgorithm.ML_DSA_87.mlDsaSignatureLength());
        assertEquals(0, JwsAlgorithm.ES256.mlDsaSignatureLength());
        assertFalse(JwsAlgorithm.ML_DSA_44.isSymmetric());
    }

    @Test
    void theDefaultAllowListHoldsMlDsaWhereTheBackendOffersIt() {
        Jwk key = Jwk.of(akp("pq", "ML-DSA-44", 1312));
        JwtVerifier offering = builder(new JdkTestBackend(), key).build();
        assertTrue(offering.algorithms().containsAll(
                EnumSet.of(JwsAlgorithm.ML_DSA_44, JwsAlgorithm.ML_DSA_65, JwsAlgorithm.ML_DSA_87)));
        JwtVerifier lacking = builder(new JdkTestBackend(JwsAlgorithm.ES256, JwsAlgorithm.ML_DSA_44), key).build();
        assertEquals(EnumSet.of(JwsAlgorithm.ES256, JwsAlgorithm.ML_DSA_44), lacking.algorithms());
    }

    @Test
    void askingForMlDsaFromABackendWithoutItNamesWhatWouldVerifyIt() {
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class,
                () -> builder(new JdkTestBackend(JwsAlgorithm.RS256, JwsAlgorithm.HS256),
                        JdkTestBackend.secret("s", null, 32, 1)).algorithms(JwsAlgorithm.ML_DSA_65).build());
        assertEquals("algorithms(..) lists [ML-DSA-65], which crypto backend 'jdk-test' does not support; it supports"
                + " [RS256, HS256]; " + HINT, e.getMessage());
    }

    @Test
    void anAkpKeyABackendDoesNotOfferIsDroppedNamingWhatWouldVerifyIt() {
        // This backend could build the key but does not offer the algorithm, and gives no reason of
        // its own (backend-jca does: see its tests and the FIPS tests), so core says where ML-DSA is.
        KeyIndex index = new JdkTestBackend(JwsAlgorithm.RS256).index(Jwk.of(akp("pq", "ML-DSA-65", 1952)));
        assertEquals(0, index.keys().size());
        assertEquals("crypto backend 'jdk-test' does not offer ML-DSA-65; " + HINT, index.dropped().get(0).reason());
    }

    @Test
    void anAkpKeyWithItsPrivateSeedIsDropped() {
        Map<String, Object> members = akp("pq", "ML-DSA-44", 1312);
        members.put("priv", b64(new byte[32]));
        KeyIndex index = new JdkTestBackend().index(Jwk.of(members));
        assertEquals(0, index.keys().size());
        assertEquals("carries private key material", index.dropped().get(0).reason());
    }

    @Test
    void anAkpKeyNeedsItsAlgAndPubEvenWithACertificate() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("kty", "AKP");
        members.put("kid", "cert-only");
        members.put("x5c", List.of(Base64.getEncoder().encodeToString(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01})));
        assertEquals("AKP key has no 'alg'", new JdkTestBackend().index(Jwk.of(members)).dropped().get(0).reason());
        members.put("alg", "ML-DSA-44");
        assertEquals("AKP key has no 'pub'", new JdkTestBackend().index(Jwk.of(members)).dropped().get(0).reason());
    }

    @Test
    void anAkpKeyFitsOnlyItsOwnAlgorithm() {
        KeyIndex index = new JdkTestBackend().index(Jwk.of(akp("pq", "ML-DSA-44", 1312)));
        assertEquals(1, index.keys().size());
        assertTrue(index.keys().get(0).fits(JwsAlgorithm.ML_DSA_44));
        assertFalse(index.keys().get(0).fits(JwsAlgorithm.ML_DSA_65));
        assertFalse(index.keys().get(0).fits(JwsAlgorithm.EdDSA));
        assertEquals(1, index.fitting(JwsAlgorithm.ML_DSA_44).length);
        assertEquals(0, index.fitting(JwsAlgorithm.ML_DSA_87).length);

        Map<String, Object> wrongType = akp("x", "ML-DSA-44", 1312);
        wrongType.put("alg", "EdDSA");
        assertEquals("alg EdDSA does not fit key type AKP",
                new JdkTestBackend().index(Jwk.of(wrongType)).dropped().get(0).reason());
        Map<String, Object> unknown = akp("x", "ML-DSA-44", 1312);
        unknown.put("alg", "ML-DSA-99");
        assertEquals("unknown alg 'ML-DSA-99'", new JdkTestBackend().index(Jwk.of(unknown)).dropped().get(0).reason());
    }

    @Test
    void aTokenWhoseAlgDiffersFromTheKeysIsRefusedBeforeTheBackend() {
        JdkTestBackend backend = new JdkTestBackend();
        JwtVerifier verifier = builder(backend, Jwk.of(akp("pq", "ML-DSA-44", 1312))).build();
        JwtVerificationException e = assertThrows(JwtVerificationException.class,
                () -> verifier.verify(token("ML-DSA-65", "pq", 3309)));
        assertEquals(Reason.ALGORITHM_NOT_ALLOWED, e.reason());
        assertEquals("expected alg ML-DSA-44 for key 'pq', got ML-DSA-65", e.getMessage());
        assertEquals(0, backend.calls.size());
    }

    @Test
    void aSignatureOfTheWrongLengthIsInvalidWithoutReachingTheBackend() {
        JdkTestBackend backend = new JdkTestBackend();
        JwtVerifier verifier = builder(backend, Jwk.of(akp("pq", "ML-DSA-87", 2592))).build();
        for (int length : new int[] {0, 1, 4626, 4628, 3309, 2420}) {
            JwtVerificationException e = assertThrows(JwtVerificationException.class,
                    () -> verifier.verify(token("ML-DSA-87", "pq", length)));
            assertEquals(Reason.INVALID_SIGNATURE, e.reason(), "length " + length);
            assertEquals("signature of " + length + " bytes is not the 4627 bytes of ML-DSA-87", e.getMessage());
        }
        assertEquals(0, backend.calls.size());
        // The right length reaches the backend, which (this one never verifies ML-DSA) says no.
        JwtVerificationException e = assertThrows(JwtVerificationException.class,
                () -> verifier.verify(token("ML-DSA-87", "pq", 4627)));
        assertEquals(Reason.INVALID_SIGNATURE, e.reason());
        assertEquals(1, backend.calls.size());
    }
}
