package dev.sigil.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An issuer's ES256 key and the tokens it signs, made by Nimbus (independent of Sigil), with any
 * header text at all, hostile ones included. Public for the command-line tests in dev.sigil.cli.
 */
public final class EcIssuerKey {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final ECKey key;

    private EcIssuerKey(ECKey key) {
        this.key = key;
    }

    public static EcIssuerKey generate(String kid) {
        try {
            return new EcIssuerKey(new ECKeyGenerator(Curve.P_256).keyID(kid).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as one JWK object, {@code kid} and all, as an issuer publishes it. */
    public String publicJwk() {
        return key.toPublicJWK().toJSONString();
    }

    /** The same public key, with this {@code kid} and {@code use} instead. */
    public String publicJwk(String kid, String use) {
        ECKey.Builder b = new ECKey.Builder(key.toPublicJWK()).keyID(kid);
        if (use != null) {
            b.keyUse(new com.nimbusds.jose.jwk.KeyUse(use));
        }
        return b.build().toJSONString();
    }

    /**
     * {@code text} as a JSON string: quotes, backslashes and C0 controls escaped as RFC 8259 requires,
     * every other character (C1 controls, U+2028, bidi overrides) written raw, as a hostile issuer would.
     */
    public static String quote(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** A key set of these JWK objects. */
    public static String jwks(String... jwks) {
        return "{\"keys\":[" + String.join(",", jwks) + "]}";
    }

    /** A token of this exact header and claims text, signed with this key. */
    public String sign(String headerJson, String claimsJson) {
        String input = B64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        try {
            byte[] signature = new ECDSASigner(key).sign(new JWSHeader(JWSAlgorithm.ES256),
                    input.getBytes(StandardCharsets.US_ASCII)).decode();
            return input + "." + B64.encodeToString(signature);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid ES256 token naming this key's kid, valid for an hour from {@code nowSeconds}. */
    public String token(String issuer, String audience, String subject, long nowSeconds) {
        return sign("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"" + key.getKeyID() + "\"}",
                "{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"sub\":\"" + subject + "\",\"iat\":"
                        + nowSeconds + ",\"exp\":" + (nowSeconds + 3600) + "}");
    }
}
