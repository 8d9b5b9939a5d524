package dev.sigil.internal.keys;

import dev.sigil.internal.codec.Base64Url;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.KeyParameters;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The JWK thumbprint (RFC 7638) of a key's public parameters: SHA-256 over the key's required
 * members, in lexicographic order, without whitespace. Two JWKs that spell the same key differently
 * (member order, optional members, an RSA number with leading zero octets) get one thumbprint, so
 * it can name a key where a {@code kid}, chosen by the publisher, cannot be trusted to.
 */
public final class Thumbprint {

    private Thumbprint() {
    }

    /**
     * The RFC 7638 thumbprint of {@code parameters}, the SHA-256 digest that {@code backend} computes
     * over their canonical JSON: RSA {@code e, kty, n}; EC {@code crv, kty, x, y}; OKP
     * {@code crv, kty, x} (RFC 8037); oct {@code k, kty}; AKP {@code alg, kty, pub} (RFC 9964).
     *
     * @return the 32-byte digest (not its base64url text)
     * @throws IllegalArgumentException if a curve or algorithm name would need escaping in JSON
     */
    public static byte[] of(KeyParameters parameters, CryptoBackend backend) {
        Objects.requireNonNull(backend, "backend");
        return backend.digest("SHA-256", canonicalJson(parameters).getBytes(StandardCharsets.US_ASCII));
    }

    /** The members RFC 7638 hashes, as the exact text hashed; package-private so tests can read it. */
    static String canonicalJson(KeyParameters parameters) {
        Objects.requireNonNull(parameters, "parameters");
        StringBuilder json = new StringBuilder(128);
        // The members of each case are written in lexicographic order by hand: RFC 7638 section 3.3
        // orders them by code point, and for these few ASCII names that order is fixed.
        if (parameters instanceof KeyParameters.Rsa rsa) {
            json.append("{\"e\":\"").append(Base64Url.encode(unsigned(rsa.exponent())))
                    .append("\",\"kty\":\"RSA\",\"n\":\"").append(Base64Url.encode(unsigned(rsa.modulus())))
                    .append("\"}");
        } else if (parameters instanceof KeyParameters.Ec ec) {
            json.append("{\"crv\":\"").append(plainString(ec.curve()))
                    .append("\",\"kty\":\"EC\",\"x\":\"").append(Base64Url.encode(ec.x()))
                    .append("\",\"y\":\"").append(Base64Url.encode(ec.y())).append("\"}");
        } else if (parameters instanceof KeyParameters.Okp okp) {
            json.append("{\"crv\":\"").append(plainString(okp.curve()))
                    .append("\",\"kty\":\"OKP\",\"x\":\"").append(Base64Url.encode(okp.x())).append("\"}");
        } else if (parameters instanceof KeyParameters.Oct oct) {
            json.append("{\"k\":\"").append(Base64Url.encode(oct.k())).append("\",\"kty\":\"oct\"}");
        } else {
            KeyParameters.Akp akp = (KeyParameters.Akp) parameters;
            json.append("{\"alg\":\"").append(plainString(akp.algorithm()))
                    .append("\",\"kty\":\"AKP\",\"pub\":\"").append(Base64Url.encode(akp.publicKey()))
                    .append("\"}");
        }
        return json.toString();
    }

    /**
     * {@code value} as it stands inside a JSON string. The records admit only known curve and
     * algorithm names, all printable ASCII without quote or backslash; anything else would need
     * escapes, and a thumbprint over an escaped spelling would differ from other implementations'.
     */
    static String plainString(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                throw new IllegalArgumentException("a thumbprint member needs JSON escapes at offset " + i);
            }
        }
        return value;
    }

    /**
     * {@code n} unsigned big-endian in its fewest octets: {@link BigInteger#toByteArray()} adds a
     * zero octet before a set top bit, and RFC 7518 section 6.3.1.1 forbids it in {@code n} and {@code e}.
     */
    private static byte[] unsigned(BigInteger n) {
        byte[] bytes = n.toByteArray();
        return bytes[0] == 0 && bytes.length > 1 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
