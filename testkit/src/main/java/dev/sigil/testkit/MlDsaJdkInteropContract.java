package dev.sigil.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.VerifiedJwt;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.JwsAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * ML-DSA tokens (RFC 9964) minted by the JDK's own signer, {@code KeyPairGenerator "ML-DSA-65"} and
 * {@code Signature "ML-DSA"} (pure, empty context), which arrived in JDK 24: an implementation
 * independent of BouncyCastle, whose JCA provider runs the same code as backend-bouncycastle. On
 * JDK 17 to 23 every case is skipped by an assumption that says so; {@code .ci/run} runs them
 * on Temurin 25 (tag {@code mldsa}).
 *
 * <pre>{@code
 * class JcaMlDsaJdkInteropTest extends MlDsaJdkInteropContract {
 *     @Override
 *     protected CryptoBackend newBackend() {
 *         return new JcaCryptoBackend();
 *     }
 * }
 * }</pre>
 */
@Tag("mldsa")
public abstract class MlDsaJdkInteropContract {

    private static final String ISSUER = "https://issuer.example/";
    private static final String AUDIENCE = "https://api.example";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /**
     * Creates the backend under test, as an application would.
     *
     * @return a new backend
     */
    protected abstract CryptoBackend newBackend();

    @BeforeEach
    void theJdkSignsMlDsa() {
        int feature = Runtime.version().feature();
        assumeTrue(feature >= 24, "the JDK's ML-DSA signer arrived in JDK 24; this is JDK " + feature);
    }

    /** One issuer key: a JDK key pair and its AKP JWK. */
    private static final class MlDsaIssuerKey {
        final JwsAlgorithm alg;
        final String kid;
        final KeyPair pair;

        MlDsaIssuerKey(JwsAlgorithm alg, String kid) throws GeneralSecurityException {
            this.alg = alg;
            this.kid = kid;
            this.pair = KeyPairGenerator.getInstance(alg.joseName()).generateKeyPair();
        }

        Jwk jwk() {
            byte[] spki = pair.getPublic().getEncoded();
            // The raw FIPS 204 key ends the SubjectPublicKeyInfo; its length follows from the set.
            int length = spki.length - 22;
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("kty", "AKP");
            members.put("alg", alg.joseName());
            members.put("kid", kid);
            members.put("pub", B64.encodeToString(Arrays.copyOfRange(spki, spki.length - length, spki.length)));
            return Jwk.of(members);
        }

        String mint(String headerAlg, String claims) throws GeneralSecurityException {
            String input = B64.encodeToString(("{\"alg\":\"" + headerAlg + "\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}")
                    .getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            Signature signer = Signature.getInstance("ML-DSA");
            signer.initSign(pair.getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signer.sign());
        }

        String mint() throws GeneralSecurityException {
            return mint(alg.joseName(), claims("user-1"));
        }
    }

    private static String claims(String subject) {
        return "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + subject + "\",\"exp\":"
                + Instant.now().plusSeconds(600).getEpochSecond() + "}";
    }

    private JwtVerifier verifier(Jwk... keys) {
        return JwtVerifier.builder().issuer(ISSUER).audience(AUDIENCE).keys(JwkSet.of(keys))
                .cryptoBackend(newBackend()).build();
    }

    private static Reason refusal(JwtVerifier verifier, String token) {
        return assertThrows(JwtVerificationException.class, () -> verifier.verify(token)).reason();
    }

    private static Stream<DynamicTest> forEachParameterSet(ThrowingConsumer<JwsAlgorithm> body) {
        return Stream.of(JwsAlgorithm.ML_DSA_44, JwsAlgorithm.ML_DSA_65, JwsAlgorithm.ML_DSA_87)
                .map(alg -> DynamicTest.dynamicTest(alg.joseName(), () -> body.accept(alg)));
    }

    @TestFactory
    Stream<DynamicTest> verifiesATokenTheJdkSignerMinted() {
        return forEachParameterSet(this::verifiesATokenTheJdkSignerMinted);
    }

    @TestFactory
    Stream<DynamicTest> refusesTamperedTokens() {
        return forEachParameterSet(this::refusesTamperedTokens);
    }

    private void verifiesATokenTheJdkSignerMinted(JwsAlgorithm alg) throws Exception {
        MlDsaIssuerKey key = new MlDsaIssuerKey(alg, "pq");
        VerifiedJwt jwt = verifier(key.jwk()).verify(key.mint());
        assertEquals(alg, jwt.header().algorithm());
        assertEquals("user-1", jwt.claims().subject().orElseThrow());
    }

