package dev.sigil.spi;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * The public parameters of one key, by key type: what a {@link CryptoBackend} builds a
 * {@link VerificationKey} from, and what it reads out of an {@code x5c} certificate.
 *
 * <p>Each type holds its intrinsic invariants from construction: no {@code null}s, a curve or
 * algorithm Sigil knows, and every encoded member at its exact length. Whether the key is
 * <em>acceptable</em> (size limits, exponents, small-order points, moduli that let anyone forge) is
 * policy, judged by Sigil's verifiers before a backend is given the parameters; a backend makes
 * only the checks that need arithmetic (an EC point on its curve). A program that calls
 * {@link CryptoBackend#importKey} itself takes on the judging that the verifiers would have done.
 *
 * <p>Values: immutable, compared by content ({@link Oct}'s secret in constant time); arrays are
 * copied in and out. {@link Object#toString()} names the type and size, never key material.
 */
public sealed interface KeyParameters
        permits KeyParameters.Rsa, KeyParameters.Ec, KeyParameters.Okp, KeyParameters.Oct, KeyParameters.Akp {

    /** {@return the JWK key type: {@code "RSA"}, {@code "EC"}, {@code "OKP"}, {@code "oct"} or {@code "AKP"}} */
    String keyType();

    /** {@return the JWK curve of an {@link Ec} or {@link Okp} key, or {@code null} for the other types} */
    String curve();

    /**
     * The key size in bits, as {@link VerificationKey#sizeBits()} reports it: the RSA modulus length;
     * the field size for EC (256, 384, 521); the encoded key for OKP (256, 456); the secret's length
     * for {@code oct}; the encoded public key's length for AKP.
     *
     * @return the key size in bits
     */
    int sizeBits();

    /**
     * An RSA public key (RFC 7518 section 6.3.1). Leading zero octets of the JWK encoding are gone:
     * two keys are equal when their numbers are.
     *
     * @param modulus {@code n}, positive
     * @param exponent {@code e}, positive
     */
    record Rsa(BigInteger modulus, BigInteger exponent) implements KeyParameters {

        /**
         * Checks that both numbers are present and positive.
         *
         * @param modulus {@code n}
         * @param exponent {@code e}
         * @throws NullPointerException if either is {@code null}
         * @throws IllegalArgumentException if either is zero or negative
         */
        public Rsa {
            if (Objects.requireNonNull(modulus, "modulus").signum() <= 0
                    || Objects.requireNonNull(exponent, "exponent").signum() <= 0) {
                throw new IllegalArgumentException("rsa modulus and exponent must be positive");
            }
        }

        @Override
        public String keyType() {
            return "RSA";
        }

        @Override
        public String curve() {
            return null;
        }

        @Override
        public int sizeBits() {
            return modulus.bitLength();
        }

        @Override
        public String toString() {
            return "Rsa[" + modulus.bitLength() + " bits]";
        }
    }

    /**
     * An EC public key (RFC 7518 section 6.2.1): a point given by its affine coordinates, each
     * unsigned big-endian at exactly the field's length, leading zeros included. Whether the point
     * lies on the curve is the backend's to check.
     *
     * @param curve {@code "P-256"}, {@code "P-384"}, {@code "P-521"} or {@code "secp256k1"} (RFC 8812)
     * @param x the x coordinate, 32, 48 or 66 bytes
     * @param y the y coordinate, of the same length
     */
    record Ec(String curve, byte[] x, byte[] y) implements KeyParameters {

        // The JWK names Sigil verifies with, and their coordinate lengths in bytes.
        private static final Map<String, Integer> FIELD_BYTES = Map.of("P-256", 32, "P-384", 48, "P-521", 66,
                "secp256k1", 32);

        /**
         * Checks the curve and the coordinates' lengths, and keeps copies of the coordinates.
         *
         * @param curve the JWK curve name
         * @param x the x coordinate, unsigned big-endian
         * @param y the y coordinate, unsigned big-endian
         * @throws IllegalArgumentException if the curve is not one of the four, or a coordinate is
         *     not exactly its field's length
         */
        public Ec {
            int length = fieldBytes(Objects.requireNonNull(curve, "curve"));
            if (length < 0) {
                throw new IllegalArgumentException("unsupported curve for key type EC");
            }
            x = exactLength(x, "x", length, curve);
            y = exactLength(y, "y", length, curve);
        }

        /**
         * {@return the coordinate length of JWK curve {@code crv} in bytes, or -1 for a curve no EC key may have}
         *
         * @param crv a JWK curve name
         */
        public static int fieldBytes(String crv) {
            return FIELD_BYTES.getOrDefault(crv, -1);
        }

        /**
         * {@return a copy of the x coordinate}
         */
        @Override
        public byte[] x() {
            return x.clone();
        }

        /**
         * {@return a copy of the y coordinate}
         */
        @Override
        public byte[] y() {
            return y.clone();
        }

        @Override
        public String keyType() {
            return "EC";
        }

        @Override
        public int sizeBits() {
            // P-521's coordinates are 66 bytes, of which 521 bits are the field.
            return "P-521".equals(curve) ? 521 : x.length * 8;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ec && curve.equals(((Ec) o).curve) && Arrays.equals(x, ((Ec) o).x)
                    && Arrays.equals(y, ((Ec) o).y);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * curve.hashCode() + Arrays.hashCode(x)) + Arrays.hashCode(y);
        }

        @Override
        public String toString() {
            return "Ec[" + curve + "]";
        }
    }

    /**
     * An Edwards-curve public key for EdDSA (RFC 8037 section 2): the point as RFC 8032 encodes it.
     * Canonical form and small order are judged by Sigil's verifiers; decoding the point (and so
     * refusing an encoding that is no point at all) is the backend's.
     *
     * @param curve {@code "Ed25519"} or {@code "Ed448"}
     * @param x the encoded public key, 32 or 57 bytes
     */
    record Okp(String curve, byte[] x) implements KeyParameters {

        /**
         * Checks the curve and the key's length, and keeps a copy of the key.
         *
         * @param curve the JWK curve name
         * @param x the encoded public key
         * @throws IllegalArgumentException if the curve is neither, or {@code x} is not its length
         */
        public Okp {
            int length = keyBytes(Objects.requireNonNull(curve, "curve"));
            if (length < 0) {
                throw new IllegalArgumentException("unsupported curve for key type OKP");
            }
            x = exactLength(x, "x", length, curve);
        }

        /**
         * {@return the encoded key length of JWK curve {@code crv} in bytes, or -1 for a curve no OKP signing key may
         * have}
         *
         * @param crv a JWK curve name
         */
        public static int keyBytes(String crv) {
            return "Ed25519".equals(crv) ? 32 : "Ed448".equals(crv) ? 57 : -1;
        }

        /**
         * {@return a copy of the encoded public key}
         */
        @Override
        public byte[] x() {
            return x.clone();
        }

        @Override
        public String keyType() {
            return "OKP";
        }

        @Override
        public int sizeBits() {
            // RFC 8037 keys are conventionally 256 and 456 bits: the encoding's length.
            return x.length * 8;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Okp && curve.equals(((Okp) o).curve) && Arrays.equals(x, ((Okp) o).x);
        }

        @Override
        public int hashCode() {
            return 31 * curve.hashCode() + Arrays.hashCode(x);
        }

        @Override
        public String toString() {
            return "Okp[" + curve + "]";
        }
    }

    /**
     * A shared HMAC secret (RFC 7518 section 6.4). Never printed; compared in constant time for
     * secrets of one length.
     *
     * @param k the secret, not empty
     */
    record Oct(byte[] k) implements KeyParameters {

        /**
         * Checks that the secret is not empty, and keeps a copy of it.
         *
         * @param k the secret; it is copied
         * @throws IllegalArgumentException if {@code k} is empty
         */
        public Oct {
            k = Objects.requireNonNull(k, "k").clone();
            if (k.length == 0) {
                throw new IllegalArgumentException("oct key 'k' is empty");
            }
        }

        /**
         * {@return a copy of the secret}
         */
        @Override
        public byte[] k() {
            return k.clone();
        }

        @Override
        public String keyType() {
            return "oct";
        }

        @Override
        public String curve() {
            return null;
        }

        @Override
        public int sizeBits() {
            return k.length * 8;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Oct) || ((Oct) o).k.length != k.length) {
                return false;
            }
            // No early exit: how long a comparison takes must not tell how much of a secret matched.
            byte[] other = ((Oct) o).k;
            int difference = 0;
            for (int i = 0; i < k.length; i++) {
                difference |= k[i] ^ other[i];
            }
            return difference == 0;
        }

        @Override
        public int hashCode() {
            // The length alone: a hash of the secret's bytes would be a short digest of it.
            return k.length;
        }

        @Override
        public String toString() {
            return "Oct[" + k.length * 8 + " bits]";
        }
    }

    /**
     * An algorithm key pair's public key (RFC 9964): ML-DSA, whose key is bound to one parameter
     * set. Whether anyone could forge with the key (FIPS 204's t1 all zero) is judged by Sigil's
     * verifiers, not here.
     *
     * @param algorithm {@code "ML-DSA-44"}, {@code "ML-DSA-65"} or {@code "ML-DSA-87"}: the JWK's
     *     required {@code alg}
     * @param publicKey the encoded public key ({@code pub}), 1312, 1952 or 2592 bytes (FIPS 204)
     */
    record Akp(String algorithm, byte[] publicKey) implements KeyParameters {

        private static final Map<String, Integer> PUBLIC_KEY_BYTES = Map.of("ML-DSA-44", 1312, "ML-DSA-65", 1952,
                "ML-DSA-87", 2592);

        /**
         * Checks the parameter set and the key's length, and keeps a copy of the key.
         *
         * @param algorithm the ML-DSA parameter set's JOSE name
         * @param publicKey the encoded public key
         * @throws IllegalArgumentException if the algorithm is not one of the three, or the key is not its length
         */
        public Akp {
            int length = publicKeyBytes(Objects.requireNonNull(algorithm, "algorithm"));
            if (length < 0) {
                throw new IllegalArgumentException("unsupported algorithm for key type AKP");
            }
            publicKey = exactLength(publicKey, "pub", length, algorithm);
        }

        /**
         * {@return the public key length of ML-DSA parameter set {@code alg} ({@code "ML-DSA-44"} and so on)
         * in bytes, or -1 for an algorithm no AKP key may have}
         *
         * @param alg an ML-DSA parameter set's name
         */
        public static int publicKeyBytes(String alg) {
            return PUBLIC_KEY_BYTES.getOrDefault(alg, -1);
        }

        /**
         * {@return a copy of the encoded public key}
         */
        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }

        @Override
        public String keyType() {
            return "AKP";
        }

        @Override
        public String curve() {
            return null;
        }

        @Override
        public int sizeBits() {
            return publicKey.length * 8;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Akp && algorithm.equals(((Akp) o).algorithm)
                    && Arrays.equals(publicKey, ((Akp) o).publicKey);
        }

        @Override
        public int hashCode() {
            return 31 * algorithm.hashCode() + Arrays.hashCode(publicKey);
        }

        @Override
        public String toString() {
            return "Akp[" + algorithm + "]";
        }
    }

    /** A copy of {@code value}, which must be {@code length} bytes long. */
    private static byte[] exactLength(byte[] value, String member, int length, String where) {
        byte[] copy = Objects.requireNonNull(value, member).clone();
        if (copy.length != length) {
            throw new IllegalArgumentException("'" + member + "' must be " + length + " bytes for " + where + ", got "
                    + copy.length);
        }
        return copy;
    }
}
