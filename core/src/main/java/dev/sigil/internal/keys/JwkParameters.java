package dev.sigil.internal.keys;

import static dev.sigil.spi.UntrustedText.quoted;

import dev.sigil.internal.codec.KeyMemberBase64;
import dev.sigil.jwk.InvalidJwkException;
import dev.sigil.jwk.Jwk;
import dev.sigil.spi.KeyParameters;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Reads a JWK's public parameters into the {@link KeyParameters} a backend builds keys from: every
 * member present, decodable, and at its exact length (RFC 7518 section 6.2.1.2 for EC coordinates,
 * RFC 8037 for Edwards keys, RFC 9964 and FIPS 204 for AKP keys). It says why a key cannot be read, with the member's name; whether the
 * parameters are acceptable is {@link PublicKeyCheck}'s to judge afterwards.
 */
final class JwkParameters {

    /** The binary members a key's parameters are read from. */
    private static final String[] SPELLED_MEMBERS = {"n", "e", "x", "y", "k", "pub", "x5t", "x5t#S256"};
    /**
     * The unsigned integers, whose leading zero octets change no value. Every other binary member has
     * one exact length (an EC coordinate, an Edwards key, a thumbprint) or is a byte string whose
     * every octet counts (a secret): there a leading zero is never stripped.
     */
    private static final String[] UNSIGNED_MEMBERS = {"n", "e"};

    private JwkParameters() {
    }

    /**
     * The parameters of {@code jwk}, whose type is {@code RSA}, {@code EC}, {@code OKP}, {@code oct} or
     * {@code AKP}.
     *
     * @throws Refused if a member is missing, not base64url, of the wrong length, or names an
     *     unsupported curve
     */
    static KeyParameters read(Jwk jwk) throws Refused {
        try {
            switch (jwk.keyType()) {
                case "RSA":
                    return new KeyParameters.Rsa(new BigInteger(1, required(jwk, "n")), new BigInteger(1, required(jwk, "e")));
                case "EC":
                    return ec(jwk);
                case "OKP":
                    return okp(jwk);
                case "AKP":
                    return akp(jwk);
                case "oct":
                    byte[] k = required(jwk, "k");
                    if (k.length == 0) {
                        throw new Refused("oct key 'k' is empty");
                    }
                    return new KeyParameters.Oct(k);
                default:
                    throw new Refused("unsupported key type " + quoted(jwk.keyType()));
            }
        } catch (InvalidJwkException e) {
            throw new Refused(e.getMessage());
        } catch (IllegalArgumentException e) {
            // A parameter type's invariant, such as an RSA modulus or exponent of zero: its message is fixed text.
            throw new Refused(e.getMessage());
        }
    }

    /**
     * How the key's spelling departs, harmlessly, from what RFC 7517 and RFC 7518 ask, or {@code null}:
     * members in standard base64 or padded, and {@code n} or {@code e} with leading zero octets (RFC
     * 7518 section 6.3.1 asks for the fewest). The key reads the same either way; this is what a
     * listener hears, so that an issuer's sloppiness is visible. Call it on a key that was read.
     */
    static String toleratedSpelling(Jwk jwk) {
        StringBuilder notes = new StringBuilder();
        for (String member : SPELLED_MEMBERS) {
            if (jwk.member(member).orElse(null) instanceof String text && !KeyMemberBase64.isBase64Url(text)) {
                note(notes, "'" + member + "' is standard base64 or padded, not base64url");
            }
        }
        if (jwk.member("x5c").orElse(null) instanceof List<?> chain) {
            for (Object cert : chain) {
                // RFC 7517 section 4.7: standard base64, padded; the reverse of every other member.
                if (cert instanceof String text && (text.indexOf('-') >= 0 || text.indexOf('_') >= 0 || text.length() % 4 != 0)) {
                    note(notes, "'x5c' is base64url or unpadded, not standard base64");
                    break;
                }
            }
        }
        if ("RSA".equals(jwk.keyType())) {
            for (String member : UNSIGNED_MEMBERS) {
                byte[] value = jwk.binaryMember(member).orElse(null);
                if (value != null && value.length > 1 && value[0] == 0) {
                    note(notes, "'" + member + "' has leading zero octets");
                }
            }
        }
        return notes.length() == 0 ? null : notes.append(" (accepted: the key is the same)").toString();
    }

    private static void note(StringBuilder notes, String note) {
        notes.append(notes.length() == 0 ? "" : "; ").append(note);
    }

    private static KeyParameters ec(Jwk jwk) throws Refused {
        String crv = curve(jwk);
        int length = KeyParameters.Ec.fieldBytes(crv);
        if (length < 0) {
            throw new Refused("unsupported curve " + quoted(crv) + " for key type EC");
        }
        byte[] x = required(jwk, "x");
        checkLength("x", x, length, crv);
        byte[] y = required(jwk, "y");
        checkLength("y", y, length, crv);
        return new KeyParameters.Ec(crv, x, y);
    }

    private static KeyParameters okp(Jwk jwk) throws Refused {
        String crv = curve(jwk);
        if ("X25519".equals(crv) || "X448".equals(crv)) {
            throw new Refused("curve " + crv + " is for key agreement and cannot verify signatures: it serves ECDH-ES"
                    + " encryption (RFC 8037 section 3.2), and no setting makes it a signing key");
        }
        int length = KeyParameters.Okp.keyBytes(crv);
        if (length < 0) {
            throw new Refused("unsupported curve " + quoted(crv) + " for key type OKP");
        }
        byte[] x = required(jwk, "x");
        checkLength("x", x, length, crv);
        return new KeyParameters.Okp(crv, x);
    }

    private static KeyParameters akp(Jwk jwk) throws Refused {
        // RFC 9964: an AKP key is bound to one algorithm, so its alg is required and fixes pub's length.
        Optional<String> alg = jwk.algorithm();
        if (alg.isEmpty()) {
            throw new Refused("AKP key has no 'alg'");
        }
        int length = KeyParameters.Akp.publicKeyBytes(alg.get());
        if (length < 0) {
            throw new Refused("alg " + quoted(alg.get()) + " is not an ML-DSA algorithm, which an AKP key needs");
        }
        byte[] pub = required(jwk, "pub");
        checkLength("pub", pub, length, alg.get());
        return new KeyParameters.Akp(alg.get(), pub);
    }

    private static String curve(Jwk jwk) throws Refused {
        Optional<String> crv = jwk.curve();
        if (crv.isEmpty()) {
            throw new Refused(jwk.keyType() + " key has no 'crv'");
        }
        return crv.get();
    }

    private static byte[] required(Jwk jwk, String member) throws Refused {
        Optional<byte[]> value = jwk.binaryMember(member);
        if (value.isEmpty()) {
            throw new Refused(jwk.keyType() + " key has no '" + member + "'");
        }
        return value.get();
    }

    private static void checkLength(String member, byte[] value, int length, String crv) throws Refused {
        if (value.length != length) {
            throw new Refused("'" + member + "' must be " + length + " bytes for " + crv + ", got " + value.length);
        }
    }
}
