package dev.sigil.backend.bouncycastle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwt.JwsAlgorithm;
import dev.sigil.spi.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** HMAC is compared over its full length, byte for byte. */
class HmacTest {

    private static final byte[] DATA = "header.payload".getBytes(StandardCharsets.US_ASCII);

    private final BouncyCastleCryptoBackend backend = new BouncyCastleCryptoBackend();

    @ParameterizedTest
    @EnumSource(names = {"HS256", "HS384", "HS512"})
    void rejectsAMacWhoseLastByteIsChanged(JwsAlgorithm alg) throws Exception {
        byte[] secret = TestKeys.randomBytes(64);
        VerificationKey key = backend.importKey(TestKeys.octJwk(secret));
        byte[] mac = TestKeys.mac(alg, secret, DATA);
        assertTrue(backend.verify(alg, key, DATA, 0, DATA.length, mac));
        byte[] changed = mac.clone();
        changed[changed.length - 1] ^= 0x01;
        assertFalse(backend.verify(alg, key, DATA, 0, DATA.length, changed));
    }

    @ParameterizedTest
    @EnumSource(names = {"HS256", "HS384", "HS512"})
    void rejectsEveryTruncationOfACorrectMac(JwsAlgorithm alg) throws Exception {
        byte[] secret = TestKeys.randomBytes(64);
        VerificationKey key = backend.importKey(TestKeys.octJwk(secret));
        byte[] mac = TestKeys.mac(alg, secret, DATA);
        for (int length = 0; length < mac.length; length++) {
            assertFalse(backend.verify(alg, key, DATA, 0, DATA.length, Arrays.copyOf(mac, length)), "length " + length);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"HS256", "HS384", "HS512"})
    void rejectsTheMacOfAnotherHmacAlgorithmWithTheSameSecret(JwsAlgorithm alg) throws Exception {
        byte[] secret = TestKeys.randomBytes(64);
        VerificationKey key = backend.importKey(TestKeys.octJwk(secret));
        for (JwsAlgorithm other : new JwsAlgorithm[] {JwsAlgorithm.HS256, JwsAlgorithm.HS384, JwsAlgorithm.HS512}) {
            if (other != alg) {
                byte[] mac = TestKeys.mac(other, secret, DATA);
                assertFalse(backend.verify(alg, key, DATA, 0, DATA.length, mac), other.name());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"HS256", "HS384", "HS512"})
    void keepsTwoSecretsApartOnOneThread(JwsAlgorithm alg) throws Exception {
        // Per-key engines: verifying with one key must not leave the other's MAC state behind.
        byte[] first = TestKeys.randomBytes(64);
        byte[] second = TestKeys.randomBytes(64);
        VerificationKey firstKey = backend.importKey(TestKeys.octJwk(first));
        VerificationKey secondKey = backend.importKey(TestKeys.octJwk(second));
        byte[] firstMac = TestKeys.mac(alg, first, DATA);
        byte[] secondMac = TestKeys.mac(alg, second, DATA);
        for (int i = 0; i < 3; i++) {
            assertTrue(backend.verify(alg, firstKey, DATA, 0, DATA.length, firstMac));
            assertFalse(backend.verify(alg, firstKey, DATA, 0, DATA.length, secondMac));
            assertTrue(backend.verify(alg, secondKey, DATA, 0, DATA.length, secondMac));
            assertFalse(backend.verify(alg, secondKey, DATA, 0, DATA.length, firstMac));
        }
    }
}
