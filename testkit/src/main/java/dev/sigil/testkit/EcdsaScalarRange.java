package dev.sigil.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.spi.EcdsaScalars;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * The edge cases of an ECDSA {@code r} or {@code s} range check, {@code [1, n-1]} on fixed-length
 * big-endian bytes: for a backend's own white-box test of its check, which the contract kits can
 * only reach through {@code verify}. Each case names itself, so a failure says which edge.
 */
public final class EcdsaScalarRange {

    /**
     * {@code length} bytes read from {@code offset} of {@code bytes}, and whether that is in range.
     *
     * @param name what the case is, such as {@code "n - 1"}; also its {@code toString()}
     * @param bytes the bytes that hold the scalar
     * @param offset where the scalar starts in {@code bytes}
     * @param inRange whether the scalar lies in {@code [1, n-1]}
     */
    public record Case(String name, byte[] bytes, int offset, boolean inRange) {
        @Override
        public String toString() {
            return name;
        }
    }

    private EcdsaScalarRange() {
    }

    /**
     * {@return the cases for a curve of order {@code n} whose scalars take {@code length} bytes (32, 48, 66)}
     *
     * @param n the curve's group order
     * @param length the scalar length in bytes
     */
    public static List<Case> edgesOf(BigInteger n, int length) {
        byte[] oneInTheSecondHalf = new byte[2 * length];
        System.arraycopy(GeneratedKeys.fixed(BigInteger.ONE, length), 0, oneInTheSecondHalf, length, length);
        return List.of(
                new Case("zero", GeneratedKeys.fixed(BigInteger.ZERO, length), 0, false),
                new Case("one", GeneratedKeys.fixed(BigInteger.ONE, length), 0, true),
                new Case("n - 1", GeneratedKeys.fixed(n.subtract(BigInteger.ONE), length), 0, true),
                new Case("n", GeneratedKeys.fixed(n, length), 0, false),
                new Case("n + 1", GeneratedKeys.fixed(n.add(BigInteger.ONE), length), 0, false),
                new Case("all ones", GeneratedKeys.fixed(BigInteger.ONE.shiftLeft(8 * length).subtract(BigInteger.ONE), length), 0, false),
                new Case("zero before a one, read at 0", oneInTheSecondHalf, 0, false),
                new Case("zero before a one, read at the one", oneInTheSecondHalf, length, true));
    }

    /**
     * Asserts that core's check for {@code crv} ({@link EcdsaScalars}, which backends rely on) agrees
     * with the group order {@code n} a backend's provider reports, on every edge, as {@code r} and as
     * {@code s}; {@code length} is the curve's scalar length.
     *
     * @param crv the JWK curve name, such as {@code "P-256"}
     * @param n the group order the provider reports
     * @param length the curve's scalar length in bytes
     */
    public static void assertCoreCheckAgreesWith(String crv, BigInteger n, int length) {
        EcdsaScalars scalars = EcdsaScalars.of(crv);
        assertEquals(length, scalars.scalarBytes(), crv + " scalar length");
        byte[] one = GeneratedKeys.fixed(BigInteger.ONE, length);
        for (Case edge : edgesOf(n, length)) {
            byte[] scalar = Arrays.copyOfRange(edge.bytes(), edge.offset(), edge.offset() + length);
            assertEquals(edge.inRange(), scalars.inRange(concat(scalar, one)), crv + ": " + edge.name() + " as r");
            assertEquals(edge.inRange(), scalars.inRange(concat(one, scalar)), crv + ": " + edge.name() + " as s");
        }
    }

    private static byte[] concat(byte[] r, byte[] s) {
        byte[] signature = Arrays.copyOf(r, r.length + s.length);
        System.arraycopy(s, 0, signature, r.length, s.length);
        return signature;
    }
}
