package dev.sigil.testkit;

/**
 * What a backend (or a verifier over it) made of one vector.
 *
 * @param kind the verdict
 * @param detail why, for failure messages: the import error, the verifier's reason, or empty
 */
record Outcome(Kind kind, String detail) {

    /** The three verdicts the kit tells apart. */
    enum Kind {
        /** The key was refused before any signature was looked at (import, or the verifier's key filter). */
        KEY_REFUSED,
        /** The key imported and the signature verified. */
        ACCEPTED,
        /** The key imported and the signature (or token) was refused. */
        REJECTED
    }

    static Outcome accepted() {
        return new Outcome(Kind.ACCEPTED, "");
    }

    static Outcome rejected(String detail) {
        return new Outcome(Kind.REJECTED, detail);
    }

    static Outcome keyRefused(String detail) {
        return new Outcome(Kind.KEY_REFUSED, detail);
    }

    /** Whether the token or signature got through: what two backends must agree on. */
    boolean isAccepted() {
        return kind == Kind.ACCEPTED;
    }

    @Override
    public String toString() {
        return detail.isEmpty() ? kind.toString() : kind + " (" + detail + ")";
    }
}
