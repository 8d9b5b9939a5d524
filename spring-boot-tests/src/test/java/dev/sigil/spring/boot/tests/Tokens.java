package dev.sigil.spring.boot.tests;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The issuer's keys ({@code r1}, RSA; {@code k1}, secp256k1) and tokens signed with them by Nimbus, as
 * an identity provider would mint them; and a forger's key that claims the same {@code kid}.
 */
public final class Tokens {

    public static final String AUDIENCE = "https://api.example.com";

    private static final RSAKey KEY = generate();
    private static final RSAKey FORGER = generate();
    // secp256k1: the JDK's providers dropped the curve (JDK 16), so BouncyCastle's JCA provider makes
    // the key and signs here, and only Sigil's BouncyCastle backend can verify it.
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final ECKey K1 = generateSecp256k1();

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

    private static ECKey generateSecp256k1() {
        try {
            return new ECKeyGenerator(Curve.SECP256K1).keyID("k1").provider(BC).generate();
        } catch (JOSEException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The key set the issuer publishes: the public halves of {@code r1} (RSA) and {@code k1} (secp256k1). */
    public static String jwksJson() {
        return new JWKSet(List.<JWK>of(KEY.toPublicJWK(), K1.toPublicJWK())).toString();
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

    /** A valid token signed ES256K by {@code k1}. */
    public String es256k() {
        try {
            ECDSASigner signer = new ECDSASigner(K1);
            signer.getJCAContext().setProvider(BC);
            return sign(new JWSHeader.Builder(JWSAlgorithm.ES256K).keyID(K1.getKeyID()).build(), c -> { }, signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String token(RSAKey key, Consumer<JWTClaimsSet.Builder> claims) {
        try {
            return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims, new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(JWSHeader header, Consumer<JWTClaimsSet.Builder> claims, JWSSigner signer) {
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
            SignedJWT jwt = new SignedJWT(header, builder.build());
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
