package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.KeyImportException;
import dev.sigil.spi.KeyParameters;
import dev.sigil.spi.VerificationKey;
import dev.sigil.testkit.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JDK's own ML-DSA (JDK 24 and later) through this backend, with keys and signatures made by
 * the JDK's signer; and, on JDK 17 to 23, its absence, said plainly. Tagged so that {@code .ci/run}
 * runs these again on JDK 25.
 */
@Tag("mldsa")
class MlDsaTest {

    private static final Set<JwsAlgorithm> ML_DSA = EnumSet.of(JwsAlgorithm.ML_DSA_44, JwsAlgorithm.ML_DSA_65, JwsAlgorithm.ML_DSA_87);
    private static final byte[] DATA = "eyJhbGciOiJNTC1EU0EtNjUifQ.eyJzdWIiOiJhbGljZSJ9".getBytes(StandardCharsets.US_ASCII);
    private static final int FEATURE = Runtime.version().feature();

    private final JcaCryptoBackend backend = new JcaCryptoBackend();

    private static void assumeJdkMlDsa() {
        assumeTrue(FEATURE >= 24, "the JDK's ML-DSA arrived in JDK 24; this is JDK " + FEATURE
                + " (.ci/run runs these on Temurin 25)");
    }

    private static KeyPair generate(MlDsaParameters set) throws GeneralSecurityException {
        return KeyPairGenerator.getInstance(set.jwsName()).generateKeyPair();
    }

    /** The raw FIPS 204 public key: what an issuer publishes as {@code pub}. */
    private static byte[] raw(MlDsaParameters set, PublicKey key) {
        byte[] spki = key.getEncoded();
        return Arrays.copyOfRange(spki, spki.length - set.publicKeyBytes(), spki.length);
    }

