package dev.sigil.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.jwk.DroppedKey;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksListener;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.JwsAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, end to end in core: a key published as Battle.net publishes its keys (standard base64,
 * padded, a leading zero octet) verifies tokens and is reported to the listener, while the token's own
 * segments stay strict base64url.
 */
class LooseKeySpellingTest {

    private static KeyPair pair;

    @BeforeAll
    static void key() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        pair = generator.generateKeyPair();
    }

    private final List<String> heard = new ArrayList<>();
    private final JwksListener listener = new JwksListener() {
        @Override
        public void keyDropped(DroppedKey key) {
            heard.add("dropped " + key);
        }

        @Override
        public void keyNotCanonical(int index, String keyId, String detail) {
            heard.add(index + " " + keyId + ": " + detail);
        }
    };

    private JwtVerifier verifier() {
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        // toByteArray gives the sign octet: a 2048-bit modulus has its top bit set, so a zero octet leads.
        String n = Base64.getEncoder().encodeToString(key.getModulus().toByteArray());
        JwkSet set = JwkSet.parse("{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"bnet\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\"" + n
                + "\",\"e\":\"AQAB\"}]}");
        return JwtVerifier.builder().ignoreIssuer().ignoreAudience().keys(set).cryptoBackend(new JdkTestBackend(JwsAlgorithm.RS256))
                .jsonCodec(new BuiltinJsonCodec()).listener(listener).build();
    }

    @Test
    void aKeyInStandardBase64WithALeadingZeroOctetVerifiesAndIsReported() throws Exception {
        try (JwtVerifier verifier = verifier()) {
            assertEquals("bnet", verifier.verify(token(Base64.getUrlEncoder().withoutPadding())).header().keyId().orElseThrow());
        }
        assertEquals(List.of("0 bnet: 'n' is standard base64 or padded, not base64url; 'n' has leading zero octets"
                + " (accepted: the key is the same)"), heard);
    }

    @Test
    void aTokenSignatureInStandardBase64IsStillMalformed() throws Exception {
        try (JwtVerifier verifier = verifier()) {
            String token = token(Base64.getEncoder());
            if (token.indexOf('+') < 0 && token.indexOf('/') < 0 && token.indexOf('=') < 0) {
                token = token + "=";
            }
            String spelled = token;
            assertEquals(Reason.MALFORMED, assertThrows(JwtVerificationException.class, () -> verifier.verify(spelled)).reason());
        }
    }

    /** An RS256 token whose signature is spelled by {@code signatureEncoder}; header and claims are base64url. */
    private static String token(Base64.Encoder signatureEncoder) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long exp = System.currentTimeMillis() / 1000 + 600;
        String signed = b64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"bnet\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"player\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(pair.getPrivate());
        rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + signatureEncoder.encodeToString(rsa.sign());
    }
}
