package dev.sigil.internal.keys;

/**
 * How large key parameters may be, checked on their lengths before any arithmetic: an issuer you do
 * not control must not be able to choose how much work loading its key set costs, nor slip in a key
 * too small to resist factoring. One value per verifier, made from its builder's settings; the
 * backends apply no size policy of their own.
 *
 * @param minRsaBits the smallest RSA modulus kept, in bits ({@code JwtVerifier.Builder.minRsaKeySize},
 *     2048 by default)
 * @param maxRsaBits the largest RSA modulus kept, in bits ({@code JwtVerifier.Builder.maxRsaKeySize},
 *     8192 by default)
 */
public record KeyLimits(int minRsaBits, int maxRsaBits) {

    /**
     * FIPS 186-5 bounds e below 2^256; in practice e is 65537. Verification time grows with the
     * exponent's length, so it is bounded at all.
     */
    static final int MAX_RSA_EXPONENT_BITS = 256;

    /** RFC 7518 section 3.2: an HMAC secret at least as long as the hash; HS256's is the shortest. */
    static final int MIN_OCT_BYTES = 32;

    /** Far beyond any real secret (HS512 needs 64 bytes), small enough that nobody pays for a huge one. */
    static final int MAX_OCT_BYTES = 1024;

    /**
     * The primality tests one key set may cost, in units of one test on a 2048-bit modulus. A test
     * costs about the cube of the modulus length, so an 8192-bit modulus counts 64; RSA keys past the
     * budget are dropped rather than tested. At least 128 units (about a second of one core), and
     * always enough for two moduli at {@link #maxRsaBits}.
     */
    static final long PRIMALITY_UNITS = 128;

    /**
     * @throws IllegalArgumentException if a bound is not positive or the minimum is above the maximum
     */
    public KeyLimits {
        if (minRsaBits <= 0 || maxRsaBits < minRsaBits) {
            throw new IllegalArgumentException("rsa key size limits must satisfy 0 < minimum <= maximum, got "
                    + minRsaBits + " and " + maxRsaBits);
        }
    }

    /** This set's budget for primality tests, in cubed bits (see {@link #PRIMALITY_UNITS}). */
    long primalityBudget() {
        long unit = 2048L * 2048L * 2048L;
        long max = maxRsaBits;
        return Math.max(PRIMALITY_UNITS * unit, 2 * max * max * max);
    }
}
