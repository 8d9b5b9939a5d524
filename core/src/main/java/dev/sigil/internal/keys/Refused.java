package dev.sigil.internal.keys;

/** A key left out of a set; the message is the reason, printable and free of key material. */
final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String reason) {
        // No stack trace: a refusal is an expected outcome, one per bad key, not a bug to locate.
        super(reason, null, false, false);
    }
}
