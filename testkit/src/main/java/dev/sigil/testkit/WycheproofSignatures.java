package dev.sigil.testkit;

import dev.sigil.spi.JwsAlgorithm;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Wycheproof signature and MAC files shipped in this jar ({@code wycheproof/PROVENANCE.md})
 * and applies the kit's policy to each vector. The policy, in one place:
 *
 * <ul>
 *   <li>{@code valid}: accepted; {@code invalid}: rejected, a key refused at import counting as a
 *       rejection.
 *   <li>{@code acceptable} (only RSASSA-PKCS1-v1_5 {@code MissingNull}, a DigestInfo without the NULL
 *       parameter): <b>accepted</b>, and asserted so. It is one fixed second encoding of the same
 *       digest, not lenient parsing (which the {@code invalid} vectors cover), so it gives a forger
 *       nothing; the JDK's SunRsaSign accepts it for compatibility and BouncyCastle's
 *       {@code RSADigestSigner} does too, so every backend can meet the same rule.
 *   <li>RSA groups with public exponent 3 ({@code SmallPublicKey}, valid vectors only): the key may
 *       be refused at import (FIPS 186-5 wants e &gt; 2<sup>16</sup>); if it imports, the signature
 *       must verify.
 *   <li>HMAC groups whose tag is truncated ({@code tagSize} below the hash length): rejected, even
 *       when Wycheproof labels them valid, because JWS never truncates (RFC 7518 section 3.2).
 *   <li>HMAC groups whose key is shorter than the hash (128/192/256-bit keys for HS256/384/512):
 *       rejected at the backend level, the key either refused at import or never verifying, even
 *       when labelled valid. RFC 7518 section 3.2 forbids such keys; core's key filter also keeps
 *       them from a verifier, but a backend must not depend on that to be safe.
 *   <li>ML-DSA: a test with a non-empty {@code ctx} does not apply (JOSE signs with the empty
 *       context, RFC 9964): skipped and counted. A key with t1 = 0 ({@code ZeroPublicKey}) is refused
 *       at import on purpose, even for signatures labelled valid: anyone can forge with it.
 * </ul>
 */
final class WycheproofSignatures {

    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    /** The kind of key and signature a family of files holds. */
    enum Kind {
        RSA_PKCS1, RSA_PSS, ECDSA_P1363, EDDSA, HMAC, ML_DSA
    }

    /** One family: a file and the algorithm it exercises. */
    record Family(String name, Kind kind, JwsAlgorithm algorithm) {
        String file() {
            return name + "_test.json";
        }
    }

    static final List<Family> RSA_PKCS1 = List.of(
            new Family("rsa_signature_2048_sha256", Kind.RSA_PKCS1, JwsAlgorithm.RS256),
            new Family("rsa_signature_3072_sha256", Kind.RSA_PKCS1, JwsAlgorithm.RS256),
            new Family("rsa_signature_4096_sha256", Kind.RSA_PKCS1, JwsAlgorithm.RS256),
            new Family("rsa_signature_2048_sha384", Kind.RSA_PKCS1, JwsAlgorithm.RS384),
            new Family("rsa_signature_3072_sha384", Kind.RSA_PKCS1, JwsAlgorithm.RS384),
            new Family("rsa_signature_4096_sha384", Kind.RSA_PKCS1, JwsAlgorithm.RS384),
            new Family("rsa_signature_2048_sha512", Kind.RSA_PKCS1, JwsAlgorithm.RS512),
            new Family("rsa_signature_3072_sha512", Kind.RSA_PKCS1, JwsAlgorithm.RS512),
            new Family("rsa_signature_4096_sha512", Kind.RSA_PKCS1, JwsAlgorithm.RS512));

    /** Every PSS file upstream has with MGF1 of the same hash and a salt as long as the hash (RFC 7518 section 3.5). */
    static final List<Family> RSA_PSS = List.of(
            new Family("rsa_pss_2048_sha256_mgf1_32", Kind.RSA_PSS, JwsAlgorithm.PS256),
            new Family("rsa_pss_3072_sha256_mgf1_32", Kind.RSA_PSS, JwsAlgorithm.PS256),
            new Family("rsa_pss_4096_sha256_mgf1_32", Kind.RSA_PSS, JwsAlgorithm.PS256),
            new Family("rsa_pss_2048_sha384_mgf1_48", Kind.RSA_PSS, JwsAlgorithm.PS384),
            new Family("rsa_pss_4096_sha384_mgf1_48", Kind.RSA_PSS, JwsAlgorithm.PS384),
            new Family("rsa_pss_4096_sha512_mgf1_64", Kind.RSA_PSS, JwsAlgorithm.PS512));

