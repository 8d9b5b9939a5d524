package dev.sigil.fips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.sigil.backend.jca.JcaCryptoBackend;
import dev.sigil.jwk.DroppedKey;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksListener;
import dev.sigil.jwt.CryptoPolicy;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.KeyImportException;
import dev.sigil.spi.KeyParameters;
import dev.sigil.spi.JwtConfigurationException;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.security.Provider;
import java.security.Security;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.bouncycastle.jcajce.provider.BouncyCastleFipsProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * backend-jca over the real BC-FIPS provider in approved-only mode, chosen by instance and never
 * registered globally: the FIPS-approved algorithms verify Nimbus-minted tokens, EdDSA is reported
 * unsupported, ML-DSA (which BC-FIPS 2.1 lacks) is unavailable with a message that says so, and the
 * FIPS policy holds.
 */
class BcFipsBackendTest {

    private static final Set<JwsAlgorithm> APPROVED = EnumSet.of(JwsAlgorithm.RS256, JwsAlgorithm.RS384,
            JwsAlgorithm.RS512, JwsAlgorithm.PS256, JwsAlgorithm.PS384, JwsAlgorithm.PS512, JwsAlgorithm.ES256,
            JwsAlgorithm.ES384, JwsAlgorithm.ES512, JwsAlgorithm.HS256, JwsAlgorithm.HS384, JwsAlgorithm.HS512);

    // Created once: BC-FIPS runs its power-on self-tests (about a second) per instance.
    private static Provider fips;
    private static JcaCryptoBackend backend;

    @BeforeAll
    static void createTheProviderOnce() {
        fips = new BouncyCastleFipsProvider();
        backend = JcaCryptoBackend.builder().provider(fips).build();
    }

    @Test
    void runsInApprovedOnlyModeWithoutRegisteringTheProvider() {
        assertTrue(CryptoServicesRegistrar.isInApprovedOnlyMode(), "surefire sets org.bouncycastle.fips.approved_only");
        assertEquals(null, Security.getProvider("BCFIPS"), "the provider is used by instance, not installed");
    }

