package dev.sigil.backend.jca;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sigil.testkit.JwtVerifierFuzzTarget;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes token parsing and verification with this backend; see {@link JwtVerifierFuzzTarget} for
 * the fixed keys, the input layouts and the property. The committed inputs under
 * {@code JwtVerifierFuzzTestInputs/} replay in {@code mvn verify}.
 */
@Tag("fuzz")
class JwtVerifierFuzzTest {

    private static final JwtVerifierFuzzTarget TARGET = new JwtVerifierFuzzTarget(new JcaCryptoBackend());

    @Test
    void theGenuineTokensAndTheHarnessSignaturesPass() {
        TARGET.assertTheHarnessWorks();
    }

    @FuzzTest
    void arbitraryTokensAreRefusedWithAReasonUnlessGenuine(byte[] input) {
        TARGET.verifyArbitraryToken(input);
    }

    @FuzzTest
    void tokensAroundFuzzedJsonPassOnlyWithSignaturesTheHarnessMade(byte[] input) {
        TARGET.verifyAssembledToken(input);
    }
}
