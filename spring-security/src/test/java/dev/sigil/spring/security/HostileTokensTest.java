package dev.sigil.spring.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.MultiIssuerVerifier;
import dev.sigil.jwt.TokenVerifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * What a client reads in {@code error_description} is ours and header-safe, whatever the token
 * holds: quotes, backslashes, CR/LF and other controls in {@code kid}, {@code alg}, {@code typ} and
 * {@code iss} never reach it, though Sigil's own messages quote some of them.
 */
class HostileTokensTest {

    private static final TestIssuer ISSUER = TestIssuer.named("https://issuer.example/");
    private static final String HOSTILE = "\"x\\y\r\nWWW-Authenticate: Basic realm=\\\"evil\\\"\u0000\u001b[31m\u202e";

    private static String segment(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** RFC 6750 section 3's error_description: %x20-21 / %x23-5B / %x5D-7E. */
    private static boolean headerSafe(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c <= 0x7e && c != '"' && c != '\\');
    }

    private static List<String> hostileTokens() {
        String[] valid = ISSUER.token().split("\\.");
        String claims = segment("{\"iss\":" + json(HOSTILE) + ",\"aud\":\"" + TestIssuer.AUDIENCE
                + "\",\"exp\":" + (System.currentTimeMillis() / 1000 + 600) + "}");
        List<String> tokens = new ArrayList<>();
        tokens.add(segment("{\"alg\":\"RS256\",\"kid\":" + json(HOSTILE) + "}") + "." + valid[1] + "." + valid[2]);
        tokens.add(segment("{\"alg\":" + json(HOSTILE) + ",\"kid\":\"r1\"}") + "." + valid[1] + "." + valid[2]);
        tokens.add(segment("{\"alg\":\"RS256\",\"kid\":\"r1\",\"typ\":" + json(HOSTILE) + "}") + "." + valid[1] + "." + valid[2]);
        tokens.add(segment("{\"alg\":\"RS256\",\"kid\":\"r1\",\"crit\":[" + json(HOSTILE) + "]," + json(HOSTILE) + ":1}")
                + "." + valid[1] + "." + valid[2]);
        // A hostile iss, signed for real: refused for the issuer, which Sigil's message names.
        tokens.add(ISSUER.token(c -> c.issuer(HOSTILE)));
        tokens.add(valid[0] + "." + claims + "." + valid[2]);
        tokens.add(HOSTILE);
        return tokens;
    }

    private static void assertSafeEverywhere(TokenVerifier verifier) {
        SigilJwtDecoder decoder = new SigilJwtDecoder(verifier);
        int unsafeCauses = 0;
        for (String token : hostileTokens()) {
            JwtException failure = assertThrows(JwtException.class, () -> decoder.decode(token));
            // Sigil's own message (printable for a log, quoting kid or iss) is kept as the cause only.
            if (!headerSafe(failure.getCause().getMessage())) {
                unsafeCauses++;
            }
            assertTrue(headerSafe(failure.getMessage()), failure.getMessage());
            assertFalse(failure.getMessage().contains("evil"), failure.getMessage());
            if (failure instanceof JwtValidationException validation) {
                validation.getErrors().forEach(error -> assertTrue(headerSafe(error.getDescription())));
            }
            AuthenticationException answered = assertThrows(AuthenticationException.class,
                    () -> new JwtAuthenticationProvider(decoder).authenticate(new BearerTokenAuthenticationToken(token)));
            InvalidBearerTokenException invalid = assertInstanceOf(InvalidBearerTokenException.class, answered);
            // Spring keeps a description within RFC 6750's characters, and ours always is.
            assertEquals(failure.getMessage(), invalid.getError().getDescription());
        }
        assertTrue(unsafeCauses > 0, "the hostile tokens must provoke messages unfit for a header");
    }

    @Test
    void descriptionsStayHeaderSafeForASingleIssuerVerifier() {
        try (JwtVerifier verifier = JwtVerifier.builder().issuer(ISSUER.issuer).audience(TestIssuer.AUDIENCE)
                .type("JWT").keys(ISSUER.jwkSet()).build()) {
            assertSafeEverywhere(verifier);
        }
    }

    @Test
    void descriptionsStayHeaderSafeForAMultiIssuerVerifier() {
        try (MultiIssuerVerifier verifier = MultiIssuerVerifier.builder()
                .trustedIssuer(ISSUER.issuer, b -> b.keys(ISSUER.jwkSet()))
                .audience(TestIssuer.AUDIENCE).build()) {
            assertSafeEverywhere(verifier);
        }
    }
}