    static final List<Family> ECDSA = List.of(
            new Family("ecdsa_secp256r1_sha256_p1363", Kind.ECDSA_P1363, JwsAlgorithm.ES256),
            new Family("ecdsa_secp384r1_sha384_p1363", Kind.ECDSA_P1363, JwsAlgorithm.ES384),
            new Family("ecdsa_secp521r1_sha512_p1363", Kind.ECDSA_P1363, JwsAlgorithm.ES512),
            new Family("ecdsa_secp256k1_sha256_p1363", Kind.ECDSA_P1363, JwsAlgorithm.ES256K));

    static final List<Family> EDDSA = List.of(
            new Family("ed25519", Kind.EDDSA, JwsAlgorithm.Ed25519),
            new Family("ed448", Kind.EDDSA, JwsAlgorithm.Ed448));

    static final List<Family> HMAC = List.of(
            new Family("hmac_sha256", Kind.HMAC, JwsAlgorithm.HS256),
            new Family("hmac_sha384", Kind.HMAC, JwsAlgorithm.HS384),
            new Family("hmac_sha512", Kind.HMAC, JwsAlgorithm.HS512));

    /**
     * ML-DSA (RFC 9964). Not in {@link #all()}: the kit judges these keys through a verifier's key
     * filter ({@link Verdicts#throughVerifier}), as an application's keys are, not by importing
     * them directly.
     */
    static final List<Family> ML_DSA = List.of(
            new Family("mldsa_44_verify", Kind.ML_DSA, JwsAlgorithm.ML_DSA_44),
            new Family("mldsa_65_verify", Kind.ML_DSA, JwsAlgorithm.ML_DSA_65),
            new Family("mldsa_87_verify", Kind.ML_DSA, JwsAlgorithm.ML_DSA_87));

    static List<Family> all() {
        List<Family> all = new ArrayList<>();
        all.addAll(RSA_PKCS1);
        all.addAll(RSA_PSS);
        all.addAll(ECDSA);
        all.addAll(EDDSA);
        all.addAll(HMAC);
        return all;
    }

    private WycheproofSignatures() {
    }

    /** Every vector of the family's file, in file order, each with the kit's expectation. */
    static List<SignatureVector> load(Family family) {
        Map<String, Object> root = VectorJson.resource("wycheproof/" + family.file());
        List<SignatureVector> vectors = new ArrayList<>();
        for (Object g : VectorJson.array(root.get("testGroups"))) {
            Map<String, Object> group = VectorJson.object(g);
            Map<String, Object> groupJwk = family.kind() == Kind.HMAC ? null : groupKey(family, group);
            for (Object t : VectorJson.array(group.get("tests"))) {
                Map<String, Object> test = VectorJson.object(t);
                vectors.add(vector(family, group, groupJwk, test));
            }
        }
        long declared = (Long) root.get("numberOfTests");
        if (declared != vectors.size()) {
            throw new IllegalStateException(family.file() + " declares " + declared + " tests but holds " + vectors.size());
        }
        return vectors;
    }

    private static SignatureVector vector(Family family, Map<String, Object> group, Map<String, Object> groupJwk,
            Map<String, Object> test) {
        String result = (String) test.get("result");
        List<String> flags = new ArrayList<>();
        for (Object f : VectorJson.array(test.get("flags"))) {
            flags.add((String) f);
        }
        Map<String, Object> jwk = groupJwk;
        byte[] signature;
        if (family.kind() == Kind.HMAC) {
            jwk = new LinkedHashMap<>();
            jwk.put("kty", "oct");
            jwk.put("k", b64(hex(test.get("key"))));
            signature = hex(test.get("tag"));
        } else {
            signature = hex(test.get("sig"));
        }
        Expectation expected;
        String why;
        switch (result) {
            case "valid":
                expected = Expectation.ACCEPT;
                why = "";
                break;
            case "invalid":
                expected = Expectation.REJECT;
                why = "";
                break;
            case "acceptable":
                if (!flags.contains("MissingNull")) {
                    throw new IllegalStateException(family.file() + " #" + test.get("tcId")
                            + " is acceptable for a reason the kit has no policy for: " + flags);
                }
                expected = Expectation.ACCEPT;
                why = "policy: a PKCS#1 DigestInfo without its NULL parameter is accepted, as the JDK and BouncyCastle do";
                break;
            default:
                throw new IllegalStateException("unknown result '" + result + "'");
        }
        if (family.kind() == Kind.RSA_PKCS1 && expected == Expectation.ACCEPT && smallExponent(group)) {
            expected = Expectation.ACCEPT_OR_KEY_REFUSED;
            why = "policy: an RSA key with e = 3 may be refused at import";
        }
        if (family.kind() == Kind.ECDSA_P1363 && expected == Expectation.ACCEPT && largeX((String) test.get("comment"))) {
            expected = Expectation.ACCEPT_OR_REJECT;
            why = "policy: x(R) >= n; JDK 17's SunEC refuses it, and Sigil runs no ECDSA arithmetic of its own to"
                    + " accept what an honest signer produces with probability 2^-128";
        }
        if (family.kind() == Kind.ML_DSA && test.get("ctx") instanceof String && !((String) test.get("ctx")).isEmpty()) {
            expected = Expectation.NOT_APPLICABLE;
            why = "a non-empty ML-DSA context: JOSE signs with the empty one (RFC 9964)";
        } else if (family.kind() == Kind.ML_DSA && flags.contains("ZeroPublicKey")) {
            expected = Expectation.KEY_REFUSED;
            why = "policy: refused on purpose: t1 = 0 (ZeroPublicKey) lets anyone forge, so the key is dropped"
                    + " whatever the signature";
        }
        if (family.kind() == Kind.HMAC) {
            int hashBits = family.algorithm().componentLength() * 8;
            long tagBits = (Long) group.get("tagSize");
            long keyBits = (Long) group.get("keySize");
            if (tagBits < hashBits) {
                expected = Expectation.REJECT;
                why = "policy: a truncated tag (" + tagBits + " of " + hashBits + " bits) is rejected: JWS never truncates";
            } else if (keyBits < hashBits) {
                expected = Expectation.REJECT;
                why = "policy: a " + keyBits + "-bit secret, shorter than the hash, never verifies (RFC 7518 section 3.2)";
            }
        }
        return new SignatureVector(family.name(), family.file(), (Long) test.get("tcId"), (String) test.get("comment"),
                result, List.copyOf(flags), family.algorithm(), jwk, hex(test.get("msg")), signature, expected, why);
    }

