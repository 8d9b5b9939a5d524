package dev.sigil.backend.bouncycastle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.KeyImportException;
import dev.sigil.spi.KeyParameters;
import dev.sigil.testkit.JwsSigner;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A curve is loaded when a key first needs it, and then serves every key of that curve. */
class LazyCurvesTest {

    private static final List<String> CURVES = List.of("P-256", "P-384", "P-521", "secp256k1");

    @Test
    void onlyTheCurvesOfImportedKeysAreLoaded() throws Exception {
        BouncyCastleCryptoBackend backend = new BouncyCastleCryptoBackend();
        byte[] data = "a.b".getBytes(StandardCharsets.US_ASCII);
        JwsSigner rsa = JwsSigner.withFreshKey(JwsAlgorithm.RS256);
        assertTrue(backend.verify(JwsAlgorithm.RS256, backend.importKey(rsa.keyParameters()), data, 0, data.length, rsa.sign(data)));
        assertTrue(backend.algorithms().contains(JwsAlgorithm.ES256K), "claimed without loading its curve");
        for (String curve : CURVES) {
            assertFalse(backend.curveLoaded(curve), curve);
        }
        JwsSigner es384 = JwsSigner.withFreshKey(JwsAlgorithm.ES384);
        assertTrue(backend.verify(JwsAlgorithm.ES384, backend.importKey(es384.keyParameters()), data, 0, data.length,
                es384.sign(data)));
        assertTrue(backend.curveLoaded("P-384"));
        assertFalse(backend.curveLoaded("P-256"));
        // A point off its curve is refused with the curve loaded, the check being the curve's own.
        assertThrows(KeyImportException.class, () -> backend.importKey(new KeyParameters.Ec("secp256k1", new byte[32], new byte[32])));
        assertTrue(backend.curveLoaded("secp256k1"));
        assertFalse(backend.curveLoaded("P-256"));
    }
}
