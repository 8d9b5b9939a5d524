package dev.sigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.spi.JwsAlgorithm;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThumbprintTest {

    @Test
    void matchesTheExampleOfRfc7638Section31() {
        // RFC 7638 section 3.1: the RSA key of RFC 7517 appendix A.1, with kid and alg that must not count.
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"n\":\"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAt"
                + "VT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6C"
                + "f0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrd"
                + "kt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw\","
                + "\"e\":\"AQAB\",\"alg\":\"RS256\",\"kid\":\"2011-04-29\"}]}";
        Jwk key = JwkSet.parse(jwks).keys().get(0);
        assertEquals("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", Thumbprint.sha256(key).orElseThrow());
    }

    @Test
    void agreesWithNimbusForEcAndOkpKeys() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("e").generate().toPublicJWK();
        // Nimbus generates Ed25519 keys only with Tink on the class path; it parses the demo's own.
        OctetKeyPair okp = OctetKeyPair.parse(DemoKey.generate("o", JwsAlgorithm.EdDSA).publicJwk());
        JwkSet set = JwkSet.parse("{\"keys\":[" + ec.toJSONString() + "," + okp.toJSONString() + "]}");
        assertEquals(ec.computeThumbprint().toString(), Thumbprint.sha256(set.keys().get(0)).orElseThrow());
        assertEquals(okp.computeThumbprint().toString(), Thumbprint.sha256(set.keys().get(1)).orElseThrow());
    }

    @Test
    void matchesTheKidsOfRfc9964sExamplesWhichAreTheirThumbprints() throws Exception {
        // RFC 9964: an AKP key's thumbprint covers alg, kty and pub; each example's kid is its thumbprint.
        for (String name : new String[] {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87"}) {
            String json;
            try (InputStream in = ThumbprintTest.class.getResourceAsStream("/dev/sigil/testkit/rfc9964/" + name + ".jose.json")) {
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<?, ?> jwk = (Map<?, ?>) JSONObjectUtils.parse(json).get("jwk");
            Map<String, Object> members = new LinkedHashMap<>();
            jwk.forEach((k, v) -> members.put((String) k, v));
            members.put("ext", "members beyond alg, kty and pub do not count");
            assertEquals(jwk.get("kid"), Thumbprint.sha256(Jwk.of(members)).orElseThrow(), name);
            members.remove("alg");
            assertTrue(Thumbprint.sha256(Jwk.of(members)).isEmpty(), "alg is required: " + name);
        }
    }

    @Test
    void hasNoneForAKeyWhoseRequiredMemberNeedsAJsonEscape() {
        // RFC 7638 section 3.3: such characters "MUST be represented without being escaped", so no thumbprint is defined.
        for (String crv : new String[] {"P-256\\n", "P-\\\"256", "P-\\\\256", "P-256\\u001b"}) {
            Jwk key = JwkSet.parse("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"" + crv + "\",\"x\":\"AA\",\"y\":\"AA\"}]}")
                    .keys().get(0);
            assertTrue(Thumbprint.sha256(key).isEmpty(), crv);
        }
    }

    @Test
    void hasNoneForAKeyMissingARequiredMember() {
        Jwk key = JwkSet.parse("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AA\"}]}").keys().get(0);
        assertTrue(Thumbprint.sha256(key).isEmpty());
    }
}
