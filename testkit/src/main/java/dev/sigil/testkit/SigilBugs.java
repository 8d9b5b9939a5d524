package dev.sigil.testkit;

/**
 * Tells a refusal from a bug hidden behind one. Sigil wraps unexpected {@link RuntimeException}s in
 * its typed exceptions as a last line of defence (a backend's key import, the JSON reader), which
 * keeps the public contract but would also hide a {@link NullPointerException} of Sigil's own from a
 * fuzzer. Third-party parsers (certificate factories, BouncyCastle's ASN.1) may throw anything on
 * garbage, so only exceptions of programming-error types thrown by Sigil's own code count.
 */
final class SigilBugs {

    private SigilBugs() {
    }

    /** Throws an {@link AssertionError} if {@code refusal}'s cause chain shows a Sigil bug. */
    static void assertNoneBehind(Throwable refusal) {
        for (Throwable t = refusal.getCause(); t != null; t = t.getCause()) {
            if (isProgrammingError(t) && thrownBySigil(t)) {
                throw new AssertionError("a " + refusal.getClass().getSimpleName() + " hides a bug in Sigil: " + t, t);
            }
        }
    }

    private static boolean isProgrammingError(Throwable t) {
        return t instanceof NullPointerException || t instanceof ClassCastException
                || t instanceof IndexOutOfBoundsException || t instanceof ArithmeticException
                || t instanceof NegativeArraySizeException || t instanceof ArrayStoreException;
    }

    private static boolean thrownBySigil(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        // The top frame says who threw (JDK helpers such as Objects.checkIndex are called by the culprit).
        for (StackTraceElement frame : frames) {
            String name = frame.getClassName();
            if (name.startsWith("dev.sigil.")) {
                return true;
            }
            if (!name.startsWith("java.") && !name.startsWith("jdk.internal.")) {
                return false;
            }
        }
        return false;
    }
}
