package dev.sigil.jwk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JwkSetTest {

    private static final String RSA = "{\"kty\":\"RSA\",\"kid\":\"r1\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\"AQAB\",\"e\":\"AQAB\"}";

    @Test
    void parsesTheKeysInOrderWithTheirRegisteredMembers() {
        JwkSet set = JwkSet.parse("{\"keys\":[" + RSA + ",{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AA\",\"y\":\"AA\","
                + "\"key_ops\":[\"verify\"]}]}");
        assertEquals(2, set.keys().size());
        Jwk rsa = set.keys().get(0);
        assertEquals("RSA", rsa.keyType());
        assertEquals("r1", rsa.keyId().orElseThrow());
        assertEquals("sig", rsa.use().orElseThrow());
        assertEquals("RS256", rsa.algorithm().orElseThrow());
        assertArrayEquals(new byte[] {1, 0, 1}, rsa.binaryMember("e").orElseThrow());
        Jwk ec = set.keys().get(1);
        assertEquals("P-256", ec.curve().orElseThrow());
        assertEquals(List.of("verify"), ec.keyOperations().orElseThrow());
        assertTrue(set.malformedKeys().isEmpty());
    }

    @Test
    void aMalformedKeyIsSetAsideWithoutTakingTheSetDown() {
        JwkSet set = JwkSet.parse("{\"keys\":[1," + RSA + ",{\"kid\":\"x\"},{\"kty\":\"RSA\",\"kid\":\"y\",\"use\":5},"
                + "{\"kty\":\"RSA\",\"kid\":\"z\",\"key_ops\":[\"verify\",\"verify\"]},"
                + "{\"kty\":\"RSA\",\"x5c\":[\"not base64!\"]},{\"kty\":\"RSA\",\"x5t\":\"AAAA\"}]}");
        assertEquals(1, set.keys().size());
        assertEquals(List.of(
                new DroppedKey(0, null, "not a json object"),
                new DroppedKey(2, "x", "jwk has no 'kty'"),
                new DroppedKey(3, "y", "jwk member 'use' must be a string"),
                new DroppedKey(4, "z", "jwk member 'key_ops' repeats 'verify'"),
                new DroppedKey(5, null, "jwk member 'x5c' holds invalid base64"),
                new DroppedKey(6, null, "jwk member 'x5t' must be 20 bytes, got 3")), set.malformedKeys());
    }

    @Test
    void aKeyWhoseKidIsNullIsSetAsideWithAReason() {
        // Read as absent, "kid": null would make the key a candidate for every token without a kid.
        JwkSet set = JwkSet.parse("{\"keys\":[{\"kty\":\"RSA\",\"kid\":null,\"n\":\"AQAB\",\"e\":\"AQAB\"}," + RSA + "]}");
        assertEquals(List.of("r1"), set.keys().stream().map(k -> k.keyId().orElseThrow()).collect(Collectors.toList()));
        assertEquals(List.of(new DroppedKey(0, null, "jwk member 'kid' is null")), set.malformedKeys());
        Map<String, Object> members = new HashMap<>();
        members.put("kty", "RSA");
        members.put("kid", null);
        assertEquals("jwk member 'kid' is null", assertThrows(InvalidJwkException.class, () -> Jwk.of(members)).getMessage());
    }

    @Test
    void aSetThatIsNotAJsonObjectWithAKeysArrayIsRefused() {
        for (String json : new String[] {"", "[]", "{}", "{\"keys\":{}}", "{\"keys\":[]", "{\"keys\":[],\"keys\":[]}", "\u0000"}) {
            assertThrows(InvalidJwkException.class, () -> JwkSet.parse(json), json);
        }
        assertTrue(InvalidJwkException.class.getSuperclass() == IllegalArgumentException.class);
    }

    @Test
    void refusesMoreKeysThanTheBound() {
        String many = "{\"keys\":[" + String.join(",", Collections.nCopies(JwkSet.MAX_KEYS + 1, RSA)) + "]}";
        InvalidJwkException e = assertThrows(InvalidJwkException.class, () -> JwkSet.parse(many));
        assertEquals("jwk set holds 1001 keys, more than 1000", e.getMessage());
    }

    @Test
    void binaryMembersRefusePaddingTheLengthDoesNotNeedAndNonStrings() {
        Jwk jwk = Jwk.of(Map.of("kty", "RSA", "n", "AQAB=", "e", 65537L));
        assertThrows(InvalidJwkException.class, () -> jwk.binaryMember("n"));
        assertThrows(InvalidJwkException.class, () -> jwk.binaryMember("e"));
        assertTrue(jwk.binaryMember("d").isEmpty());
    }

    @Test
    void binaryMembersAcceptEitherAlphabetWithCorrectPaddingButNeverBothMixed() {
        Jwk jwk = Jwk.of(Map.of("kty", "oct", "k", "+/8=", "x", "-_8", "y", "-/8="));
        assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, jwk.binaryMember("k").orElseThrow());
        assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, jwk.binaryMember("x").orElseThrow());
        InvalidJwkException e = assertThrows(InvalidJwkException.class, () -> jwk.binaryMember("y"));
        assertEquals("jwk member 'y' is not valid base64url: base64 text mixes the standard and url-safe alphabets",
                e.getMessage());
    }

    @Test
    void recognisesPrivateKeyMaterial() {
        assertTrue(Jwk.of(Map.of("kty", "EC", "d", "AA")).hasPrivateParameters());
        assertTrue(Jwk.of(Map.of("kty", "RSA", "qi", "AA")).hasPrivateParameters());
        assertFalse(Jwk.of(Map.of("kty", "RSA", "n", "AA", "e", "AQAB")).hasPrivateParameters());
    }

    @Test
    void toStringNeverShowsKeyMaterial() {
        Jwk secret = Jwk.of(Map.of("kty", "oct", "kid", "s1", "k", "c2VjcmV0LXNlY3JldC1zZWNyZXQ"));
        assertEquals("Jwk[kty=oct, kid=s1]", secret.toString());
    }

    @Test
    void collectionsHandedOutAreUnmodifiable() {
        JwkSet set = JwkSet.parse("{\"keys\":[" + RSA + "]}");
        assertThrows(UnsupportedOperationException.class, () -> set.keys().clear());
        assertThrows(UnsupportedOperationException.class, () -> set.keys().get(0).asMap().clear());
    }
}
