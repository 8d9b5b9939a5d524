package dev.sigil.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.JwksCachePolicy;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hostile-set rules hold whichever JSON codec parses the set: the body cap is the parse limit,
 * and a codec's own error message (Jackson quotes the offending input) reaches messages, listener
 * reasons and stats only escaped.
 */
class HostileSetsOnEitherCodecTest extends IssuerScenario {

    private static final IssuerKey KEY = IssuerKey.plain("k1");

    @ParameterizedTest
    @EnumSource(JsonCodecs.class)
    void aMaxBodyBytesAboveOneMebibyteAdmitsASetThatLarge(JsonCodecs codec) throws Exception {
        StringBuilder padding = new StringBuilder();
        String chunk = "\"" + "p".repeat(1000) + "\"";
        for (int i = 0; i < 1700; i++) {
            padding.append(i == 0 ? "" : ",").append(chunk);
        }
        String set = "{\"padding\":[" + padding + "],\"keys\":[" + KEY.publicJwk() + "]}";
        assertTrue(set.length() > 3 * 512 * 1024, "the set should be over 1.5 MiB, was " + set.length());
        issuer.publishKeys(set);
        JwksCachePolicy policy = JwksCachePolicy.builder().maxBodyBytes(2 * 1024 * 1024).build();
        try (JwtVerifier verifier = builder().jsonCodec(codec.create()).cachePolicy(policy).build()) {
            assertEquals("k1", verifier.verify(KEY.mint(issuer.issuer(), START)).header().keyId().orElseThrow());
        }
    }

    @ParameterizedTest
    @EnumSource(JsonCodecs.class)
    void aSetOverTheBodyCapIsAFailedFetchOnEitherCodec(JsonCodecs codec) {
        issuer.publishKeys("{\"padding\":\"" + "p".repeat(70_000) + "\",\"keys\":[" + KEY.publicJwk() + "]}");
        JwksCachePolicy policy = JwksCachePolicy.builder().maxBodyBytes(64 * 1024).build();
        try (JwtVerifier verifier = builder().jsonCodec(codec.create()).cachePolicy(policy).build()) {
            JwtVerificationException e = assertThrows(JwtVerificationException.class,
                    () -> verifier.verify(KEY.mint(issuer.issuer(), START)));
            assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
        }
    }

    @ParameterizedTest
    @EnumSource(JsonCodecs.class)
    void aCodecsErrorMessageCannotForgeAMessageAListenerReasonOrAStat(JsonCodecs codec) {
        // Raw control characters and separators where JSON allows none: every codec refuses the set,
        // and Jackson's message quotes the character it stopped at.
        issuer.publishKeys("{\"keys\":[\u001b[2J\u009b1;1H\u2028\u202e\nFORGED]}");
        try (JwtVerifier verifier = builder().jsonCodec(codec.create()).build()) {
            JwtVerificationException e = assertThrows(JwtVerificationException.class, verifier::prefetch);
            assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
            assertPrintable(e.getMessage());
            String lastFailure = verifier.stats().orElseThrow().lastFailureReason().orElseThrow();
            assertPrintable(lastFailure);
        }
        List<String> events = new ArrayList<>(listener.events);
        assertTrue(events.stream().anyMatch(event -> event.startsWith("failed ")), events.toString());
        events.forEach(HostileSetsOnEitherCodecTest::assertPrintable);
    }

    private static void assertPrintable(String text) {
        for (char c : new char[] {'\n', '\r', '\u001b', '\u009b', '\u2028', '\u202e'}) {
            assertFalse(text.indexOf(c) >= 0, "raw U+" + Integer.toHexString(c) + " in: " + text);
        }
    }
}