    /** The Wycheproof vectors whose point R has x(R) >= n, so that r = x(R) - n. */
    private static boolean largeX(String comment) {
        return comment.equals("k*G has a large x-coordinate") || comment.contains("is the smallest possible x with a reduction");
    }

    private static boolean smallExponent(Map<String, Object> group) {
        Map<String, Object> key = VectorJson.object(group.get("publicKey"));
        return new BigInteger((String) key.get("publicExponent"), 16).compareTo(BigInteger.valueOf(65537)) < 0;
    }

    /** The group's public key as a JWK, built from its raw fields (the same for every group kind). */
    private static Map<String, Object> groupKey(Family family, Map<String, Object> group) {
        Map<String, Object> key = family.kind() == Kind.ML_DSA ? Map.of() : VectorJson.object(group.get("publicKey"));
        Map<String, Object> jwk = new LinkedHashMap<>();
        switch (family.kind()) {
            case RSA_PKCS1:
            case RSA_PSS:
                jwk.put("kty", "RSA");
                jwk.put("n", b64(unsigned((String) key.get("modulus"))));
                jwk.put("e", b64(unsigned((String) key.get("publicExponent"))));
                break;
            case ECDSA_P1363:
                String curve = jwkCurve((String) key.get("curve"));
                int fieldBytes = family.algorithm().componentLength();
                jwk.put("kty", "EC");
                jwk.put("crv", curve);
                // wx/wy may carry a leading 00 or lack leading zeros; the JWK wants exactly the field length.
                jwk.put("x", b64(fixedLength((String) key.get("wx"), fieldBytes)));
                jwk.put("y", b64(fixedLength((String) key.get("wy"), fieldBytes)));
                break;
            case ML_DSA:
                // The raw FIPS 204 encoding, whatever its length: a wrong one must be refused on import.
                jwk.put("kty", "AKP");
                jwk.put("alg", family.algorithm().joseName());
                jwk.put("pub", b64(hex(group.get("publicKey"))));
                break;
            case EDDSA:
                jwk.put("kty", "OKP");
                jwk.put("crv", "edwards25519".equals(key.get("curve")) ? "Ed25519" : "Ed448");
                jwk.put("x", b64(hex(key.get("pk"))));
                break;
            default:
                throw new IllegalStateException("no group key for " + family.kind());
        }
        return jwk;
    }

    private static String jwkCurve(String wycheproofName) {
        switch (wycheproofName) {
            case "secp256r1":
                return "P-256";
            case "secp384r1":
                return "P-384";
            case "secp521r1":
                return "P-521";
            case "secp256k1":
                return "secp256k1";
            default:
                throw new IllegalStateException("unknown curve " + wycheproofName);
        }
    }

    static byte[] hex(Object value) {
        return HEX.parseHex((String) value);
    }

    static String b64(byte[] bytes) {
        return B64URL.encodeToString(bytes);
    }

    /** A big-endian unsigned integer in its shortest form, as JWK {@code n} and {@code e} are (RFC 7518 section 2). */
    private static byte[] unsigned(String hex) {
        byte[] bytes = new BigInteger(hex, 16).toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static byte[] fixedLength(String hex, int length) {
        byte[] minimal = unsigned(hex);
        if (minimal.length > length) {
            throw new IllegalStateException("coordinate longer than the field");
        }
        byte[] out = new byte[length];
        System.arraycopy(minimal, 0, out, length - minimal.length, minimal.length);
        return out;
    }
}
