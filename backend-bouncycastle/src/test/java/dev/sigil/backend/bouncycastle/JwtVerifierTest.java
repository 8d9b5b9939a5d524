package dev.sigil.backend.bouncycastle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigil.jwk.JwkSet;
import dev.sigil.jwt.CryptoPolicy;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.JwtConfigurationException;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backend under the real verifier: found by ServiceLoader, and an ES256K token end to end. */
class JwtVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] flipBit(byte[] bytes, int index, int bit) {
        byte[] copy = bytes.clone();
        copy[index] ^= (byte) (1 << bit);
        return copy;
    }

    @Test
    void verifiesAnEs256kTokenWithTheBackendFoundByServiceLoader() throws Exception {
        Secp256k1Signer key = new Secp256k1Signer();
        Map<String, Object> jwk = key.jwkMembers();
        String jwks = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"secp256k1\",\"kid\":\"k1\",\"alg\":\"ES256K\",\"x\":\""
                + jwk.get("x") + "\",\"y\":\"" + jwk.get("y") + "\"}]}";
        String signingInput = b64("{\"alg\":\"ES256K\",\"kid\":\"k1\"}") + "."
                + b64("{\"iss\":\"https://issuer.example/\",\"aud\":\"api\",\"sub\":\"alice\",\"exp\":"
                        + NOW.plusSeconds(600).getEpochSecond() + "}");
        byte[] signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        String token = signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        String forged = signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(flipBit(signature, 40, 3));

        JwtVerifier verifier = JwtVerifier.builder()
                .issuer("https://issuer.example/")
                .audience("api")
                .keys(JwkSet.parse(jwks))
                .algorithms(JwsAlgorithm.ES256K)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();

        assertEquals("bouncycastle", verifier.cryptoBackend().name());
        assertEquals("alice", verifier.verify(token).claims().subject().orElseThrow());

        JwtVerificationException e = assertThrows(JwtVerificationException.class, () -> verifier.verify(forged));
        assertEquals(JwtVerificationException.Reason.INVALID_SIGNATURE, e.reason());
    }

    @Test
    void theFipsPolicyRefusesEs256kAndSecp256k1KeysAtBuild() throws Exception {
        Map<String, Object> jwk = new Secp256k1Signer().jwkMembers();
        String jwks = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"secp256k1\",\"kid\":\"k1\",\"x\":\""
                + jwk.get("x") + "\",\"y\":\"" + jwk.get("y") + "\"}]}";
        JwtConfigurationException listed = assertThrows(JwtConfigurationException.class, () -> JwtVerifier.builder()
                .ignoreIssuer().ignoreAudience().keys(JwkSet.parse(jwks)).algorithms(JwsAlgorithm.ES256K)
                .cryptoPolicy(CryptoPolicy.FIPS_186_5).build());
        assertEquals("algorithms(..) lists ES256K, which crypto policy FIPS_186_5 forbids", listed.getMessage());
        JwtConfigurationException key = assertThrows(JwtConfigurationException.class, () -> JwtVerifier.builder()
                .ignoreIssuer().ignoreAudience().keys(JwkSet.parse(jwks)).cryptoPolicy(CryptoPolicy.FIPS_186_5).build());
        assertEquals("keys(..) holds key 'k1' that crypto policy FIPS_186_5 forbids: curve secp256k1 is not approved"
                + " by FIPS 186-5", key.getMessage());
    }
}
