package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.sigil.jwk.DroppedKey;
import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksListener;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.testkit.TestCertificates;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code x5c} in a key set: the leaf certificate's key must equal the JWK's own parameters (or
 * supply them), and {@code x5t} / {@code x5t#S256} must match the certificate. Uses the keytool-made
 * certificates of {@code certificates/README.md}.
 */
class X5cKeySetTest {

    private static final Mint.Signer GOOD = Mint.signer(JwsAlgorithm.RS256);

    /** What the filter made of one key: "kept", or the reason it was dropped. */
    private static String outcome(Map<String, Object> members) {
        List<String> dropped = new ArrayList<>();
        int[] loaded = {-1};
        JwksListener listener = new JwksListener() {
            @Override
            public void keyDropped(DroppedKey key) {
                dropped.add(key.reason());
            }

            @Override
            public void keysLoaded(int usableKeys) {
                loaded[0] = usableKeys;
            }
        };
        // The good key keeps the set usable, so that build() succeeds whatever happens to the other.
        JwkSet set = JwkSet.of(Jwk.of(members), GOOD.keySet().keys().get(0));
        JwtVerifier.builder().ignoreIssuer().ignoreAudience().keys(set).listener(listener)
                .cryptoBackend(new JcaCryptoBackend()).build();
        return loaded[0] == 2 ? "kept" : String.join("; ", dropped);
    }

    private static Map<String, Object> withCertificate(String jwkCertificate, String derCertificate) {
        Map<String, Object> members = new LinkedHashMap<>(TestCertificates.jwk(jwkCertificate));
        members.put("kid", "cert-key");
        members.put("x5c", List.of(Base64.getEncoder().encodeToString(TestCertificates.der(derCertificate))));
        return members;
    }

    private static String thumbprint(String digest, String certificate) throws Exception {
        return Mint.b64(MessageDigest.getInstance(digest).digest(TestCertificates.der(certificate)));
    }

    @Test
    void keepsAKeyWhoseCertificateHoldsTheSameKey() {
        assertEquals("kept", outcome(withCertificate("rsa-2048", "rsa-2048")));
        assertEquals("kept", outcome(withCertificate("ec-p256", "ec-p256")));
        assertEquals("kept", outcome(withCertificate("ed25519", "ed25519")));
    }

    @Test
    void dropsAKeyWhoseCertificateHoldsAnotherKey() {
        Map<String, Object> members = withCertificate("rsa-2048", "rsa-2048");
        Map<String, Object> other = Mint.freshSigner(JwsAlgorithm.RS256, "x").keySet().keys().get(0).asMap();
        members.put("n", other.get("n"));
        assertEquals("x5c certificate key differs from the jwk's own parameters", outcome(members));
    }

    @Test
    void theCertificateSuppliesTheKeyWhenTheJwkHasNoParameters() {
        Map<String, Object> members = withCertificate("rsa-2048", "rsa-2048");
        members.remove("n");
        members.remove("e");
        assertEquals("kept", outcome(members));
    }

    @Test
    void dropsAKeyWhoseCertificateIsOfAnotherType() {
        Map<String, Object> members = withCertificate("rsa-2048", "ec-p256");
        members.remove("n");
        members.remove("e");
        assertEquals("x5c certificate holds a key of type EC, not RSA", outcome(members));
    }

    @Test
    void checksBothThumbprintsAgainstTheCertificate() throws Exception {
        Map<String, Object> members = withCertificate("ec-p256", "ec-p256");
        members.put("x5t", thumbprint("SHA-1", "ec-p256"));
        members.put("x5t#S256", thumbprint("SHA-256", "ec-p256"));
        assertEquals("kept", outcome(members));

        members.put("x5t", thumbprint("SHA-1", "rsa-2048"));
        assertEquals("x5t does not match the x5c certificate", outcome(members));

        members.put("x5t", thumbprint("SHA-1", "ec-p256"));
        members.put("x5t#S256", thumbprint("SHA-256", "rsa-2048"));
        assertEquals("x5t#S256 does not match the x5c certificate", outcome(members));
    }

    @Test
    void dropsAKeyWhoseCertificateIsGarbage() {
        Map<String, Object> members = withCertificate("rsa-2048", "rsa-2048");
        members.put("x5c", List.of(Base64.getEncoder().encodeToString(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00})));
        String outcome = outcome(members);
        assertNotEquals("kept", outcome);
    }
}
