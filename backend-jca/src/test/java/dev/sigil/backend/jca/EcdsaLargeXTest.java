package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.Jwk;
import dev.sigil.jwt.JwsAlgorithm;
import dev.sigil.spi.VerificationKey;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regression for JDK 17's SunEC, which refuses valid ECDSA signatures whose point R has an
 * x-coordinate of at least n (r = x(R) - n). The vectors are Wycheproof's
 * {@code ecdsa_secp256r1_sha256_p1363_test.json} #115 ("k*G has a large x-coordinate") and #257
 * ("r = 3, x = n + 3"); before the fix both were refused.
 */
class EcdsaLargeXTest {

    private static final HexFormat HEX = HexFormat.of();
    private final JcaCryptoBackend backend = new JcaCryptoBackend();

    private VerificationKey key(String spkiHex) throws Exception {
        ECPublicKey ec = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(HEX.parseHex(spkiHex)));
        return backend.importKey(Jwk.of(Map.of("kty", "EC", "crv", "P-256",
                "x", Mint.b64(fixed(ec.getW().getAffineX().toByteArray())),
                "y", Mint.b64(fixed(ec.getW().getAffineY().toByteArray())))));
    }

    private static byte[] fixed(byte[] minimal) {
        byte[] out = new byte[32];
        int copy = Math.min(32, minimal.length);
        System.arraycopy(minimal, minimal.length - copy, out, 32 - copy, copy);
        return out;
    }

    private boolean verifies(VerificationKey key, byte[] message, byte[] signature) {
        return backend.verify(JwsAlgorithm.ES256, key, message, 0, message.length, signature);
    }

    @Test
    void acceptsASignatureWhoseXCoordinateExceedsTheOrder() throws Exception {
        VerificationKey key = key("3059301306072a8648ce3d020106082a8648ce3d030107034200040ad99500288d466940031d72a9f5445a4d"
                + "43784640855bf0a69874d2de5fe103c5011e6ef2c42dcd50d5d3d29f99ae6eba2c80c9244f4c5422f0979ff0c3ba5e");
        byte[] message = HEX.parseHex("313233343030");
        byte[] signature = HEX.parseHex("000000000000000000000000000000004319055358e8617b0c46353d039cdaab"
                + "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc63254e");
        assertTrue(verifies(key, message, signature));
        assertRefusedWhenTampered(key, message, signature);
    }

    @Test
    void acceptsTheSmallestXWithAReduction() throws Exception {
        VerificationKey key = key("3059301306072a8648ce3d020106082a8648ce3d03010703420004ce24c99032d52ac6ead23c0ae3ec68ef41"
                + "e51a281fd457808c83136d7dcce90e8f7a154b551e9f39c59279357aa491b2a62bdebc2bb78613883fc72936c057e0");
        byte[] message = HEX.parseHex("68656c6c6f2c20776f726c64");
        byte[] signature = HEX.parseHex("0000000000000000000000000000000000000000000000000000000000000003"
                + "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc63254e");
        assertTrue(verifies(key, message, signature));
        assertRefusedWhenTampered(key, message, signature);
    }

    /** The fallback must verify, not merely accept whatever has a small r. */
    private void assertRefusedWhenTampered(VerificationKey key, byte[] message, byte[] signature) {
        for (int i : new int[] {31, 32, 63}) {
            byte[] tampered = signature.clone();
            tampered[i] ^= 1;
            assertFalse(verifies(key, message, tampered), "byte " + i + " changed");
        }
        byte[] otherMessage = Arrays.copyOf(message, message.length + 1);
        assertFalse(verifies(key, otherMessage, signature), "message changed");
    }
}