    private void refusesTamperedTokens(JwsAlgorithm alg) throws Exception {
        MlDsaIssuerKey key = new MlDsaIssuerKey(alg, "pq");
        JwtVerifier verifier = verifier(key.jwk());
        String token = key.mint();
        String[] parts = token.split("\\.", -1);
        List<String> tampered = new ArrayList<>();
        // Another subject under the original signature.
        tampered.add(parts[0] + "." + B64.encodeToString(claims("admin").getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        for (int i : new int[] {0, signature.length / 2, signature.length - 1}) {
            byte[] flipped = signature.clone();
            flipped[i] ^= 0x40;
            tampered.add(parts[0] + "." + parts[1] + "." + B64.encodeToString(flipped));
        }
        tampered.add(parts[0] + "." + parts[1] + "." + B64.encodeToString(Arrays.copyOf(signature, signature.length - 1)));
        tampered.add(parts[0] + "." + parts[1] + "." + B64.encodeToString(Arrays.copyOf(signature, signature.length + 1)));
        // A valid signature by another key under the same kid.
        tampered.add(new MlDsaIssuerKey(alg, "pq").mint());
        for (String bad : tampered) {
            assertEquals(Reason.INVALID_SIGNATURE, refusal(verifier, bad));
        }
        assertEquals("user-1", verifier.verify(token).claims().subject().orElseThrow());
    }

    @Test
    void aKeySetMixingRsaEcOkpAndAkpKeysServesEveryOne() throws Exception {
        List<Jwk> keys = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.RS256, JwsAlgorithm.ES256, JwsAlgorithm.EdDSA}) {
            JwsSigner signer = JwsSigner.withFreshKey(alg);
            Map<String, Object> members = new LinkedHashMap<>(signer.jwk().asMap());
            members.put("kid", alg.joseName());
            keys.add(Jwk.of(members));
            String input = B64.encodeToString(("{\"alg\":\"" + alg.joseName() + "\",\"kid\":\"" + alg.joseName() + "\"}")
                    .getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(claims(alg.joseName()).getBytes(StandardCharsets.UTF_8));
            tokens.add(input + "." + B64.encodeToString(signer.sign(input.getBytes(StandardCharsets.US_ASCII))));
        }
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.ML_DSA_44, JwsAlgorithm.ML_DSA_65, JwsAlgorithm.ML_DSA_87}) {
            MlDsaIssuerKey key = new MlDsaIssuerKey(alg, alg.joseName());
            keys.add(key.jwk());
            tokens.add(key.mint(alg.joseName(), claims(alg.joseName())));
        }
        // No algorithms(..): the default list takes ML-DSA wherever the backend offers it.
        JwtVerifier verifier = verifier(keys.toArray(new Jwk[0]));
        for (String token : tokens) {
            VerifiedJwt jwt = verifier.verify(token);
            assertEquals(jwt.header().algorithm().joseName(), jwt.claims().subject().orElseThrow());
        }
    }

    @Test
    void refusesATokenWhoseAlgIsNotTheKeysAlg() throws Exception {
        MlDsaIssuerKey published = new MlDsaIssuerKey(JwsAlgorithm.ML_DSA_65, "pq");
        MlDsaIssuerKey small = new MlDsaIssuerKey(JwsAlgorithm.ML_DSA_44, "small");
        MlDsaIssuerKey large = new MlDsaIssuerKey(JwsAlgorithm.ML_DSA_87, "large");
        // With a key of each set in the set, every ML-DSA alg is allowed: only the key's alg refuses.
        JwtVerifier verifier = verifier(published.jwk(), small.jwk(), large.jwk());
        // As for every key type: a kid naming only keys of another alg is ALGORITHM_NOT_ALLOWED.
        assertEquals(Reason.ALGORITHM_NOT_ALLOWED, refusal(verifier, new MlDsaIssuerKey(JwsAlgorithm.ML_DSA_44, "pq").mint()));
        assertEquals(Reason.ALGORITHM_NOT_ALLOWED, refusal(verifier, new MlDsaIssuerKey(JwsAlgorithm.ML_DSA_87, "pq").mint()));
        // The published key's own signature relabelled ML-DSA-87: its kid still names a key of another alg.
        assertEquals(Reason.ALGORITHM_NOT_ALLOWED, refusal(verifier, published.mint("ML-DSA-87", claims("user-1"))));
        assertEquals("user-1", verifier.verify(published.mint()).claims().subject().orElseThrow());
    }
}
