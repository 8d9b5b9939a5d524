package dev.sigil.testkit;

import dev.sigil.jwk.DroppedKey;
import dev.sigil.jwk.InvalidJwkException;
import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksListener;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.JwtConfigurationException;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.KeyImportException;
import dev.sigil.spi.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;

/** Runs one vector against a backend and says what came of it. */
final class Verdicts {

    /** Any fixed instant will do: no Wycheproof JOSE payload carries time claims. */
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private Verdicts() {
    }

    /**
     * Imports the vector's key and verifies its signature, exactly as the SPI is called on the hot
     * path. A backend that throws from {@code verify} breaks its contract; that escapes as an error.
     */
    static Outcome of(CryptoBackend backend, SignatureVector vector) {
        VerificationKey key;
        try {
            key = backend.importKey(PublicParameters.of(vector.key()));
        } catch (KeyImportException | IllegalArgumentException e) {
            // IllegalArgumentException: members the parameter types cannot hold, such as a
            // coordinate of the wrong length, which no backend is ever given.
            return Outcome.keyRefused(e.getMessage());
        }
        return verifyBothWays(backend, vector.algorithm(), key, vector.message(), vector.signature())
                ? Outcome.accepted() : Outcome.rejected("signature does not verify");
    }

    /**
     * Verifies {@code signature} over all of {@code data} both ways a backend is asked: from arrays,
     * and from the chars of a compact token with {@code data} as its signing input, each byte as the
     * char of the same value. Fails the test unless both give the same answer.
     */
    static boolean verifyBothWays(CryptoBackend backend, JwsAlgorithm alg, VerificationKey key, byte[] data,
            byte[] signature) {
        boolean fromArrays = backend.verify(alg, key, data, 0, data.length, signature);
        String token = new String(data, StandardCharsets.ISO_8859_1) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        boolean fromChars = backend.verify(alg, key, token, data.length);
        Assertions.assertEquals(fromArrays, fromChars, () -> "backend '" + backend.name() + "' answers " + fromChars
                + " from a token's chars and " + fromArrays + " from arrays, " + alg + " with a signature of "
                + signature.length + " bytes");
        return fromArrays;
    }

    /**
     * Judges the vector's key as an application's is judged, by a verifier's key filter over the
     * backend (the JWK's members, core's checks, then the backend's import), and verifies the
     * vector's signature with the key the backend built for that verifier. For vectors whose
     * message is no JWS signing input, so that no token can carry them.
     */
    static Outcome throughVerifier(CryptoBackend backend, SignatureVector vector) {
        Map<String, Object> members = new LinkedHashMap<>(vector.jwk());
        members.put("kid", "vector");
        List<String> dropped = new ArrayList<>();
        List<VerificationKey> built = new ArrayList<>();
        try {
            JwtVerifier.builder()
                    .cryptoBackend(new RecordingBackend(backend, new ArrayList<>(), built))
                    .keys(JwkSet.of(Jwk.of(members)))
                    .algorithms(vector.algorithm())
                    .ignoreIssuer()
                    .ignoreAudience()
                    .listener(new JwksListener() {
                        @Override
                        public void keyDropped(DroppedKey key) {
                            dropped.add(key.reason());
                        }
                    })
                    .build();
        } catch (JwtConfigurationException e) {
            return Outcome.keyRefused(dropped.isEmpty() ? "build(): " + e.getMessage() : String.join("; ", dropped));
        }
        if (!dropped.isEmpty() || built.size() != 1) {
            return Outcome.keyRefused(dropped.isEmpty() ? "no key built" : String.join("; ", dropped));
        }
        byte[] message = vector.message();
        return verifyBothWays(backend, vector.algorithm(), built.get(0), message, vector.signature())
                ? Outcome.accepted() : Outcome.rejected("signature does not verify");
    }

    /**
     * Verifies the token with a verifier built as an application would for this key set: static
     * keys, no issuer or audience, no {@code exp} needed, every asymmetric algorithm the backend
     * supports, and HS* for which the set holds a secret long enough. A {@code build()} refused for
     * lack of a usable key is a refused key. Wycheproof payloads are not JWT claims: a token refused
     * only because its payload is not a JSON object has passed the signature check (the verifier
     * parses the payload only after it), so it counts as accepted.
     */
    static Outcome of(CryptoBackend backend, String keySet, String token) {
        JwkSet set;
        try {
            set = JwkSet.parse(keySet);
        } catch (InvalidJwkException e) {
            return Outcome.keyRefused("key set: " + e.getMessage());
        }
        return of(backend, set, token);
    }

    /** {@link #of(CryptoBackend, String, String)} for a set already read. */
    static Outcome of(CryptoBackend backend, JwkSet set, String token) {
        JwsAlgorithm[] algorithms = algorithmsFor(backend, set);
        if (algorithms.length == 0) {
            return Outcome.keyRefused("backend '" + backend.name() + "' supports no algorithm these keys can serve");
        }
        JwtVerifier verifier;
        try {
            verifier = JwtVerifier.builder()
                    .cryptoBackend(backend)
                    .keys(set)
                    .algorithms(algorithms)
                    .ignoreIssuer()
                    .ignoreAudience()
                    .allowMissingExpiration()
                    .clock(FIXED)
                    .build();
        } catch (JwtConfigurationException e) {
            return Outcome.keyRefused("build(): " + e.getMessage());
        }
        try {
            verifier.verify(token);
            return Outcome.accepted();
        } catch (JwtVerificationException e) {
            if (signatureVerifiedButPayloadIsNotClaims(e)) {
                return Outcome.accepted();
            }
            return Outcome.rejected(e.reason() + ": " + e.getMessage());
        }
    }

    static boolean signatureVerifiedButPayloadIsNotClaims(JwtVerificationException e) {
        // Only these two: "token payload is not valid base64url" is a malformed token, refused.
        return e.reason() == Reason.MALFORMED && (e.getMessage().startsWith("token payload is not a json object")
                || e.getMessage().startsWith("token payload is not valid json"));
    }

    /**
     * Every asymmetric algorithm the backend supports, and each HS* that some secret of the set can
     * serve: its {@code alg} names it (or it names none) and it is at least as long as the hash.
     * Listing an HS* that no secret serves would fail {@code build()} for the wrong reason.
     */
    private static JwsAlgorithm[] algorithmsFor(CryptoBackend backend, JwkSet set) {
        List<JwsAlgorithm> algorithms = new ArrayList<>();
        for (JwsAlgorithm alg : backend.algorithms()) {
            if (!alg.isSymmetric() || servedBySomeSecret(alg, set)) {
                algorithms.add(alg);
            }
        }
        return algorithms.toArray(new JwsAlgorithm[0]);
    }

    private static boolean servedBySomeSecret(JwsAlgorithm alg, JwkSet set) {
        for (Jwk jwk : set.keys()) {
            if (!"oct".equals(jwk.keyType()) || jwk.algorithm().map(a -> !a.equals(alg.joseName())).orElse(false)) {
                continue;
            }
            try {
                Optional<byte[]> k = jwk.binaryMember("k");
                if (k.isPresent() && k.get().length >= alg.componentLength()) {
                    return true;
                }
            } catch (InvalidJwkException e) {
                // The key filter will report it; it serves nothing.
            }
        }
        return false;
    }

    /** The {@code alg} of a compact token's header, if it has a readable one. */
    static Optional<JwsAlgorithm> headerAlgorithm(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            String header = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            Object alg = ((Map<?, ?>) VectorJson.parse(header)).get("alg");
            return Optional.of(JwsAlgorithm.fromName((String) alg));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