    @Test
    void offersExactlyTheApprovedAlgorithmsItHas() {
        assertEquals(APPROVED, backend.algorithms());
        assertFalse(backend.algorithms().contains(JwsAlgorithm.EdDSA), "BC-FIPS approved mode has no EdDSA");
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256",
        "ES384", "ES512", "HS256", "HS384", "HS512"})
    void verifiesTokensMintedByNimbus(JwsAlgorithm alg) throws Exception {
        JWK key = key(alg);
        String token = mint(alg, key, Instant.now());
        JwtVerifier verifier = JwtVerifier.builder().issuer("https://issuer.example/").audience("api")
                .keys(JwkSet.parse("{\"keys\":[" + (key instanceof OctetSequenceKey ? key.toJSONString()
                        : key.toPublicJWK().toJSONString()) + "]}"))
                .algorithms(alg).cryptoBackend(backend).cryptoPolicy(CryptoPolicy.FIPS_186_5).build();
        assertEquals("user-1", verifier.verify(token).claims().subject().orElseThrow());

        JWK other = key(alg);
        String forged = mint(alg, other, Instant.now());
        assertEquals(Reason.INVALID_SIGNATURE,
                assertThrows(JwtVerificationException.class, () -> verifier.verify(forged)).reason());
    }

    @Test
    void listingEdDsaIsAConfigurationErrorBecauseTheProviderLacksIt() {
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class, () -> JwtVerifier.builder()
                .ignoreIssuer().ignoreAudience().jwksUri(URI.create("https://issuer.example/jwks"))
                .algorithms(JwsAlgorithm.EdDSA).cryptoBackend(backend).build());
        assertTrue(e.getMessage().startsWith("algorithms(..) lists [EdDSA], which crypto backend 'jca' does not support"),
                e.getMessage());
    }

    @Test
    void listingMlDsaIsAConfigurationErrorBecauseBcFips21HasNone() {
        for (CryptoPolicy policy : CryptoPolicy.values()) {
            JwtConfigurationException e = assertThrows(JwtConfigurationException.class, () -> JwtVerifier.builder()
                    .ignoreIssuer().ignoreAudience().jwksUri(URI.create("https://issuer.example/jwks"))
                    .algorithms(JwsAlgorithm.ML_DSA_65).cryptoBackend(backend).cryptoPolicy(policy).build());
            assertTrue(e.getMessage().startsWith("algorithms(..) lists [ML-DSA-65], which crypto backend 'jca' does not support"),
                    e.getMessage());
        }
    }

    @Test
    void anAkpKeyIsDroppedSayingTheProviderHasNoMlDsa() throws Exception {
        JWK rsa = new RSAKeyGenerator(2048).keyID("k").generate();
        byte[] pub = new byte[1952];
        new SecureRandom().nextBytes(pub);
        String akp = "{\"kty\":\"AKP\",\"alg\":\"ML-DSA-65\",\"kid\":\"pq\",\"pub\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(pub) + "\"}";
        JwkSet keys = JwkSet.parse("{\"keys\":[" + rsa.toPublicJWK().toJSONString() + "," + akp + "]}");
        for (CryptoPolicy policy : CryptoPolicy.values()) {
            List<DroppedKey> dropped = new ArrayList<>();
            JwtVerifier verifier = JwtVerifier.builder().issuer("https://issuer.example/").audience("api").keys(keys)
                    .cryptoBackend(backend).cryptoPolicy(policy).listener(new JwksListener() {
                        @Override
                        public void keyDropped(DroppedKey key) {
                            dropped.add(key);
                        }
                    }).build();
            assertEquals("user-1", verifier.verify(mint(JwsAlgorithm.RS256, rsa, Instant.now())).claims().subject().orElseThrow());
            assertEquals(1, dropped.size(), dropped::toString);
            assertEquals("pq", dropped.get(0).keyId());
            // The backend's own reason: a FIPS deployment is not pointed at bcprov or another JDK.
            assertEquals("ML-DSA-65 is not available from backend 'jca': provider BCFIPS does not offer it"
                    + " (BC-FIPS 2.1 has no ML-DSA)", dropped.get(0).reason(), policy::toString);
        }
    }

    @Test
    void theBackendItselfSaysBcFipsHasNoMlDsa() {
        KeyImportException e = assertThrows(KeyImportException.class,
                () -> backend.importKey(new KeyParameters.Akp("ML-DSA-44", new byte[1312])));
        assertEquals("ML-DSA-44 is not available from backend 'jca': provider BCFIPS does not offer it"
                + " (BC-FIPS 2.1 has no ML-DSA)", e.getMessage());
    }

    private static JWK key(JwsAlgorithm alg) throws JOSEException {
        switch (alg.family()) {
            case ECDSA:
                Curve curve = alg == JwsAlgorithm.ES256 ? Curve.P_256 : alg == JwsAlgorithm.ES384 ? Curve.P_384 : Curve.P_521;
                return new ECKeyGenerator(curve).keyID("k").generate();
            case HMAC:
                return new OctetSequenceKeyGenerator(alg.componentLength() * 8).keyID("k").generate();
            default:
                return new RSAKeyGenerator(2048).keyID("k").generate();
        }
    }

    private static String mint(JwsAlgorithm alg, JWK key, Instant now) throws JOSEException {
        JWSSigner signer = alg.family() == JwsAlgorithm.Family.ECDSA ? new ECDSASigner(key.toECKey())
                : alg.family() == JwsAlgorithm.Family.HMAC ? new MACSigner(key.toOctetSequenceKey())
                : new RSASSASigner(key.toRSAKey());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(alg.name())).keyID("k").build(),
                new JWTClaimsSet.Builder().issuer("https://issuer.example/").audience("api").subject("user-1")
                        .expirationTime(Date.from(now.plusSeconds(600))).build());
        jwt.sign(signer);
        return jwt.serialize();
    }
}
