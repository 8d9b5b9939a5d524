package dev.sigil.spring.boot.tests;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The issuer's key ({@code r1}, RSA) and tokens signed with it by Nimbus, as an identity provider
 * would mint them; and a forger's key that claims the same {@code kid}.
 */
public final class Tokens {

    public static final String AUDIENCE = "https://api.example.com";

    private static final RSAKey KEY = generate();
    private static final RSAKey FORGER = generate();

    private final String issuer;
    private final String audience;
    private final Map<String, Object> claims;

    /** Tokens from {@code issuer} for {@link #AUDIENCE}. */
    public Tokens(String issuer) {
        this(issuer, AUDIENCE, Map.of());
    }

    /** Tokens from {@code issuer} for {@code audience}, each with these further claims (such as a tenant's). */
    public Tokens(String issuer, String audience, Map<String, Object> claims) {
        this.issuer = issuer;
        this.audience = audience;
        this.claims = Map.copyOf(claims);
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("r1").generate();
        } catch (JOSEException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The key set the issuer publishes: the public half of {@code r1}. */
    public static String jwksJson() {
        return new JWKSet(KEY.toPublicJWK()).toString();
    }

    /** A token for subject alice and the audience, valid for an hour. */
    public String valid() {
        return token(KEY, c -> { });
    }

    /** A valid token with its claims changed by {@code claims}. */
    public String with(Consumer<JWTClaimsSet.Builder> claims) {
        return token(KEY, claims);
    }

    /** Expired two hours ago: beyond any clock skew. */
    public String expired() {
        Instant now = Instant.now();
        return token(KEY, c -> c.issueTime(Date.from(now.minusSeconds(3 * 3600)))
                .expirationTime(Date.from(now.minusSeconds(2 * 3600))));
    }

    /** Minted for another API. */
    public String wrongAudience() {
        return token(KEY, c -> c.audience("https://other.example.com"));
    }

    /** Signed by another key that names the issuer's {@code kid}. */
    public String forged() {
        return token(FORGER, c -> { });
    }

    private String token(RSAKey key, Consumer<JWTClaimsSet.Builder> claims) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject("alice")
                .issueTime(Date.from(now.minusSeconds(10)))
                .expirationTime(Date.from(now.plusSeconds(3600)));
        this.claims.forEach(builder::claim);
        claims.accept(builder);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), builder.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
