package dev.sigil.backend.bouncycastle;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sigil.testkit.JwkSetFuzzTarget;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes key set parsing and key import with this backend; see {@link JwkSetFuzzTarget} for the
 * property. The committed inputs under {@code JwkSetFuzzTestInputs/} replay in {@code mvn verify}.
 */
@Tag("fuzz")
class JwkSetFuzzTest {

    private static final JwkSetFuzzTarget TARGET = new JwkSetFuzzTarget(new BouncyCastleCryptoBackend());

    @FuzzTest
    void keySetsParseImportAndLoadOrFailWithTheirTypedExceptions(byte[] json) {
        TARGET.parseAndImport(json);
    }
}
