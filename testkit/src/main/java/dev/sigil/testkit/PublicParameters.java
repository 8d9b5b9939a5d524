package dev.sigil.testkit;

import dev.sigil.jwk.Jwk;
import dev.sigil.spi.KeyParameters;
import java.math.BigInteger;

/**
 * A JWK's public members as the {@link KeyParameters} a backend builds keys from, read as plainly
 * as possible and judged not at all: what a test needs to call
 * {@link dev.sigil.spi.CryptoBackend#importKey} directly. Sigil's verifiers read keys their own way and
 * judge them (sizes, exponents, small-order points) before a backend sees them; a test that wants
 * those checks loads the key into a verifier instead.
 */
public final class PublicParameters {

    private PublicParameters() {
    }

    /**
     * The parameters of an {@code RSA}, {@code EC}, {@code OKP}, {@code oct} or {@code AKP} key.
     *
     * @param jwk a public key (or an {@code oct} secret)
     * @return the key's parameters, as a backend imports them
     * @throws IllegalArgumentException if a member is missing, malformed, or breaks the parameter
     *     type's invariants (a curve it does not know, a coordinate of the wrong length)
     */
    public static KeyParameters of(Jwk jwk) {
        switch (jwk.keyType()) {
            case "RSA":
                return new KeyParameters.Rsa(new BigInteger(1, member(jwk, "n")), new BigInteger(1, member(jwk, "e")));
            case "EC":
                return new KeyParameters.Ec(curve(jwk), member(jwk, "x"), member(jwk, "y"));
            case "OKP":
                return new KeyParameters.Okp(curve(jwk), member(jwk, "x"));
            case "oct":
                return new KeyParameters.Oct(member(jwk, "k"));
            case "AKP":
                return new KeyParameters.Akp(jwk.algorithm().orElseThrow(() -> new IllegalArgumentException(
                        "AKP key has no 'alg'")), member(jwk, "pub"));
            default:
                throw new IllegalArgumentException("no key parameters for key type " + jwk.keyType());
        }
    }

    private static String curve(Jwk jwk) {
        return jwk.curve().orElseThrow(() -> new IllegalArgumentException(jwk.keyType() + " key has no 'crv'"));
    }

    private static byte[] member(Jwk jwk, String name) {
        return jwk.binaryMember(name).orElseThrow(() -> new IllegalArgumentException(
                jwk.keyType() + " key has no '" + name + "'"));
    }
}
