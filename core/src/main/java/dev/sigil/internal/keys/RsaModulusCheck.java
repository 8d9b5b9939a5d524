package dev.sigil.internal.keys;

import java.math.BigInteger;

/**
 * Refuses RSA moduli that let anyone compute the private exponent: a modulus with a small prime
 * factor, one that Fermat's method factors at once (a square, or two primes too close together),
 * and a prime one (then d = e^-1 mod (n - 1)). Called only on moduli already within the size limit.
 *
 * <p>One instance per key set: it holds that set's budget for primality tests
 * ({@link KeyLimits#primalityBudget()}), so the work a set can cause is bounded whatever it holds.
 * Not thread-safe; not shared.
 */
final class RsaModulusCheck {

    /** The product of the odd primes below 1000. */
    private static final BigInteger SMALL_PRIMES = smallPrimes(1000);

    private long budget;

    RsaModulusCheck(KeyLimits limits) {
        this.budget = limits.primalityBudget();
    }

    /** Why the odd modulus {@code n} is refused, or {@code null}. */
    String refusal(BigInteger n) {
        if (!n.gcd(SMALL_PRIMES).equals(BigInteger.ONE)) {
            return "rsa modulus has a small prime factor";
        }
        // Both tests below cost work that grows with the modulus (the square roots a few percent of
        // the exponentiation), so both are paid from the budget, before either runs.
        long bits = n.bitLength();
        long cost = bits * bits * bits;
        if (cost > budget) {
            return "rsa modulus of " + bits + " bits is past this key set's budget for primality tests";
        }
        budget -= cost;
        if (fermatFactors(n)) {
            return "rsa modulus factors at once by fermat's method, which lets anyone forge signatures";
        }
        if (fermatProbablePrime(n)) {
            return "rsa modulus is prime, which lets anyone forge signatures";
        }
        return null;
    }

    /**
     * One step of Fermat's method: with a = ceil(sqrt(n)), n = (a - b)(a + b) when a^2 - n is a square
     * b^2. This holds for a square (b = 0) and whenever the two primes are closer than about
     * n^(1/4); real keys' primes are some 2^(bits/2 - 100) apart.
     */
    private static boolean fermatFactors(BigInteger n) {
        BigInteger a = n.sqrt();
        if (a.multiply(a).equals(n)) {
            return true;
        }
        a = a.add(BigInteger.ONE);
        BigInteger b2 = a.multiply(a).subtract(n);
        BigInteger b = b2.sqrt();
        return b.multiply(b).equals(b2);
    }

    /**
     * Fermat's test to base 2: one modular exponentiation, about the cost of one RSA signature. Every
     * prime passes it; a modulus made of two primes fails it unless it is a base-2 pseudoprime, which
     * no key generator makes. It is not a proof of primality, and need not be: it refuses every prime.
     */
    private static boolean fermatProbablePrime(BigInteger n) {
        return BigInteger.TWO.modPow(n.subtract(BigInteger.ONE), n).equals(BigInteger.ONE);
    }

    private static BigInteger smallPrimes(int below) {
        boolean[] composite = new boolean[below];
        BigInteger product = BigInteger.ONE;
        for (int i = 3; i < below; i += 2) {
            if (!composite[i]) {
                product = product.multiply(BigInteger.valueOf(i));
                for (int j = i * i; j < below; j += 2 * i) {
                    composite[j] = true;
                }
            }
        }
        return product;
    }
}
