package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.VerificationKey;
import dev.sigil.testkit.CryptoBackendEngineReuseContract;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A thread's engine stays initialised with the key of its last call and skips {@code initVerify}
 * when the same key comes again ({@link KeyedSignature}). What every backend owes there, through
 * the SPI alone, is {@link JcaEngineReuseContractTest}'s; these are the JCA backend's own cases:
 * a signature the JDK's EdDSA throws on with the call's input still inside, and the DER-only
 * {@link EcdsaVerifier} of providers without P1363, reached directly. Keys and signatures are the
 * JDK's own, made fresh for each test.
 */
class EngineReuseTest {

    private static final byte[] DATA = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9".getBytes(StandardCharsets.US_ASCII);

    private final JcaCryptoBackend backend = new JcaCryptoBackend();

    @Test
    void anEd25519SignatureTheJdkThrowsOnLeavesNothingBehindForTheNextCall() throws Exception {
        KeyPair pair = TestKeys.Kind.ED25519.generate();
        VerificationKey key = backend.importKey(TestKeys.parameters(pair.getPublic()));
        byte[] signature = TestKeys.sign(JwsAlgorithm.EdDSA, pair.getPrivate(), DATA);
        byte[] sTooLarge = signature.clone();
        Arrays.fill(sTooLarge, 32, 64, (byte) 0xff);
        // The precondition that makes this test worth having: the JDK's EdDSA throws here, before
        // it drops the input it was given, which then poisons the next call unless it re-initialises.
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(pair.getPublic());
        jdk.update(DATA);
        assertThrows(GeneralSecurityException.class, () -> jdk.verify(sTooLarge));

        assertTrue(verify(JwsAlgorithm.EdDSA, key, signature));
        for (int i = 0; i < 3; i++) {
            assertFalse(verify(JwsAlgorithm.EdDSA, key, sTooLarge));
            assertTrue(verify(JwsAlgorithm.EdDSA, key, signature), "after throw " + i);
            assertFalse(verify(JwsAlgorithm.Ed25519, key, sTooLarge));
            assertTrue(verify(JwsAlgorithm.Ed25519, key, signature), "after throw " + i);
        }
    }

    @Test
    void aDerOnlyEngineRecoversFromTheSignaturesItRefuses() throws Exception {
        KeyPair a = TestKeys.Kind.P256.generate();
        KeyPair b = TestKeys.Kind.P256.generate();
        JcaKey keyA = (JcaKey) backend.importKey(TestKeys.parameters(a.getPublic()));
        JcaKey keyB = (JcaKey) backend.importKey(TestKeys.parameters(b.getPublic()));
        Signature der = Signature.getInstance("SHA256withECDSA");
        // The path of providers without P1363 (BC-FIPS), here over the JDK's DER engine.
        EcdsaVerifier derOnly = new EcdsaVerifier("P-256", "SHA256withECDSA", der.getProvider(), false);
        byte[] signedByA = TestKeys.sign(JwsAlgorithm.ES256, a.getPrivate(), DATA);
        byte[] signedByB = TestKeys.sign(JwsAlgorithm.ES256, b.getPrivate(), DATA);
        for (int i = 0; i < 3; i++) {
            assertTrue(derOnly.verify(keyA, DATA, 0, DATA.length, signedByA));
            assertFalse(derOnly.verify(keyA, DATA, 0, DATA.length, signedByB));
            assertTrue(derOnly.verify(keyB, DATA, 0, DATA.length, signedByB));
            for (byte[] bad : CryptoBackendEngineReuseContract.refusedSignatures(signedByB)) {
                assertFalse(derOnly.verify(keyB, DATA, 0, DATA.length, bad), () -> "bad signature " + TestKeys.b64(bad));
            }
            assertTrue(derOnly.verify(keyB, DATA, 0, DATA.length, signedByB));
            assertFalse(derOnly.verify(keyB, DATA, 0, DATA.length - 1, signedByB));
        }
    }

    private boolean verify(JwsAlgorithm alg, VerificationKey key, byte[] signature) {
        return backend.verify(alg, key, DATA, 0, DATA.length, signature);
    }
}
