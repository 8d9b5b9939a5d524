package dev.sigil.testkit;

/**
 * One vector of a Wycheproof JOSE file, run through {@code JwkSet} and {@code JwtVerifier}.
 *
 * @param family the file's name without {@code _test.json}
 * @param file the resource file name
 * @param tcId the vector's id, unique within its file
 * @param comment Wycheproof's comment
 * @param result Wycheproof's label
 * @param group the group's comment (its scenario, such as {@code rfc7520})
 * @param keySet the verification keys as a JWK Set document: the group's {@code public} keys, else
 *     its {@code private} ones (HMAC secrets, or sets the verifier must refuse)
 * @param token the token as given: a compact JWS, a JWE, or the text of a JSON serialization
 * @param expected what the kit requires
 * @param why the policy that decided {@code expected}, where it is not simply Wycheproof's label
 * @param publishedKeySet the key set exactly as upstream publishes it, when the kit had to correct
 *     it into {@code keySet} (an upstream labelling error); otherwise {@code null}
 */
record JoseVector(String family, String file, long tcId, String comment, String result, String group,
        String keySet, String token, Expectation expected, String why, String publishedKeySet) {

    String displayName() {
        return file + " #" + tcId + " " + group + " " + comment + " [" + result + "]";
    }

    String id() {
        return file + "#" + tcId;
    }
}
