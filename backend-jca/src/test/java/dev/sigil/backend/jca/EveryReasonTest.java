package dev.sigil.backend.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** One token per {@link Reason}; a new reason without a token here fails the build. */
class EveryReasonTest {

    private static final Mint.Signer RSA = Mint.signer(JwsAlgorithm.RS256);
    private static final long NOW = Mint.NOW.getEpochSecond();

    private static String token(String payloadMembers) {
        return RSA.raw(RSA.header(""), "{" + payloadMembers + "}");
    }

    private static String claims(String extra) {
        return "\"iss\":\"" + Mint.ISSUER + "\",\"aud\":\"" + Mint.AUDIENCE + "\",\"exp\":" + (NOW + 60)
                + (extra.isEmpty() ? "" : "," + extra);
    }

    private static Map<Reason, Supplier<String>> tokens() {
        Map<Reason, Supplier<String>> t = new EnumMap<>(Reason.class);
        t.put(Reason.MALFORMED, () -> "not-a-token");
        t.put(Reason.TOKEN_TOO_LARGE, () -> "a".repeat(JwtVerifier.Builder.DEFAULT_MAX_TOKEN_LENGTH + 1));
        t.put(Reason.UNSUPPORTED_ALGORITHM, () -> RSA.raw("{\"alg\":\"ES256K\",\"kid\":\"" + RSA.kid + "\"}", "{" + claims("") + "}"));
        t.put(Reason.ALGORITHM_NOT_ALLOWED, () -> RSA.raw("{\"alg\":\"HS256\",\"kid\":\"" + RSA.kid + "\"}", "{" + claims("") + "}"));
        t.put(Reason.UNSUPPORTED_CRITICAL_HEADER, () -> RSA.raw(RSA.header("\"crit\":[\"x\"],\"x\":1"), "{" + claims("") + "}"));
        t.put(Reason.TYPE_MISMATCH, () -> RSA.raw("{\"alg\":\"RS256\",\"typ\":\"dpop+jwt\"}", "{" + claims("") + "}"));
        t.put(Reason.KEY_NOT_FOUND, () -> RSA.raw("{\"alg\":\"RS256\",\"kid\":\"unknown\"}", "{" + claims("") + "}"));
        t.put(Reason.INVALID_SIGNATURE, () -> Mint.freshSigner(JwsAlgorithm.RS256, RSA.kid).mint(Mint.claims().build()));
        t.put(Reason.EXPIRED, () -> token("\"iss\":\"" + Mint.ISSUER + "\",\"aud\":\"" + Mint.AUDIENCE + "\",\"exp\":" + (NOW - 61)));
        t.put(Reason.NOT_YET_VALID, () -> token(claims("\"nbf\":" + (NOW + 61))));
        t.put(Reason.ISSUED_IN_FUTURE, () -> token(claims("\"iat\":" + (NOW + 61))));
        t.put(Reason.ISSUER_MISMATCH, () -> token("\"iss\":\"https://evil.example/\",\"aud\":\"" + Mint.AUDIENCE + "\",\"exp\":" + (NOW + 60)));
        t.put(Reason.AUDIENCE_MISMATCH, () -> token("\"iss\":\"" + Mint.ISSUER + "\",\"aud\":\"other\",\"exp\":" + (NOW + 60)));
        t.put(Reason.MISSING_CLAIM, () -> token("\"iss\":\"" + Mint.ISSUER + "\",\"aud\":\"" + Mint.AUDIENCE + "\""));
        t.put(Reason.INVALID_CLAIM, () -> token(claims("\"iat\":\"yesterday\"")));
        return t;
    }

    @TestFactory
    Stream<DynamicTest> everyReasonIsProducedByAToken() {
        Map<Reason, Supplier<String>> tokens = tokens();
        EnumSet<Reason> covered = EnumSet.copyOf(tokens.keySet());
        // KEYS_UNAVAILABLE comes from the key source, not from a token: KeySetTest covers it.
        covered.add(Reason.KEYS_UNAVAILABLE);
        // OVERLOADED is verifyAsync's limit, not a verdict on a token: the cli module's VerifyAsyncBoundTest covers it.
        covered.add(Reason.OVERLOADED);
        assertEquals(EnumSet.allOf(Reason.class), covered, "a Reason has no token here");
        JwtVerifier verifier = JwtVerifier.builder().issuer(Mint.ISSUER).audience(Mint.AUDIENCE).keys(RSA.keySet())
                .clock(Mint.clock()).cryptoBackend(new JcaCryptoBackend()).build();
        return tokens.entrySet().stream().map(e -> dynamicTest(e.getKey().name(), () -> {
            String token = e.getValue().get();
            assertEquals(e.getKey(), assertThrows(JwtVerificationException.class, () -> verifier.verify(token)).reason());
        }));
    }
}
