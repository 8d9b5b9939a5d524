package dev.sigil.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.spi.JwsAlgorithm;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A header's {@code kid} and {@code typ} and the claims' names come from the token; their
 * {@code toString()} ends up in log records, so it escapes what could forge a line or move a cursor.
 */
class UntrustedTextInToStringTest {

    private static final String HOSTILE = "k\u001b[2J\u009b1;1H\u2028\u202e\nx";
    private static final String ESCAPED = "k\\u001b[2J\\u009b1;1H\\u2028\\u202e\\nx";

    @Test
    void aHeaderShowsItsKidAndTypEscaped() {
        JoseHeader header = new JoseHeader(Map.of(), JwsAlgorithm.ES256, HOSTILE, HOSTILE);
        assertEquals("JoseHeader[alg=ES256, kid=" + ESCAPED + ", typ=" + ESCAPED + "]", header.toString());
    }

    @Test
    void claimsShowTheirNamesEscapedAndNoValue() throws JwtVerificationException {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("sub", "alice");
        members.put(HOSTILE, "value");
        assertEquals("JwtClaims[sub, " + ESCAPED + "]", JwtClaims.of(members).toString());
    }
}
