package dev.sigil.internal.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.internal.codec.Base64Url;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.KeyParameters;
import dev.sigil.spi.VerificationKey;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThumbprintTest {

    /** RFC 7638 section 3.1. */
    private static final String RFC7638_N = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc"
            + "_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAta"
            + "Sqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xB"
            + "niIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

    /** RFC 8037 appendix A.3. */
    private static final String RFC8037_X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

    private final CryptoBackend sha256 = new Sha256Only();

    @Test
    void theRfc7638RsaExampleHasTheRfcsThumbprint() {
        KeyParameters.Rsa key = rsa(Base64Url.decode(RFC7638_N), BigInteger.valueOf(65537));

        assertEquals("{\"e\":\"AQAB\",\"kty\":\"RSA\",\"n\":\"" + RFC7638_N + "\"}", Thumbprint.canonicalJson(key));
        assertEquals("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", Base64Url.encode(Thumbprint.of(key, sha256)));
    }

    @Test
    void theRfc8037Ed25519ExampleHasTheRfcsThumbprint() {
        KeyParameters.Okp key = new KeyParameters.Okp("Ed25519", Base64Url.decode(RFC8037_X));

        assertEquals("{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + RFC8037_X + "\"}", Thumbprint.canonicalJson(key));
        assertEquals("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", Base64Url.encode(Thumbprint.of(key, sha256)));
    }

    @Test
    void aModulusWithLeadingZeroOctetsHasTheThumbprintOfTheStrippedOne() {
        byte[] stripped = Base64Url.decode(RFC7638_N);
        byte[] padded = new byte[stripped.length + 2];
        System.arraycopy(stripped, 0, padded, 2, stripped.length);

        assertArrayEquals(Thumbprint.of(rsa(stripped, BigInteger.valueOf(65537)), sha256),
                Thumbprint.of(rsa(padded, BigInteger.valueOf(65537)), sha256));
    }

    @Test
    void numbersWithTheirTopBitSetAreWrittenWithoutTheSignOctet() {
        // BigInteger.toByteArray() gives 0x00 0x80 for 128: the zero octet must not reach the JSON.
        KeyParameters.Rsa key = rsa(Base64Url.decode(RFC7638_N), BigInteger.valueOf(128));

        String json = Thumbprint.canonicalJson(key);
        assertTrue(json.startsWith("{\"e\":\"gA\",\"kty\":\"RSA\",\"n\":\"0vx7"), json);
    }

    @Test
    void writesEachKeyTypesRequiredMembersInLexicographicOrder() {
        byte[] x = filled(32, 1);
        byte[] y = filled(32, 2);
        String x64 = Base64Url.encode(x);
        String y64 = Base64Url.encode(y);

        assertEquals("{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + x64 + "\",\"y\":\"" + y64 + "\"}",
                Thumbprint.canonicalJson(new KeyParameters.Ec("P-256", x, y)));
        assertEquals("{\"k\":\"" + x64 + "\",\"kty\":\"oct\"}", Thumbprint.canonicalJson(new KeyParameters.Oct(x)));
        byte[] pub = filled(1312, 3);
        assertEquals("{\"alg\":\"ML-DSA-44\",\"kty\":\"AKP\",\"pub\":\"" + Base64Url.encode(pub) + "\"}",
                Thumbprint.canonicalJson(new KeyParameters.Akp("ML-DSA-44", pub)));
    }

    @Test
    void differentKeysHaveDifferentThumbprints() {
        byte[] n = Base64Url.decode(RFC7638_N);
        byte[] a = filled(32, 1);
        byte[] b = filled(32, 2);
        byte[][] thumbprints = {
            Thumbprint.of(rsa(n, BigInteger.valueOf(65537)), sha256),
            Thumbprint.of(rsa(n, BigInteger.valueOf(3)), sha256),
            Thumbprint.of(new KeyParameters.Ec("P-256", a, b), sha256),
            Thumbprint.of(new KeyParameters.Ec("P-256", a, a), sha256),
            // The same coordinates on another curve are another key.
            Thumbprint.of(new KeyParameters.Ec("secp256k1", a, b), sha256),
            Thumbprint.of(new KeyParameters.Okp("Ed25519", a), sha256),
            Thumbprint.of(new KeyParameters.Okp("Ed25519", b), sha256),
            Thumbprint.of(new KeyParameters.Oct(a), sha256),
            Thumbprint.of(new KeyParameters.Akp("ML-DSA-44", filled(1312, 1)), sha256),
        };
        for (int i = 0; i < thumbprints.length; i++) {
            assertEquals(32, thumbprints[i].length);
            for (int j = i + 1; j < thumbprints.length; j++) {
                assertFalse(Arrays.equals(thumbprints[i], thumbprints[j]), i + " and " + j);
            }
        }
    }

    @Test
    void equalKeysHaveEqualThumbprintsAndTheBackendsDigestIsReturned() {
        byte[] digest = filled(32, 7);
        CryptoBackend fixed = new Sha256Only() {
            @Override
            public byte[] digest(String algorithm, byte[] data) {
                assertEquals("SHA-256", algorithm);
                return digest;
            }
        };
        assertSame(digest, Thumbprint.of(new KeyParameters.Oct(filled(16, 9)), fixed));
        assertArrayEquals(Thumbprint.of(new KeyParameters.Okp("Ed448", filled(57, 4)), sha256),
                Thumbprint.of(new KeyParameters.Okp("Ed448", filled(57, 4)), sha256));
    }

    @Test
    void refusesNamesThatWouldNeedJsonEscapes() {
        assertEquals("P-256", Thumbprint.plainString("P-256"));
        for (String bad : new String[] {"P\"256", "P\\256", "P-256\n", "P-256\u007f", "P-25\u00e9"}) {
            assertThrows(IllegalArgumentException.class, () -> Thumbprint.plainString(bad), bad);
        }
    }

    @Test
    void nullArgumentsAreRefused() {
        assertThrows(NullPointerException.class, () -> Thumbprint.of(null, sha256));
        assertThrows(NullPointerException.class, () -> Thumbprint.of(new KeyParameters.Oct(filled(16, 1)), null));
    }

    private static KeyParameters.Rsa rsa(byte[] modulus, BigInteger exponent) {
        return new KeyParameters.Rsa(new BigInteger(1, modulus), exponent);
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    /** Digests with the JDK, which tests may use; core itself goes through the backend alone. */
    private static class Sha256Only implements CryptoBackend {

        @Override
        public String name() {
            return "sha-256 only";
        }

        @Override
        public int priority() {
            return 0;
        }

        @Override
        public Set<JwsAlgorithm> algorithms() {
            return Set.of();
        }

        @Override
        public VerificationKey importKey(KeyParameters parameters) {
            throw new AssertionError("a thumbprint must not import keys");
        }

        @Override
        public KeyParameters readCertificateKey(byte[] der) {
            throw new AssertionError("a thumbprint must not read certificates");
        }

        @Override
        public boolean verify(JwsAlgorithm alg, VerificationKey key, byte[] data, int off, int len, byte[] signature) {
            throw new AssertionError("a thumbprint must not verify");
        }

        @Override
        public byte[] digest(String algorithm, byte[] data) {
            assertEquals("SHA-256", algorithm);
            try {
                return MessageDigest.getInstance(algorithm).digest(data);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }
}
