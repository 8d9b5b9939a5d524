package dev.sigil.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RsaModulusCheckTest {

    private static final Random RANDOM = new Random(13);

    /** An odd number of exactly {@code bits} bits with no prime factor below 1000: what a primality test must work on. */
    private static BigInteger hostile(int bits) {
        BigInteger smallPrimes = BigInteger.ONE;
        for (int i = 3; i < 1000; i += 2) {
            if (BigInteger.valueOf(i).isProbablePrime(20)) {
                smallPrimes = smallPrimes.multiply(BigInteger.valueOf(i));
            }
        }
        BigInteger n;
        do {
            n = new BigInteger(bits, RANDOM).setBit(bits - 1).setBit(0);
        } while (!n.gcd(smallPrimes).equals(BigInteger.ONE));
        return n;
    }

    @Test
    void acceptsAModulusMadeOfTwoDistantPrimes() {
        BigInteger n = BigInteger.probablePrime(1024, RANDOM).multiply(BigInteger.probablePrime(1024, RANDOM));
        assertNull(new RsaModulusCheck(new KeyLimits(2048, 8192)).refusal(n));
    }

    @Test
    void aSetPaysForTwoPrimalityTestsAtTheLimitAndNoMore() {
        // 2 x 8192^3 = 128 tests of 2048 bits: the third 8192-bit modulus is dropped untested.
        RsaModulusCheck check = new RsaModulusCheck(new KeyLimits(2048, 8192));
        assertNull(check.refusal(hostile(8192)));
        assertNull(check.refusal(hostile(8192)));
        assertEquals("rsa modulus of 8192 bits is past this key set's budget for primality tests",
                check.refusal(hostile(8192)));
        // The budget is spent, not the cheap checks: a small factor is still named as such.
        assertEquals("rsa modulus has a small prime factor", check.refusal(hostile(2048).multiply(BigInteger.valueOf(7))));
        // Fermat's method takes square roots, which cost too: it is paid from the same budget.
        BigInteger p = BigInteger.probablePrime(1024, RANDOM);
        assertEquals("rsa modulus of 2048 bits is past this key set's budget for primality tests", check.refusal(p.multiply(p)));
    }

    @Test
    void refusesSquaresAndPrimesTooCloseTogether() {
        BigInteger p = BigInteger.probablePrime(1024, RANDOM);
        String fermat = "rsa modulus factors at once by fermat's method, which lets anyone forge signatures";
        assertEquals(fermat, new RsaModulusCheck(new KeyLimits(2048, 8192)).refusal(p.multiply(p)));
        assertEquals(fermat, new RsaModulusCheck(new KeyLimits(2048, 8192)).refusal(p.multiply(p.nextProbablePrime())));
        assertEquals("rsa modulus is prime, which lets anyone forge signatures",
                new RsaModulusCheck(new KeyLimits(2048, 8192)).refusal(BigInteger.probablePrime(2048, RANDOM)));
    }

    @Test
    void theBudgetAlwaysCoversTwoModuliAtTheConfiguredLimit() {
        assertEquals(2L * 16384 * 16384 * 16384, new KeyLimits(2048, 16384).primalityBudget());
        assertEquals(128L * 2048 * 2048 * 2048, new KeyLimits(2048, 2048).primalityBudget());
    }
}
