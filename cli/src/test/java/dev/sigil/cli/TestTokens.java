package dev.sigil.cli;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** An issuer's RS256 key and the tokens it signs, minted by Nimbus: independent of the CLI's own signer. */
final class TestTokens {

    static final String AUDIENCE = "https://api.example.com";
    static final String SUBJECT = "auth0|5f7c8ec7c33c6c004bbafe82";

    final RSAKey key;

    private TestTokens(RSAKey key) {
        this.key = key;
    }

    static TestTokens rsa(String kid) {
        try {
            return new TestTokens(new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as a one-key set. */
    String jwks() {
        return "{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}";
    }

    /** A token valid from {@code issuedAt} for an hour. */
    String mint(String issuer, String audience, Instant issuedAt) {
        return mint(issuer, audience, issuedAt, JOSEObjectType.JWT);
    }

    String mint(String issuer, String audience, Instant issuedAt, JOSEObjectType type) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(SUBJECT)
                .audience(audience)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(Duration.ofHours(1))))
                .claim("scope", "read:messages")
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(type).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String valid(String issuer) {
        return mint(issuer, AUDIENCE, Instant.now());
    }

    String expired(String issuer) {
        return mint(issuer, AUDIENCE, Instant.now().minus(Duration.ofHours(3)));
    }
}
