package dev.sigil.testkit;

import dev.sigil.jwk.Jwk;
import dev.sigil.spi.JwsAlgorithm;
import java.util.List;
import java.util.Map;

/**
 * One Wycheproof signature (or MAC) vector, turned into what a {@code CryptoBackend} takes: a JWK,
 * a JWS algorithm, the message and the signature, and the outcome the kit's policy requires.
 *
 * @param family the file's name without {@code _test.json}, as the counts name it
 * @param file the resource file name
 * @param tcId the vector's id, unique within its file
 * @param comment Wycheproof's comment
 * @param result Wycheproof's label: {@code valid}, {@code invalid} or {@code acceptable}
 * @param flags Wycheproof's flags
 * @param algorithm the JWS algorithm the vector exercises
 * @param jwk the public (or, for HMAC, secret) key's JWK members
 * @param message the signed message
 * @param signature the signature or MAC tag
 * @param expected what the kit requires
 * @param why the policy that decided {@code expected}, where it is not simply Wycheproof's label
 */
record SignatureVector(String family, String file, long tcId, String comment, String result, List<String> flags,
        JwsAlgorithm algorithm, Map<String, Object> jwk, byte[] message, byte[] signature, Expectation expected,
        String why) {

    Jwk key() {
        return Jwk.of(jwk);
    }

    String displayName() {
        return file + " #" + tcId + (comment.isEmpty() ? "" : " " + comment) + " [" + result + "]";
    }

    /** Identifies the vector across backends and runs. */
    String id() {
        return file + "#" + tcId;
    }
}