    private static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("ML-DSA");
        signer.initSign(key);
        signer.update(data);
        return signer.sign();
    }

    private VerificationKey importKey(MlDsaParameters set, PublicKey key) throws KeyImportException {
        return backend.importKey(new KeyParameters.Akp(set.jwsName(), raw(set, key)));
    }

    @Test
    void offersNoMlDsaBeforeJdk24AndSaysWhichJdkOrBackendWould() {
        assumeTrue(FEATURE < 24, "on JDK " + FEATURE + " the JDK has ML-DSA");
        assertTrue(Collections.disjoint(backend.algorithms(), ML_DSA), backend.algorithms()::toString);
        KeyImportException e = assertThrows(KeyImportException.class,
                () -> backend.importKey(new KeyParameters.Akp("ML-DSA-65", new byte[1952])));
        assertEquals("ML-DSA-65 is not available from backend 'jca': the JDK's own ML-DSA needs JDK 24 or later,"
                + " and this is JDK " + FEATURE + "; sigil-backend-bouncycastle verifies ML-DSA on any JDK", e.getMessage());
    }

    /**
     * A certificate's ML-DSA key is read on any JDK, from the certificate's own bytes, so that core
     * can compare it with the JWK's; before JDK 24 importing it then fails with the reason above.
     */
    @ParameterizedTest
    @EnumSource(MlDsaParameters.class)
    void readsAnMlDsaCertificatesKeyOnEveryJdkAndImportsItFromJdk24(MlDsaParameters set) throws Exception {
        String name = "mldsa-" + set.jwsName().substring("ML-DSA-".length());
        KeyParameters read = backend.readCertificateKey(TestCertificates.der(name));
        byte[] pub = Base64.getUrlDecoder().decode((String) TestCertificates.jwk(name).get("pub"));
        assertEquals(new KeyParameters.Akp(set.jwsName(), pub), read);
        if (FEATURE < 24) {
            KeyImportException e = assertThrows(KeyImportException.class, () -> backend.importKey(read));
            assertEquals(set.jwsName() + " is not available from backend 'jca': the JDK's own ML-DSA needs JDK 24 or later,"
                    + " and this is JDK " + FEATURE + "; sigil-backend-bouncycastle verifies ML-DSA on any JDK", e.getMessage());
        } else {
            assertEquals("MlDsaKey[" + set.jwsName() + "]", backend.importKey(read).toString());
        }
    }

    /**
     * What RFC 9881 forbids, in this backend's words on every JDK: the certificate's own bytes are
     * read, whatever key the JDK's certificate factory made of them.
     */
    @Test
    void refusesAnMlDsaCertificateWithParametersOrAKeyOfTheWrongLength() {
        KeyImportException withNull = assertThrows(KeyImportException.class,
                () -> backend.readCertificateKey(TestCertificates.mlDsaWithNullParameters("mldsa-65")));
        assertEquals("certificate's ML-DSA-65 key has algorithm parameters, which RFC 9881 forbids", withNull.getMessage());
        KeyImportException shorter = assertThrows(KeyImportException.class,
                () -> backend.readCertificateKey(TestCertificates.mlDsaWithKeyLength("mldsa-44", 1311)));
        assertEquals("certificate's ML-DSA-44 public key must be 1312 bytes, got 1311", shorter.getMessage());
        KeyImportException longer = assertThrows(KeyImportException.class,
                () -> backend.readCertificateKey(TestCertificates.mlDsaWithKeyLength("mldsa-87", 2593)));
        assertEquals("certificate's ML-DSA-87 public key must be 2592 bytes, got 2593", longer.getMessage());
    }

    @Test
    void offersAllThreeOnJdk24AndLater() {
        assumeJdkMlDsa();
        assertTrue(backend.algorithms().containsAll(ML_DSA), backend.algorithms()::toString);
    }

    @ParameterizedTest
    @EnumSource(MlDsaParameters.class)
    void theFixedSpkiPrefixIsWhatTheJdkEncodes(MlDsaParameters set) throws Exception {
        assumeJdkMlDsa();
        PublicKey key = generate(set).getPublic();
        assertEquals("X.509", key.getFormat());
        assertArrayEquals(key.getEncoded(), set.toSpki(raw(set, key)));
    }

    @ParameterizedTest
    @EnumSource(MlDsaParameters.class)
    void verifiesTheJdkSignersSignaturesAndNothingElse(MlDsaParameters set) throws Exception {
        assumeJdkMlDsa();
        KeyPair pair = generate(set);
        VerificationKey key = importKey(set, pair.getPublic());
        byte[] signature = sign(pair.getPrivate(), DATA);
        assertEquals(set.signatureBytes(), signature.length);
        JwsAlgorithm alg = set.algorithm();
        for (int round = 0; round < 2; round++) {
            assertTrue(backend.verify(alg, key, DATA, 0, DATA.length, signature));
            byte[] tampered = DATA.clone();
            tampered[tampered.length - 1] ^= 1;
            assertFalse(backend.verify(alg, key, tampered, 0, tampered.length, signature));
            for (int i : new int[] {0, 100, signature.length - 1}) {
                byte[] bad = signature.clone();
                bad[i] ^= 0x01;
                assertFalse(backend.verify(alg, key, DATA, 0, DATA.length, bad), "bit flipped at " + i);
            }
            assertFalse(backend.verify(alg, key, DATA, 0, DATA.length, Arrays.copyOf(signature, signature.length - 1)));
            assertFalse(backend.verify(alg, key, DATA, 0, DATA.length, Arrays.copyOf(signature, signature.length + 1)));
            // The engine that just refused is still right for the next call on the same key.
            assertTrue(backend.verify(alg, key, DATA, 0, DATA.length, signature), "after refusals, round " + round);
        }
    }

    @Test
    void aKeyVerifiesOnlyUnderItsOwnParameterSetAndKeysAlternateOnOneThread() throws Exception {
        assumeJdkMlDsa();
        KeyPair a = generate(MlDsaParameters.ML_DSA_65);
        KeyPair b = generate(MlDsaParameters.ML_DSA_65);
        KeyPair small = generate(MlDsaParameters.ML_DSA_44);
        VerificationKey keyA = importKey(MlDsaParameters.ML_DSA_65, a.getPublic());
        VerificationKey keyB = importKey(MlDsaParameters.ML_DSA_65, b.getPublic());
        VerificationKey key44 = importKey(MlDsaParameters.ML_DSA_44, small.getPublic());
        byte[] byA = sign(a.getPrivate(), DATA);
        byte[] byB = sign(b.getPrivate(), DATA);
        byte[] by44 = sign(small.getPrivate(), DATA);
        for (int i = 0; i < 3; i++) {
            assertTrue(backend.verify(JwsAlgorithm.ML_DSA_65, keyA, DATA, 0, DATA.length, byA));
            assertFalse(backend.verify(JwsAlgorithm.ML_DSA_65, keyA, DATA, 0, DATA.length, byB));
            assertTrue(backend.verify(JwsAlgorithm.ML_DSA_65, keyB, DATA, 0, DATA.length, byB));
            assertFalse(backend.verify(JwsAlgorithm.ML_DSA_44, keyA, DATA, 0, DATA.length, by44));
            assertFalse(backend.verify(JwsAlgorithm.ML_DSA_65, key44, DATA, 0, DATA.length, byA));
            assertTrue(backend.verify(JwsAlgorithm.ML_DSA_44, key44, DATA, 0, DATA.length, by44));
            assertFalse(backend.verify(JwsAlgorithm.EdDSA, keyA, DATA, 0, DATA.length, byA));
        }
    }

    @Test
    void keysAreNamedByTheirParameterSetOnly() throws Exception {
        assumeJdkMlDsa();
        VerificationKey key = importKey(MlDsaParameters.ML_DSA_87, generate(MlDsaParameters.ML_DSA_87).getPublic());
        assertEquals("MlDsaKey[ML-DSA-87]", key.toString());
    }
}
