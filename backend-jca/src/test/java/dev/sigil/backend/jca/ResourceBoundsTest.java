package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.JwkSet;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.JwtConfigurationException;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every configurable bound on a token holds, with a typed refusal, at its default and when set. */
class ResourceBoundsTest {

    private static final String CLAIMS = Mint.claims().build().toString();

    private static JwtVerifier.Builder builder(JwkSet keys) {
        return JwtVerifier.builder().issuer(Mint.ISSUER).audience(Mint.AUDIENCE).keys(keys).clock(Mint.clock())
                .cryptoBackend(new JcaCryptoBackend());
    }

    private static JwtVerificationException refusal(JwtVerifier verifier, String token) {
        return assertThrows(JwtVerificationException.class, () -> verifier.verify(token));
    }

    @Test
    void aTokenWithoutKidIsTriedAgainstAtMostFourKeysByDefault() throws Exception {
        List<Mint.Signer> signers = new ArrayList<>();
        StringBuilder json = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < 6; i++) {
            Mint.Signer signer = Mint.freshSigner(JwsAlgorithm.RS256, "key-" + i);
            signers.add(signer);
            json.append(i == 0 ? "" : ",").append(signer.publicJwkJson());
        }
        JwkSet keys = JwkSet.parse(json.append("]}").toString());
        String byTheFourth = signers.get(3).raw("{\"alg\":\"RS256\"}", CLAIMS);
        String bySixth = signers.get(5).raw("{\"alg\":\"RS256\"}", CLAIMS);

        JwtVerifier verifier = builder(keys).build();
        verifier.verify(byTheFourth);
        JwtVerificationException e = refusal(verifier, bySixth);
        assertEquals(Reason.INVALID_SIGNATURE, e.reason());
        assertEquals("signature does not verify with the first 4 candidate keys, the limit per token; send a kid",
                e.getMessage());

        builder(keys).maxCandidateKeys(6).build().verify(bySixth);
        assertEquals(Reason.INVALID_SIGNATURE, refusal(builder(keys).maxCandidateKeys(1).build(), byTheFourth).reason());
        // With its kid, the sixth key is found directly, whatever the limit.
        builder(keys).maxCandidateKeys(1).build().verify(signers.get(5).mint(Mint.claims().build()));
    }

    @Test
    void claimsNestedDeeperThanTheLimitAreMalformed() throws Exception {
        Mint.Signer signer = Mint.signer(JwsAlgorithm.ES256);
        String inner = CLAIMS.substring(1, CLAIMS.length() - 1);
        // The claims object is depth 1; "x" adds 32 levels of arrays: depth 33.
        String deep = "{" + inner + ",\"x\":" + "[".repeat(32) + "]".repeat(32) + "}";
        String token = signer.raw(signer.header(""), deep);
        JwtVerificationException e = refusal(builder(signer.keySet()).build(), token);
        assertEquals(Reason.MALFORMED, e.reason());
        assertTrue(e.getMessage().contains("nesting deeper than 32"), e.getMessage());
        builder(signer.keySet()).maxClaimsDepth(33).build().verify(token);
    }

    @Test
    void aHeaderNestedDeeperThanEightIsMalformed() {
        // The header object is depth 1; "x" adds 8 levels: depth 9.
        Mint.Signer signer = Mint.signer(JwsAlgorithm.ES256);
        String token = signer.raw(signer.header("\"x\":" + "[".repeat(8) + "]".repeat(8)), CLAIMS);
        assertEquals(Reason.MALFORMED, refusal(builder(signer.keySet()).build(), token).reason());
        String fine = signer.raw(signer.header("\"x\":" + "[".repeat(7) + "]".repeat(7)), CLAIMS);
        assertEquals(JwsAlgorithm.ES256, assertDoesNotThrow(() -> builder(signer.keySet()).build().verify(fine))
                .header().algorithm(), "depth 8 is allowed");
    }

    @Test
    void rsaKeysAboveTheConfiguredSizeAreDropped() throws Exception {
        KeyPair rsa3072 = TestKeys.rsa(3072);
        JwkSet keys = JwkSet.of(TestKeys.jwk(rsa3072.getPublic()));
        builder(keys).build();
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class,
                () -> builder(keys).maxRsaKeySize(2048).build());
        assertTrue(e.getMessage().contains("rsa modulus of 3072 bits is above the verifier's limit of 2048"),
                e.getMessage());
    }

    @Test
    void rsaKeysBelowTheConfiguredMinimumAreDroppedWhicheverBackendVerifies() throws Exception {
        KeyPair rsa2048 = TestKeys.rsa(2048);
        JwkSet keys = JwkSet.of(TestKeys.jwk(rsa2048.getPublic()));
        builder(keys).build();
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class,
                () -> builder(keys).minRsaKeySize(3072).build());
        assertTrue(e.getMessage().contains("rsa modulus of 2048 bits is below the minimum of 3072"), e.getMessage());
        KeyPair rsa1024 = TestKeys.rsa(1024);
        JwkSet small = JwkSet.of(TestKeys.jwk(rsa1024.getPublic()));
        e = assertThrows(JwtConfigurationException.class, () -> builder(small).build());
        assertTrue(e.getMessage().contains("rsa modulus of 1024 bits is below the minimum of 2048"), e.getMessage());
        assertDoesNotThrow(() -> builder(small).minRsaKeySize(1024).build());
    }

    @Test
    void aMinimumRsaKeySizeAboveTheMaximumFailsBuild() {
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class,
                () -> builder(JwkSet.of()).minRsaKeySize(4096).maxRsaKeySize(2048).build());
        assertEquals("minRsaKeySize(4096) is above maxRsaKeySize(2048): no RSA key could be used", e.getMessage());
    }

    @Test
    void theHeaderDepthIsConfigurable() throws Exception {
        Mint.Signer signer = Mint.signer(JwsAlgorithm.ES256);
        String deep = signer.raw(signer.header("\"x\":" + "[".repeat(8) + "]".repeat(8)), CLAIMS);
        builder(signer.keySet()).maxHeaderDepth(9).build().verify(deep);
        String shallow = signer.raw(signer.header("\"x\":[]"), CLAIMS);
        assertEquals(Reason.MALFORMED, refusal(builder(signer.keySet()).maxHeaderDepth(1).build(), shallow).reason());
    }

    @Test
    void theBoundsRefuseSettingsOutsideTheirRanges() {
        JwtVerifier.Builder b = JwtVerifier.builder();
        assertThrows(IllegalArgumentException.class, () -> b.maxCandidateKeys(0));
        assertThrows(IllegalArgumentException.class, () -> b.maxCandidateKeys(65));
        assertThrows(IllegalArgumentException.class, () -> b.maxClaimsDepth(1));
        assertThrows(IllegalArgumentException.class, () -> b.maxClaimsDepth(257));
        assertThrows(IllegalArgumentException.class, () -> b.maxHeaderDepth(0));
        assertThrows(IllegalArgumentException.class, () -> b.maxRsaKeySize(1024));
        assertThrows(IllegalArgumentException.class, () -> b.maxRsaKeySize(16385));
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class, () -> b.minRsaKeySize(1023));
        assertEquals("minRsaKeySize must be between 1024 and 16384, got 1023", low.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.minRsaKeySize(16385));
    }
}
