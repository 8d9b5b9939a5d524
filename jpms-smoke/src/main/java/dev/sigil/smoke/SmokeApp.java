package dev.sigil.smoke;

import com.sun.net.httpserver.HttpServer;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.VerifiedJwt;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * Mints an RS256 token with the JDK's {@code java.security}, then verifies it twice: with static keys,
 * and with keys fetched from a loopback JWKS endpoint. Prints what it found, one {@code key=value} per
 * line, for the test that launches it; exits non-zero on any failure.
 */
public final class SmokeApp {

    private static final String ISSUER = "https://issuer.example/";
    private static final String AUDIENCE = "https://api.example/";

    private SmokeApp() {
    }

    /** Runs the smoke test; the arguments are ignored. */
    public static void main(String[] args) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String jwks = jwks((RSAPublicKey) pair.getPublic());
        String token = mint(pair);

        System.out.println("app-module=" + moduleName(SmokeApp.class.getModule()));
        System.out.println("sigil-modules=" + ModuleLayer.boot().modules().stream().map(Module::getName)
                .filter(name -> name.startsWith("dev.sigil.") || name.startsWith("com.fasterxml."))
                .sorted().collect(Collectors.joining(",")));

        try (JwtVerifier verifier = JwtVerifier.builder().issuer(ISSUER).audience(AUDIENCE)
                .keys(JwkSet.parse(jwks)).build()) {
            VerifiedJwt jwt = verifier.verify(token);
            System.out.println("static-subject=" + jwt.claims().subject().orElse("none"));
            System.out.println("crypto=" + verifier.cryptoBackend().name()
                    + " from " + moduleName(verifier.cryptoBackend().getClass().getModule()));
            System.out.println("json=" + verifier.jsonCodec().name()
                    + " from " + moduleName(verifier.jsonCodec().getClass().getModule()));
        }

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI jwksUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
            try (JwtVerifier verifier = JwtVerifier.builder().issuer(ISSUER).audience(AUDIENCE)
                    .jwksUri(jwksUri).build()) {
                System.out.println("remote-subject=" + verifier.verify(token).claims().subject().orElse("none"));
            }
        } finally {
            server.stop(0);
        }
        System.out.println("done");
    }

    private static String mint(KeyPair pair) throws GeneralSecurityException {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"smoke-1\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"smoke-subject\",\"aud\":\"" + AUDIENCE
                + "\",\"iat\":" + now + ",\"exp\":" + (now + 300) + "}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64Url(signer.sign());
    }

    private static String jwks(RSAPublicKey key) {
        return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"smoke-1\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + base64Url(unsigned(key.getModulus())) + "\",\"e\":\"" + base64Url(unsigned(key.getPublicExponent()))
                + "\"}]}";
    }

    /** RFC 7518 section 6.3.1: the big-endian magnitude, without BigInteger's sign byte. */
    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 && bytes.length > 1 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String moduleName(Module module) {
        return module.isNamed() ? module.getName() : "unnamed";
    }
}
