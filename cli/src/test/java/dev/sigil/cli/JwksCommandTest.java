package dev.sigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.jwk.JwkSet;
import dev.sigil.testkit.FakeIssuer;
import dev.sigil.testkit.RealIssuers;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwksCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsAnIssuersKeysWithThumbprintsAndTheKeysDroppedWithTheirReasons() throws JOSEException {
        RSAKey good = TestTokens.rsa("good").key.toPublicJWK();
        RSAKey encryption = new RSAKeyGenerator(2048).keyID("enc").keyUse(KeyUse.ENCRYPTION).generate().toPublicJWK();
        RSAKey withPrivate = new RSAKeyGenerator(2048).keyID("leaked").keyUse(KeyUse.SIGNATURE).generate();
        String jwks = "{\"keys\":[" + good.toJSONString() + "," + encryption.toJSONString() + ","
                + withPrivate.toJSONString() + ",{\"kid\":\"no-kty\"}]}";
        try (FakeIssuer issuer = FakeIssuer.start()) {
            issuer.publishKeys(jwks);
            Cli.Result r = Cli.run("jwks", "--issuer", issuer.issuer());
            assertEquals(0, r.exit(), r.all());
            String out = r.out();
            assertTrue(out.startsWith("keys of issuer " + issuer.issuer() + ": 4 published, 1 usable, 3 dropped"), out);
            assertTrue(out.contains("#0 kid 'good'\n   kty RSA   alg RS256   use sig   2048 bits\n   thumbprint "
                    + good.computeThumbprint() + "  (RFC 7638, SHA-256)\n   usable"), out);
            assertTrue(out.contains("#1 kid 'enc'"), out);
            assertTrue(out.contains("DROPPED: use is 'enc', not 'sig'"), out);
            assertTrue(out.contains("DROPPED: carries private key material"), out);
            assertTrue(out.contains("#3 DROPPED (malformed): jwk has no 'kty'"), out);
            assertTrue(out.contains("listener events:\n  fetched " + issuer.discoveryUri() + ": 200"), out);
            assertTrue(out.contains("loaded 1 usable key"), out);
            assertFalse(out.contains(withPrivate.getPrivateExponent().toString()), "never key material");
        }
    }

    @Test
    void showsAnMlDsaKeysAlgSizeAndThumbprintAndWhyThisBackendDropsIt() throws Exception {
        String json;
        try (InputStream in = JwksCommandTest.class.getResourceAsStream("/dev/sigil/testkit/rfc9964/ML_DSA_65.jose.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Object> jwk = new LinkedHashMap<>(JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(json), "jwk"));
        jwk.remove("priv");
        String jwks = "{\"keys\":[" + JSONObjectUtils.toJSONString(jwk) + "," + TestTokens.rsa("good").key.toPublicJWK()
                .toJSONString() + "]}";
        try (FakeIssuer issuer = FakeIssuer.start()) {
            issuer.publishKeys(jwks);
            Cli.Result r = Cli.run("jwks", "--issuer", issuer.issuer());
            assertEquals(0, r.exit(), r.all());
            String out = r.out();
            assertTrue(out.contains("kty AKP   alg ML-DSA-65   use -   public key 1952 bytes"), out);
            assertTrue(out.contains("thumbprint " + jwk.get("kid")), out);
            // The command runs on backend-jca, which on JDK 17 has no ML-DSA, and says so in its own words.
            assertTrue(out.contains("DROPPED: ML-DSA-65 is not available from backend 'jca': the JDK's own ML-DSA"
                    + " needs JDK 24 or later"), out);
        }
    }

    @Test
    void fetchesAGivenJwksUriWithoutDiscovery() {
        try (FakeIssuer issuer = FakeIssuer.start()) {
            issuer.publishKeys(TestTokens.rsa("k1").jwks());
            Cli.Result r = Cli.run("jwks", "--jwks-uri", issuer.jwksUri().toString());
            assertEquals(0, r.exit(), r.all());
            assertTrue(r.out().startsWith("keys of " + issuer.jwksUri() + ": 1 published, 1 usable, 0 dropped"), r.out());
            assertEquals(0, issuer.discoveryRequests());
        }
    }

    @Test
    void exitsOneWhenTheSetCannotBeHad() {
        try (FakeIssuer issuer = FakeIssuer.start()) {
            issuer.failJwks(500, Map.of());
            Cli.Result r = Cli.run("jwks", "--issuer", issuer.issuer());
            assertEquals(1, r.exit());
            assertTrue(r.err().startsWith("no key set: KEYS_UNAVAILABLE"), r.err());
            assertTrue(r.out().contains("fetch failed " + issuer.jwksUri()), r.out());
        }
    }

    @Test
    void listsTheDemoIssuersKeys() throws Exception {
        Json json = Json.resolve();
        try (DemoIssuer issuer = DemoIssuer.start()) {
            DemoKey rsa = DemoKey.generate("rsa-1", JwsAlgorithm.RS256);
            DemoKey ec = DemoKey.generate("ec-1", JwsAlgorithm.ES256);
            DemoKey ed = DemoKey.generate("ed-1", JwsAlgorithm.EdDSA);
            issuer.publish(json.compact(Map.of("keys", List.of(rsa.publicJwk(), ec.publicJwk(), ed.publicJwk()))));
            Cli.Result r = Cli.run("jwks", "--issuer", issuer.issuer());
            assertEquals(0, r.exit(), r.all());
            assertTrue(r.out().contains("3 published, 3 usable, 0 dropped"), r.out());
            assertTrue(r.out().contains("kty EC   alg ES256   use sig   P-256"), r.out());
            assertTrue(r.out().contains("kty OKP   alg EdDSA   use sig   Ed25519"), r.out());
        }
    }

    @Test
    void readsAFileAndShowsTheCertificatesSubjectAndValidity() throws Exception {
        RSAKey certified = withCertificate("certified");
        RSAKey weak = new RSAKeyGenerator(1024, true).keyID("weak").generate().toPublicJWK();
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, "{\"keys\":[" + certified.toJSONString() + "," + weak.toJSONString() + "]}");
        Cli.Result r = Cli.run("jwks", file.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("x5c subject CN=certified,O=Fake Issuer"), r.out());
        assertTrue(r.out().matches("(?s).*x5c valid \\S+Z to \\S+Z\n.*"), r.out());
        assertTrue(r.out().contains("#1 kid 'weak'"), r.out());
        assertTrue(r.out().contains("1024 bits"), r.out());
        assertTrue(r.out().contains("DROPPED: "), r.out());
    }

    @Test
    void exitsOneForAFileWithNoUsableKeyAndSaysWhy() throws IOException {
        Path file = dir.resolve("enc.json");
        Files.writeString(file, "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"e1\",\"use\":\"enc\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}");
        Cli.Result r = Cli.run("jwks", file.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("1 published, 0 usable, 1 dropped"), r.out());
        assertTrue(r.out().contains("no usable key: "), r.out());
        assertTrue(r.out().contains("use is 'enc', not 'sig'"), r.out());
    }

    @Test
    void exitsOneForAFileThatIsNotAKeySet() throws IOException {
        Path file = dir.resolve("not.json");
        Files.writeString(file, "{\"kty\":\"RSA\"}");
        Cli.Result r = Cli.run("jwks", file.toString());
        assertEquals(1, r.exit());
        assertEquals("not a key set: jwk set has no 'keys' array\n", r.err());
    }

    @Test
    void needsExactlyOneSource() {
        assertEquals(2, Cli.run("jwks").exit());
        assertEquals(2, Cli.run("jwks", "--issuer", "https://a.example/", "--jwks-uri", "https://a.example/k").exit());
        assertEquals(2, Cli.run("jwks", dir.resolve("missing.json").toString()).exit());
    }

    private Path realIssuer(String name) throws IOException {
        Path file = dir.resolve(name + ".jwks.json");
        Files.write(file, RealIssuers.jwks(name));
        return file;
    }

    @Test
    void printsEveryRealProvidersKidsWholeThroughTheUntrustedTextSanitizer() throws IOException {
        for (String name : RealIssuers.NAMES) {
            Cli.Result r = Cli.run("jwks", realIssuer(name).toString());
            assertEquals(0, r.exit(), r.all());
            assertFalse(r.out().contains("not shown"), r.out());
            JwkSet set = JwkSet.parse(RealIssuers.jwks(name));
            for (int i = 0; i < set.keys().size(); i++) {
                String kid = set.keys().get(i).keyId().orElseThrow();
                assertTrue(r.out().contains("#" + set.sourcePosition(i) + " kid '" + kid + "'\n"), name + ": " + kid);
            }
        }
    }

    @Test
    void saysWhyYahoosAndPayPalsKeysAreRefusedAndWhichFlagWouldChangeIt() throws IOException {
        Cli.Result yahoo = Cli.run("jwks", realIssuer("yahoo").toString());
        assertEquals(0, yahoo.exit(), yahoo.all());
        assertTrue(yahoo.out().contains("4 published, 1 usable, 3 dropped"), yahoo.out());
        assertTrue(yahoo.out().contains("#0 kid '6ff94cdad11e7c3ac08dc9ec3c44844b87e364f7'\n   kty RSA   alg RS256   use sig"
                + "   1024 bits\n"), yahoo.out());
        assertTrue(yahoo.out().contains("DROPPED: rsa modulus of 1024 bits is below the minimum of 2048: RFC 7518 section 3.3"
                + " requires 2048 bits or more for RS256 and every RSA algorithm (--min-rsa-key-size lowers the minimum, at"
                + " the risk its documentation states)"), yahoo.out());
        Cli.Result lowered = Cli.run("jwks", "--min-rsa-key-size", "1024", realIssuer("yahoo").toString());
        assertTrue(lowered.out().contains("4 published, 4 usable, 0 dropped"), lowered.out());
        assertEquals(2, Cli.run("jwks", "--min-rsa-key-size", "512", realIssuer("yahoo").toString()).exit());
        assertEquals(2, Cli.run("jwks", "--min-rsa-key-size", "many", realIssuer("yahoo").toString()).exit());

        Cli.Result paypal = Cli.run("jwks", realIssuer("paypal").toString());
        assertTrue(paypal.out().contains("15 published, 14 usable, 1 dropped"), paypal.out());
        assertTrue(paypal.out().contains("   kty OKP   alg -   use -   X25519\n"), paypal.out());
        assertTrue(paypal.out().contains("DROPPED: curve X25519 is for key agreement and cannot verify signatures: it serves"
                + " ECDH-ES encryption (RFC 8037 section 3.2), and no setting makes it a signing key"), paypal.out());
    }

    @Test
    void keepsBattleNetsKeysWithANoteAndTheThumbprintOfTheirCanonicalSpelling() throws Exception {
        Cli.Result r = Cli.run("jwks", realIssuer("battle-net").toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("2 published, 2 usable, 0 dropped"), r.out());
        assertTrue(r.out().contains("note: 'n' is standard base64 or padded, not base64url; 'n' has leading zero octets"
                + " (accepted: the key is the same)"), r.out());
        // RFC 7638 over the canonical members: Nimbus's thumbprint of the key re-spelled as RFC 7518 asks.
        Map<String, Object> key = JSONObjectUtils.parse(new String(RealIssuers.jwks("battle-net"), StandardCharsets.UTF_8));
        Map<String, Object> first = JSONObjectUtils.getJSONObjectArray(key, "keys")[0];
        byte[] n = java.util.Base64.getDecoder().decode((String) first.get("n"));
        RSAKey canonical = new RSAKey.Builder(Base64URL.encode(new BigInteger(1, n)), new Base64URL("AQAB")).build();
        assertTrue(r.out().contains("thumbprint " + canonical.computeThumbprint() + "  (RFC 7638, SHA-256)"), r.out());
    }

    /** A key with a self-signed certificate from the JDK's keytool, so no test library mints it. */
    private RSAKey withCertificate(String kid) throws IOException, InterruptedException, GeneralSecurityException {
        Path store = dir.resolve(kid + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "k", "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                "-dname", "CN=" + kid + ", O=Fake Issuer", "-validity", "365", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        X509Certificate cert = (X509Certificate) ks.getCertificate("k");
        return new RSAKey.Builder((RSAPublicKey) cert.getPublicKey()).keyID(kid).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).x509CertChain(List.of(Base64.encode(cert.getEncoded()))).build();
    }
}
