package dev.sigil.integration;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * An issuer's signing key, RS256 or ES256, made and used by Nimbus JOSE+JWT, so that the tokens the
 * multi-issuer tests send are minted by an implementation independent of Sigil.
 */
final class Signer {

    final String kid;
    private final JWK key;
    private final JWSAlgorithm alg;
    private final JWSSigner signer;

    private Signer(String kid, JWK key, JWSAlgorithm alg, JWSSigner signer) {
        this.kid = kid;
        this.key = key;
        this.alg = alg;
        this.signer = signer;
    }

    static Signer rsa(String kid) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
            return new Signer(kid, key, JWSAlgorithm.RS256, new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same key material under another kid: what a forger holding this key would claim. */
    Signer claimingKid(String otherKid) {
        return new Signer(otherKid, key, alg, signer);
    }

    static Signer ec(String kid) {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .generate();
            return new Signer(kid, key, JWSAlgorithm.ES256, new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK, with its kid, use and alg. */
    String publicJwk() {
        return key.toPublicJWK().toJSONString();
    }

    static String jwks(Signer... keys) {
        StringBuilder sb = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < keys.length; i++) {
            sb.append(i == 0 ? "" : ",").append(keys[i].publicJwk());
        }
        return sb.append("]}").toString();
    }

    /** A token from {@code issuer} for {@link IssuerKey#AUDIENCE}, valid for an hour from {@code now}. */
    String mint(String issuer, Instant now) {
        return mint(issuer, now, Map.of(), "JWT");
    }

    /** As {@link #mint(String, Instant)}, with extra claims and this {@code typ}. */
    String mint(String issuer, Instant now, Map<String, Object> extra, String typ) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("user-" + kid)
                .audience(IssuerKey.AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)));
        extra.forEach(claims::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(new JOSEObjectType(typ)).keyID(kid).build(),
                    claims.build());
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token from a template issuer for {@code tenant}, carrying {@code tid}. */
    String mintForTenant(String issuer, String tenant, Instant now) {
        return mint(issuer, now, Map.of("tid", tenant), "JWT");
    }
}
