package dev.sigil.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.internal.keys.ImportedKey;
import dev.sigil.internal.keys.KeyIndex;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.JwsAlgorithm;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KeySelectionTest {

    private final JdkTestBackend backend = new JdkTestBackend();
    private final KeySelection selection = new KeySelection(2);
    // a and b fit HS256 (and HS384 by size); small fits HS256 only; pinned is pinned to HS512.
    private final KeyIndex keys = backend.index(
            JdkTestBackend.secret("a", null, 48, 1),
            JdkTestBackend.secret("small", null, 32, 2),
            JdkTestBackend.secret("b", null, 48, 3),
            JdkTestBackend.secret("pinned", "HS512", 64, 4),
            JdkTestBackend.secret("a", "HS512", 64, 5));

    private static List<String> kids(ImportedKey[] candidates) {
        return Arrays.stream(candidates).map(ImportedKey::keyId).collect(Collectors.toList());
    }

    @Test
    void aTokenWithAKidGetsTheKeysWithThatKidOnlyWhateverTheirAlgorithm() {
        assertEquals(List.of("a", "a"), kids(selection.candidates(keys, JwsAlgorithm.HS256, "a")));
        assertEquals(List.of("pinned"), kids(selection.candidates(keys, JwsAlgorithm.HS256, "pinned")));
    }

    @Test
    void aTokenWithoutAKidGetsEveryKeyThatFitsItsAlgorithmInTheSetsOrder() {
        assertEquals(List.of("a", "small", "b"), kids(selection.candidates(keys, JwsAlgorithm.HS256, null)));
        assertEquals(List.of("a", "b"), kids(selection.candidates(keys, JwsAlgorithm.HS384, null)));
        assertEquals(List.of("pinned", "a"), kids(selection.candidates(keys, JwsAlgorithm.HS512, null)));
    }

    @Test
    void anUnknownKidOrAnAlgorithmNoKeyFitsGetsNoCandidate() {
        assertEquals(0, selection.candidates(keys, JwsAlgorithm.HS256, "c").length);
        assertEquals(0, selection.candidates(keys, JwsAlgorithm.RS256, null).length);
    }

    @Test
    void theCandidatesAreTheIndexsOwnArraysNotCopies() {
        assertTrue(selection.candidates(keys, JwsAlgorithm.HS256, null) == keys.fitting(JwsAlgorithm.HS256));
        assertTrue(selection.candidates(keys, JwsAlgorithm.HS256, "a") == keys.withKeyId("a"));
    }

    @Test
    void triesAtMostMaxCandidateKeys() {
        assertTrue(selection.mayTry(0));
        assertTrue(selection.mayTry(1));
        assertFalse(selection.mayTry(2));
        assertFalse(new KeySelection(1).mayTry(1));
    }

    @Test
    void namesTheMissingKey() {
        assertRefusal(Reason.KEY_NOT_FOUND, "no key with kid 'c'", selection.notFound(JwsAlgorithm.HS256, "c"));
        assertRefusal(Reason.KEY_NOT_FOUND, "token has no kid and no key fits alg RS256",
                selection.notFound(JwsAlgorithm.RS256, null));
        assertRefusal(Reason.KEY_NOT_FOUND, "no key with kid 'line\\nbreak'", selection.notFound(JwsAlgorithm.HS256, "line\nbreak"));
    }

    @Test
    void saysWhyTheKidsKeyDoesNotFit() {
        ImportedKey pinned = keys.withKeyId("pinned")[0];
        assertRefusal(Reason.ALGORITHM_NOT_ALLOWED, "expected alg HS512 for key 'pinned', got HS256",
                selection.noneFits(pinned, JwsAlgorithm.HS256, "pinned"));
        ImportedKey small = keys.withKeyId("small")[0];
        assertRefusal(Reason.ALGORITHM_NOT_ALLOWED, "alg HS512 does not fit key 'small' (oct)",
                selection.noneFits(small, JwsAlgorithm.HS512, "small"));
    }

    @Test
    void aReachedLimitAsksForAKidWhenTheTokenHasNone() {
        assertRefusal(Reason.INVALID_SIGNATURE, "signature does not verify with the first 2 candidate keys, the limit"
                + " per token; send a kid", selection.limitReached(2, null));
        assertRefusal(Reason.INVALID_SIGNATURE, "signature does not verify with the first 2 candidate keys, the limit"
                + " per token", selection.limitReached(2, "a"));
    }

    @Test
    void aSignatureNoKeyVerifiesIsInvalid() {
        assertRefusal(Reason.INVALID_SIGNATURE, "signature does not verify with key 'a'", selection.noneVerifies(JwsAlgorithm.HS256, "a"));
        assertRefusal(Reason.INVALID_SIGNATURE, "signature does not verify with any key that fits alg HS256",
                selection.noneVerifies(JwsAlgorithm.HS256, null));
    }

    static void assertRefusal(Reason reason, String message, JwtVerificationException refusal) {
        assertEquals(reason, refusal.reason());
        assertEquals(message, refusal.getMessage());
    }
}
