package dev.sigil.integration;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An issuer's RS256 signing key, as Auth0 publishes it: {@code kid}, {@code use: sig},
 * {@code alg: RS256}, and (when made with a certificate) {@code x5c}, {@code x5t} and
 * {@code x5t#S256}. Certificates are made by the JDK's keytool, so no test library mints them.
 */
final class IssuerKey {

    static final String AUDIENCE = "https://api.example.com";

    final String kid;
    private final RSAKey key;

    private IssuerKey(String kid, RSAKey key) {
        this.kid = kid;
        this.key = key;
    }

    /** A plain RSA key (no certificate). */
    static IssuerKey plain(String kid) {
        try {
            return new IssuerKey(kid, new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key with a self-signed certificate made by keytool, published with x5c, x5t and x5t#S256. */
    static IssuerKey withCertificate(String kid, Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        Path store = dir.resolve(kid + ".p12");
        char[] password = "changeit".toCharArray();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "k", "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                "-dname", "CN=" + kid + ", O=Fake Issuer", "-validity", "3650", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, password);
        }
        X509Certificate cert = (X509Certificate) ks.getCertificate("k");
        byte[] der = cert.getEncoded();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) cert.getPublicKey())
                .privateKey((RSAPrivateKey) ks.getKey("k", password))
                .keyID(kid)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .x509CertChain(List.of(Base64.encode(der)))
                .x509CertThumbprint(Base64URL.encode(MessageDigest.getInstance("SHA-1").digest(der)))
                .x509CertSHA256Thumbprint(Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(der)))
                .build();
        return new IssuerKey(kid, key);
    }

    String publicJwk() {
        return key.toPublicJWK().toJSONString();
    }

    static String jwks(IssuerKey... keys) {
        StringBuilder sb = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < keys.length; i++) {
            sb.append(i == 0 ? "" : ",").append(keys[i].publicJwk());
        }
        return sb.append("]}").toString();
    }

    /** An Auth0-shaped access token from {@code issuer}, valid for an hour from {@code now}. */
    String mint(String issuer, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("auth0|5f7c8ec7c33c6c004bbafe82")
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("scope", "read:messages")
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid)
                    .build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
