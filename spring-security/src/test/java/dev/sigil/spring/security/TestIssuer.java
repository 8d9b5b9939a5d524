package dev.sigil.spring.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
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
import dev.sigil.jwk.JwkSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

/**
 * An issuer's keys (RSA {@code r1}, P-256 {@code e1}) and tokens signed with them by Nimbus, the
 * library Spring's own decoder runs on.
 */
final class TestIssuer {

    static final String AUDIENCE = "https://api.example.com";

    final String issuer;
    final RSAKey rsa;
    final ECKey ec;

    private TestIssuer(String issuer, RSAKey rsa, ECKey ec) {
        this.issuer = issuer;
        this.rsa = rsa;
        this.ec = ec;
    }

    /** Keys are generated once per issuer name and kept for the JVM: RSA generation costs. */
    static TestIssuer named(String issuer) {
        try {
            return new TestIssuer(issuer,
                    new RSAKeyGenerator(2048).keyID("r1").generate(),
                    new ECKeyGenerator(Curve.P_256).keyID("e1").generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public keys as a JWKS document. */
    String jwksJson() {
        return new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString();
    }

    JwkSet jwkSet() {
        return JwkSet.parse(jwksJson());
    }

    /** Claims every verifier here accepts: this issuer, {@link #AUDIENCE}, valid for an hour. */
    JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject("alice")
                .issueTime(Date.from(now.minusSeconds(10)))
                .expirationTime(Date.from(now.plusSeconds(3600)));
    }

    /** An RS256 token, {@code kid: r1}, with the valid claims. */
    String token() {
        return rs256(h -> { }, validClaims().build());
    }

    /** An RS256 token with the valid claims as {@code claims} changes them. */
    String token(Consumer<JWTClaimsSet.Builder> claims) {
        JWTClaimsSet.Builder builder = validClaims();
        claims.accept(builder);
        return rs256(h -> { }, builder.build());
    }

    String rs256(Consumer<JWSHeader.Builder> header, JWTClaimsSet claims) {
        JWSHeader.Builder builder = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID());
        header.accept(builder);
        return sign(builder.build(), claims, true);
    }

    String es256(Consumer<JWSHeader.Builder> header, JWTClaimsSet claims) {
        JWSHeader.Builder builder = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ec.getKeyID());
        header.accept(builder);
        return sign(builder.build(), claims, false);
    }

    private String sign(JWSHeader header, JWTClaimsSet claims, boolean withRsa) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(withRsa ? new RSASSASigner(rsa) : new ECDSASigner(ec));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
