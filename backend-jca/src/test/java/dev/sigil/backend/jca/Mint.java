package dev.sigil.backend.jca;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.sigil.jwk.JwkSet;
import dev.sigil.spi.JwsAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Mints real tokens with libraries independent of Sigil: Nimbus JOSE+JWT for RSA, ECDSA and HMAC,
 * jose4j for EdDSA (Nimbus needs Tink for it). The RFC 9864 names {@code Ed25519} and {@code Ed448}
 * are not implemented by either library's signer, so those tokens are assembled here and signed with
 * the JDK's EdDSA.
 */
final class Mint {

    static final String ISSUER = "https://issuer.example/";
    static final String AUDIENCE = "https://api.example";
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static final Map<String, Object> KEYS = new ConcurrentHashMap<>();

    private Mint() {
    }

    static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /** Claims an Auth0-shaped access token carries, valid at {@link #NOW}. */
    static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("auth0|5f7c8ec7c33c6c004bbafe82")
                .audience(List.of(AUDIENCE, "https://issuer.example/userinfo"))
                .issueTime(Date.from(NOW.minusSeconds(10)))
                .notBeforeTime(Date.from(NOW.minusSeconds(10)))
                .expirationTime(Date.from(NOW.plusSeconds(3600)))
                .claim("azp", "my-client-id")
                .claim("scope", "openid profile read:messages");
    }

    /** A signer for one algorithm, with its key generated once per test run. */
    static Signer signer(JwsAlgorithm alg) {
        return signer(alg, "k-" + alg.name());
    }

    static Signer signer(JwsAlgorithm alg, String kid) {
        return (Signer) KEYS.computeIfAbsent(alg.name() + "/" + kid, k -> create(alg, kid));
    }

    /** A fresh signer whose key is not shared with any other test. */
    static Signer freshSigner(JwsAlgorithm alg, String kid) {
        return create(alg, kid);
    }

    private static Signer create(JwsAlgorithm alg, String kid) {
        try {
            switch (alg.family()) {
                case RSA:
                case RSA_PSS: {
                    RSAKey key = new RSAKeyGenerator(2048).keyID(kid).generate();
                    return new NimbusSigner(alg, key, new RSASSASigner(key));
                }
                case ECDSA: {
                    Curve curve = alg == JwsAlgorithm.ES256 ? Curve.P_256 : alg == JwsAlgorithm.ES384 ? Curve.P_384 : Curve.P_521;
                    ECKey key = new ECKeyGenerator(curve).keyID(kid).generate();
                    return new NimbusSigner(alg, key, new ECDSASigner(key));
                }
                case HMAC: {
                    OctetSequenceKey key = new OctetSequenceKeyGenerator(alg.componentLength() * 8).keyID(kid).generate();
                    return new NimbusSigner(alg, key, new MACSigner(key));
                }
                default:
                    return new EdSigner(alg, kid, alg == JwsAlgorithm.Ed448 ? "Ed448" : "Ed25519");
            }
        } catch (JOSEException | GeneralSecurityException | JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Signs, and knows the public key, for one algorithm. */
    abstract static class Signer {
        final JwsAlgorithm alg;
        final String kid;

        Signer(JwsAlgorithm alg, String kid) {
            this.alg = alg;
            this.kid = kid;
        }

        /** A token with the usual header (alg, typ JWT, kid) and these claims, minted by the library. */
        abstract String mint(JWTClaimsSet claims);

        /** A token with exactly this header and payload text, signed over their base64url encodings. */
        String raw(String headerJson, String payloadJson) {
            String input = b64(headerJson) + "." + b64(payloadJson);
            return input + "." + b64(sign(input.getBytes(StandardCharsets.US_ASCII)));
        }

        abstract byte[] sign(byte[] signingInput);

        /** The public JWK (the secret for HMAC) as JSON. */
        abstract String publicJwkJson();

        /** A set holding only this key. */
        JwkSet keySet() {
            return JwkSet.parse("{\"keys\":[" + publicJwkJson() + "]}");
        }

        /** The usual header with these extra members (JSON text without braces), or none. */
        String header(String extraMembers) {
            return "{\"alg\":\"" + alg.name() + "\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\""
                    + (extraMembers.isEmpty() ? "" : "," + extraMembers) + "}";
        }
    }

    private static final class NimbusSigner extends Signer {
        private final JWK key;
        private final JWSSigner signer;

        NimbusSigner(JwsAlgorithm alg, JWK key, JWSSigner signer) {
            super(alg, key.getKeyID());
            this.key = key;
            this.signer = signer;
        }

        @Override
        String mint(JWTClaimsSet claims) {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(alg.name()))
                        .type(JOSEObjectType.JWT).keyID(kid).build(), claims);
                jwt.sign(signer);
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        byte[] sign(byte[] signingInput) {
            try {
                Base64URL signature = signer.sign(new JWSHeader(JWSAlgorithm.parse(alg.name())), signingInput);
                return signature.decode();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        String publicJwkJson() {
            // Nimbus leaves out a secret key's "k" from its public form; the HMAC secret is the key.
            return key instanceof OctetSequenceKey ? key.toJSONString() : key.toPublicJWK().toJSONString();
        }
    }

    private static final class EdSigner extends Signer {
        private final KeyPair keyPair;
        private final String curve;
        private final PublicJsonWebKey jwk;

        EdSigner(JwsAlgorithm alg, String kid, String curve) throws GeneralSecurityException, JoseException {
            super(alg, kid);
            this.curve = curve;
            this.keyPair = KeyPairGenerator.getInstance(curve).generateKeyPair();
            this.jwk = PublicJsonWebKey.Factory.newPublicJwk(keyPair.getPublic());
            this.jwk.setKeyId(kid);
        }

        @Override
        String mint(JWTClaimsSet claims) {
            if (alg != JwsAlgorithm.EdDSA) {
                return raw(header(""), claims.toString());
            }
            try {
                JsonWebSignature jws = new JsonWebSignature();
                jws.setPayload(claims.toString());
                jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.EDDSA);
                jws.setHeader("typ", "JWT");
                jws.setKeyIdHeaderValue(kid);
                jws.setKey(keyPair.getPrivate());
                return jws.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        byte[] sign(byte[] signingInput) {
            try {
                Signature signature = Signature.getInstance(curve);
                signature.initSign(keyPair.getPrivate());
                signature.update(signingInput);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        String publicJwkJson() {
            return jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        }
    }

    /** {@code bytes} with one bit flipped. */
    static byte[] flip(byte[] bytes, int bit) {
        byte[] copy = Arrays.copyOf(bytes, bytes.length);
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
