package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwt.CryptoPolicy;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.JwtConfigurationException;
import dev.sigil.jwt.JwtVerifier;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link CryptoPolicy#FIPS_186_5} through a real backend: what it refuses, and what it leaves alone. */
class FipsPolicyTest {

    private static JwtVerifier.Builder fips(JcaCryptoBackend backend, JwkSet keys) {
        return JwtVerifier.builder().ignoreIssuer().ignoreAudience().keys(keys).cryptoBackend(backend)
                .cryptoPolicy(CryptoPolicy.FIPS_186_5);
    }

    @Test
    void refusesAStaticRsaKeyBelow2048BitsEvenWhenTheVerifiersMinimumWouldTakeIt() throws Exception {
        KeyPair rsa1024 = TestKeys.rsa(1024);
        JcaCryptoBackend backend = new JcaCryptoBackend();
        JwkSet keys = JwkSet.of(Jwk.of(Map.of("kty", "RSA", "kid", "old", "n", TestKeys.b64(TestKeys.unsigned(
                ((RSAPublicKey) rsa1024.getPublic()).getModulus())), "e", "AQAB")));
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class,
                () -> fips(backend, keys).minRsaKeySize(1024).build());
        assertEquals("keys(..) holds key 'old' that crypto policy FIPS_186_5 forbids: rsa modulus of 1024 bits is below"
                + " the 2048 bits FIPS 186-5 requires", e.getMessage());
        // The same key is accepted without the policy, by a verifier whose minimum is lowered.
        JwtVerifier.builder().ignoreIssuer().ignoreAudience().keys(keys).cryptoBackend(backend).minRsaKeySize(1024).build();
    }

    @Test
    void refusesAnHmacSecretBelow112Bits() {
        // Sigil refuses every secret shorter than HS256's 256 bits before any policy is asked, so the
        // policy's 112-bit floor is met by construction.
        JwkSet keys = JwkSet.of(Jwk.of(Map.of("kty", "oct", "kid", "s", "k", TestKeys.b64(new byte[13]))));
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class,
                () -> fips(new JcaCryptoBackend(), keys).algorithms(JwsAlgorithm.HS256).build());
        assertTrue(e.getMessage().contains("holds no 'oct' key of at least 256 bits"), e.getMessage());
        e = assertThrows(JwtConfigurationException.class, () -> fips(new JcaCryptoBackend(), keys).build());
        assertTrue(e.getMessage().contains("key #0 's': oct key of 104 bits is shorter than the 256 bits HS256 needs"),
                e.getMessage());
    }

    @Test
    void allowsWhatFips186Allows() throws Exception {
        KeyPair p256 = TestKeys.ec("secp256r1");
        JwkSet keys = JwkSet.of(TestKeys.jwk(p256.getPublic()));
        JwtVerifier verifier = fips(new JcaCryptoBackend(), keys).build();
        assertTrue(verifier.algorithms().contains(JwsAlgorithm.ES256));
        assertTrue(verifier.algorithms().contains(JwsAlgorithm.Ed25519), "FIPS 186-5 approves EdDSA");
        assertFalse(verifier.algorithms().contains(JwsAlgorithm.ES256K));
    }

    @Test
    void theFipsPolicyNeverAllowsSecp256k1() {
        assertFalse(CryptoPolicy.FIPS_186_5.allows(JwsAlgorithm.ES256K));
        assertTrue(CryptoPolicy.DEFAULT.allows(JwsAlgorithm.ES256K));
        for (JwsAlgorithm alg : JwsAlgorithm.values()) {
            assertEquals(alg != JwsAlgorithm.ES256K, CryptoPolicy.FIPS_186_5.allows(alg), alg.name());
        }
    }
}
