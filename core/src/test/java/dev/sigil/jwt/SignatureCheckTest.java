package dev.sigil.jwt;

import static dev.sigil.jwt.KeySelectionTest.assertRefusal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sigil.internal.codec.Base64Url;
import dev.sigil.internal.keys.ImportedKey;
import dev.sigil.internal.keys.KeyIndex;
import dev.sigil.jwk.Jwk;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.JwsAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignatureCheckTest {

    private static final Jwk A = JdkTestBackend.secret("a", null, 32, 1);
    private static final Jwk B = JdkTestBackend.secret("b", null, 32, 2);
    private static final Jwk C = JdkTestBackend.secret("c", null, 32, 3);
    private static final Jwk PINNED = JdkTestBackend.secret("p", "HS512", 64, 4);
    // Only the first 10 bytes are signed: the check must pass the length, not the array's.
    private static final byte[] SIGNED = "header.payload-and-more".getBytes(StandardCharsets.US_ASCII);
    private static final int SIGNED_LENGTH = 10;

    private final JdkTestBackend backend = new JdkTestBackend();

    private static JoseHeader header(JwsAlgorithm alg, String kid) {
        return new JoseHeader(Map.of(), alg, kid, null);
    }

    private ImportedKey verifiedBy;

    /** The refusal, or {@code null} with the key that verified in {@link #verifiedBy}; the backend reads the token's chars. */
    private JwtVerificationException check(int maxCandidates, KeyIndex keys, String kid, Jwk signer) {
        String token = new String(SIGNED, 0, SIGNED_LENGTH, StandardCharsets.US_ASCII) + "."
                + Base64Url.encode(JdkTestBackend.signatureFor(signer, SIGNED, SIGNED_LENGTH));
        return check(maxCandidates, keys, kid, token, null, null);
    }

    private JwtVerificationException check(int maxCandidates, KeyIndex keys, String kid, String token, byte[] signed,
            byte[] signature) {
        SignatureCheck check = new SignatureCheck(backend, new KeySelection(maxCandidates));
        try {
            verifiedBy = check.verify(keys, header(JwsAlgorithm.HS256, kid), token, SIGNED_LENGTH, signed, signature);
            return null;
        } catch (JwtVerificationException e) {
            return e;
        }
    }

    @Test
    void acceptsASignatureTheKidsKeyVerifiesOverTheTokensSigningInput() {
        assertNull(check(4, backend.index(A, B), "b", B));
        assertSame(B, verifiedBy.jwk());
        assertEquals(1, backend.calls.size());
        JdkTestBackend.Call call = backend.calls.get(0);
        assertArrayEquals(B.binaryMember("k").orElseThrow(), call.secret());
        assertEquals(0, call.off());
        assertEquals(SIGNED_LENGTH, call.len());
        assertArrayEquals(Arrays.copyOf(SIGNED, SIGNED_LENGTH), Arrays.copyOf(call.data(), SIGNED_LENGTH));
    }

    @Test
    void hasTheBackendVerifyTheArraysTheVerifierMadeWhenThereAreAny() {
        byte[] signature = JdkTestBackend.signatureFor(B, SIGNED, SIGNED_LENGTH);
        // The token's own signature is wrong: only the arrays count when they are given.
        String token = "header.pay." + Base64Url.encode(new byte[32]);
        assertNull(check(4, backend.index(A, B), "b", token, SIGNED, signature));
        assertSame(B, verifiedBy.jwk());
        JdkTestBackend.Call call = backend.calls.get(0);
        assertSame(SIGNED, call.data());
        assertEquals(0, call.off());
        assertEquals(SIGNED_LENGTH, call.len());
    }

    @Test
    void refusesASignatureTheKidsKeyDoesNotVerify() {
        assertRefusal(Reason.INVALID_SIGNATURE, "signature does not verify with key 'a'", check(4, backend.index(A, B), "a", B));
        assertEquals(1, backend.calls.size());
    }

    @Test
    void aKidTheSetLacksIsKeyNotFoundWithoutAnySignatureCheck() {
        assertRefusal(Reason.KEY_NOT_FOUND, "no key with kid 'z'", check(4, backend.index(A, B), "z", A));
        assertRefusal(Reason.KEY_NOT_FOUND, "token has no kid and no key fits alg HS256", check(4, backend.index(PINNED), null, A));
        assertEquals(0, backend.calls.size());
    }

    @Test
    void aKidWhoseKeysDoNotFitTheAlgorithmIsNotAllowedWithoutAnySignatureCheck() {
        assertRefusal(Reason.ALGORITHM_NOT_ALLOWED, "expected alg HS512 for key 'p', got HS256",
                check(4, backend.index(PINNED), "p", PINNED));
        assertEquals(0, backend.calls.size());
    }

    @Test
    void aRepeatedKidSkipsTheKeysThatDoNotFit() {
        Jwk pinnedA = JdkTestBackend.secret("a", "HS512", 64, 9);
        assertNull(check(1, backend.index(pinnedA, A), "a", A));
        assertSame(A, verifiedBy.jwk());
        assertEquals(1, backend.calls.size());
    }

    @Test
    void withoutAKidTriesTheFittingKeysInOrderUntilOneVerifies() {
        assertNull(check(4, backend.index(PINNED, A, B, C), null, B));
        assertSame(B, verifiedBy.jwk());
        assertEquals(2, backend.calls.size());
        assertArrayEquals(A.binaryMember("k").orElseThrow(), backend.calls.get(0).secret());
        assertArrayEquals(B.binaryMember("k").orElseThrow(), backend.calls.get(1).secret());
    }

    @Test
    void stopsAtTheLimitAndAsksForAKid() {
        assertRefusal(Reason.INVALID_SIGNATURE, "signature does not verify with the first 2 candidate keys, the limit"
                + " per token; send a kid", check(2, backend.index(A, B, C), null, C));
        assertEquals(2, backend.calls.size());
    }

    @Test
    void aSetRepeatingAKidIsBoundedToo() {
        Jwk a2 = JdkTestBackend.secret("a", null, 32, 7);
        Jwk a3 = JdkTestBackend.secret("a", null, 32, 8);
        assertRefusal(Reason.INVALID_SIGNATURE, "signature does not verify with the first 2 candidate keys, the limit"
                + " per token", check(2, backend.index(A, a2, a3), "a", a3));
        assertEquals(2, backend.calls.size());
    }

    @Test
    void triesEveryFittingKeyWhenTheyAreNoMoreThanTheLimit() {
        assertRefusal(Reason.INVALID_SIGNATURE, "signature does not verify with any key that fits alg HS256",
                check(2, backend.index(A, B), null, C));
        assertEquals(2, backend.calls.size());
    }
}
