package dev.sigil.benchmarks;

/**
 * Guards every benchmark's setup: a row that measured a rejected token (an exception caught by the
 * library, a {@code false} from a floor) would report a fast failure as a fast verification.
 */
final class Check {

    private Check() {
    }

    static void accepted(boolean accepted, String what) {
        if (!accepted) {
            throw new IllegalStateException(what + " did not accept its own token; the row would measure a failure");
        }
    }

    static void subject(String subject, String what) {
        accepted(TokenFixture.SUBJECT.equals(subject), what + " (sub " + subject + ")");
    }
}
