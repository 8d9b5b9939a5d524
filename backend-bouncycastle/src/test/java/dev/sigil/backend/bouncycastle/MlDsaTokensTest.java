package dev.sigil.backend.bouncycastle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.testkit.JwsSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ML-DSA tokens (RFC 9964) through the verifier an application builds, on this backend. The ML-DSA
 * tokens are signed by BouncyCastle's JCA provider ({@link MlDsaSigner}): on JDK 17 there is no
 * other ML-DSA signer, and it shares code with this backend, so these tests show which keys a set
 * serves and what is refused, not interoperability (that is the JDK 25 run's, with the JDK's own
 * signer). The RSA, EC and OKP tokens are signed by the JDK.
 */
class MlDsaTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private static String token(JwsSigner signer, String alg, String kid, String subject) throws Exception {
        String signingInput = B64.encodeToString(("{\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\"}")
                .getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(("{\"iss\":\"https://issuer.example/\","
                + "\"aud\":\"api\",\"sub\":\"" + subject + "\",\"exp\":" + NOW.plusSeconds(600).getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + B64.encodeToString(signer.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private static Jwk published(JwsSigner signer, String kid) {
        Map<String, Object> members = new LinkedHashMap<>(signer.jwk().asMap());
        members.put("kid", kid);
        return Jwk.of(members);
    }

    private static JwtVerifier verifier(Jwk... keys) {
        return JwtVerifier.builder().issuer("https://issuer.example/").audience("api").keys(JwkSet.of(keys))
                .cryptoBackend(new BouncyCastleCryptoBackend()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    private static Reason refusal(JwtVerifier verifier, String token) {
        return assertThrows(JwtVerificationException.class, () -> verifier.verify(token)).reason();
    }

    @Test
    void aKeySetMixingRsaEcOkpAndAkpKeysServesEachOfThem() throws Exception {
        List<JwsSigner> signers = List.of(JwsSigner.withFreshKey(JwsAlgorithm.RS256),
                JwsSigner.withFreshKey(JwsAlgorithm.ES256), JwsSigner.withFreshKey(JwsAlgorithm.Ed25519),
                new MlDsaSigner(JwsAlgorithm.ML_DSA_44), new MlDsaSigner(JwsAlgorithm.ML_DSA_65),
                new MlDsaSigner(JwsAlgorithm.ML_DSA_87));
        List<Jwk> keys = new ArrayList<>();
        for (JwsSigner signer : signers) {
            keys.add(published(signer, "k-" + signer.algorithm().joseName()));
        }
        JwtVerifier verifier = verifier(keys.toArray(new Jwk[0]));
        assertTrue(verifier.algorithms().contains(JwsAlgorithm.ML_DSA_87), "the default list takes ML-DSA here");
        for (int round = 0; round < 2; round++) {
            for (JwsSigner signer : signers) {
                String alg = signer.algorithm().joseName();
                String token = token(signer, alg, "k-" + alg, "sub-" + alg);
                assertEquals("sub-" + alg, verifier.verify(token).claims().subject().orElseThrow(), alg);
                assertEquals(signer.algorithm(), verifier.verify(token).header().algorithm());

                String[] parts = token.split("\\.");
                String otherClaims = B64.encodeToString(("{\"iss\":\"https://issuer.example/\",\"aud\":\"api\","
                        + "\"sub\":\"mallory\",\"exp\":" + NOW.plusSeconds(600).getEpochSecond() + "}")
                        .getBytes(StandardCharsets.UTF_8));
                assertEquals(Reason.INVALID_SIGNATURE, refusal(verifier, parts[0] + "." + otherClaims + "." + parts[2]),
                        alg);
                byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
                signature[signature.length - 1] ^= 0x40;
                assertEquals(Reason.INVALID_SIGNATURE,
                        refusal(verifier, parts[0] + "." + parts[1] + "." + B64.encodeToString(signature)), alg);
            }
        }
    }

    @Test
    void anMlDsa87TokenIsWellWithinTheDefaultLengthLimit() throws Exception {
        MlDsaSigner signer = new MlDsaSigner(JwsAlgorithm.ML_DSA_87);
        String token = token(signer, "ML-DSA-87", "k87", "alice");
        // 4,627 signature bytes are 6,170 base64url characters; the default limit is 16,384.
        assertTrue(token.length() > 6_200 && token.length() < 6_500, "length " + token.length());
        assertEquals("alice", verifier(published(signer, "k87")).verify(token).claims().subject().orElseThrow());
    }

    @Test
    void aKeyWhoseAlgIsNotTheTokensIsRefused() throws Exception {
        MlDsaSigner signer44 = new MlDsaSigner(JwsAlgorithm.ML_DSA_44);
        MlDsaSigner signer65 = new MlDsaSigner(JwsAlgorithm.ML_DSA_65);
        JwtVerifier verifier = verifier(published(signer44, "pq"));
        JwtVerificationException e = assertThrows(JwtVerificationException.class,
                () -> verifier.verify(token(signer65, "ML-DSA-65", "pq", "alice")));
        assertEquals(Reason.ALGORITHM_NOT_ALLOWED, e.reason());
        assertEquals("expected alg ML-DSA-44 for key 'pq', got ML-DSA-65", e.getMessage());
        // The key's own signature, claimed as another parameter set: the key's alg refuses it first.
        assertEquals(Reason.ALGORITHM_NOT_ALLOWED, refusal(verifier, token(signer44, "ML-DSA-65", "pq", "alice")));
        // A token with no kid finds no ML-DSA-87 key in a set that has only an ML-DSA-44 one.
        String noKid = token(signer44, "ML-DSA-87", "pq", "alice").replaceFirst("^[^.]*", B64.encodeToString(
                "{\"alg\":\"ML-DSA-87\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Reason.KEY_NOT_FOUND, refusal(verifier, noKid));
    }

    @Test
    void aSignatureMadeWithANonEmptyContextIsRefused() throws Exception {
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.ML_DSA_44, JwsAlgorithm.ML_DSA_65, JwsAlgorithm.ML_DSA_87}) {
            MlDsaSigner withContext = new MlDsaSigner(alg, "jws".getBytes(StandardCharsets.US_ASCII));
            JwtVerifier verifier = verifier(published(withContext, "ctx"));
            assertEquals(Reason.INVALID_SIGNATURE, refusal(verifier, token(withContext, alg.joseName(), "ctx", "alice")),
                    alg.joseName());
        }
    }

    @Test
    void aPublishedPrivateSeedOrAForgeableKeyIsDroppedAndNeverServes() throws Exception {
        MlDsaSigner signer = new MlDsaSigner(JwsAlgorithm.ML_DSA_65);
        Map<String, Object> leaky = new LinkedHashMap<>(published(signer, "leaky").asMap());
        leaky.put("priv", B64.encodeToString(new byte[32]));
        byte[] zero = new byte[1952];
        System.arraycopy(signer.publicKey(), 0, zero, 0, 32);
        Map<String, Object> forgeable = new LinkedHashMap<>(published(signer, "zero").asMap());
        forgeable.put("pub", B64.encodeToString(zero));
        JwtVerifier verifier = verifier(Jwk.of(leaky), Jwk.of(forgeable), published(signer, "good"));
        assertEquals(Reason.KEY_NOT_FOUND, refusal(verifier, token(signer, "ML-DSA-65", "leaky", "alice")));
        assertEquals(Reason.KEY_NOT_FOUND, refusal(verifier, token(signer, "ML-DSA-65", "zero", "alice")));
        assertEquals("alice", verifier.verify(token(signer, "ML-DSA-65", "good", "alice")).claims().subject().orElseThrow());
    }
}
