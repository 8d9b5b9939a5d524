package dev.sigil.spring.boot;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

/** An issuer's keys (RSA {@code r1}, P-256 {@code e1}) and tokens signed with them by Nimbus. */
final class Tokens {

    static final String AUDIENCE = "https://api.example.com";

    private static final RSAKey RSA;
    private static final ECKey EC;

    static {
        try {
            RSA = new RSAKeyGenerator(2048).keyID("r1").generate();
            EC = new ECKeyGenerator(Curve.P_256).keyID("e1").generate();
        } catch (JOSEException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String issuer;

    Tokens(String issuer) {
        this.issuer = issuer;
    }

    static String jwksJson() {
        return new JWKSet(List.<com.nimbusds.jose.jwk.JWK>of(RSA.toPublicJWK(), EC.toPublicJWK())).toString();
    }

    /** An RS256 token from this issuer for {@link #AUDIENCE}, valid for an hour. */
    String rs256() {
        return rs256(null, c -> { });
    }

    /** An RS256 token with {@code typ} (none when null) and the claims as {@code claims} changes them. */
    String rs256(String typ, Consumer<JWTClaimsSet.Builder> claims) {
        return sign(JWSAlgorithm.RS256, RSA.getKeyID(), typ, claims, rsaSigner());
    }

    /** An ES256 token with the valid claims. */
    String es256() {
        try {
            return sign(JWSAlgorithm.ES256, EC.getKeyID(), null, c -> { }, new ECDSASigner(EC));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWSSigner rsaSigner() {
        try {
            return new RSASSASigner(RSA);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(JWSAlgorithm alg, String kid, String typ, Consumer<JWTClaimsSet.Builder> claims, JWSSigner signer) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject("alice")
                .issueTime(Date.from(now.minusSeconds(10)))
                .expirationTime(Date.from(now.plusSeconds(3600)));
        claims.accept(builder);
        JWSHeader.Builder header = new JWSHeader.Builder(alg).keyID(kid);
        if (typ != null) {
            header.type(new JOSEObjectType(typ));
        }
        try {
            SignedJWT jwt = new SignedJWT(header.build(), builder.build());
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
