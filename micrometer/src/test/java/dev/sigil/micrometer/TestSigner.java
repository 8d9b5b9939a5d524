package dev.sigil.micrometer;

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
import java.time.Instant;
import java.util.Date;

/** An issuer's RS256 key, made and used by Nimbus, so that the tokens are minted independently of Sigil. */
final class TestSigner {

    static final String AUDIENCE = "https://api.example.com";

    final String kid;
    private final RSAKey key;

    private TestSigner(String kid, RSAKey key) {
        this.kid = kid;
        this.key = key;
    }

    static TestSigner rsa(String kid) {
        try {
            return new TestSigner(kid, new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Another key that claims this one's kid: what a forger sends. */
    TestSigner forger() {
        return rsa(kid);
    }

    String jwks() {
        return "{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}";
    }

    /** A token from {@code issuer}, issued at {@code now} and valid for an hour. */
    String mint(String issuer, Instant now) {
        return mint(issuer, now, now.plusSeconds(3600));
    }

    String mint(String issuer, Instant issuedAt, Instant expires) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("user-1").audience(AUDIENCE)
                .issueTime(Date.from(issuedAt)).expirationTime(Date.from(expires)).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
