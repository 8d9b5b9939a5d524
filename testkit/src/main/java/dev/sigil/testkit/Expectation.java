package dev.sigil.testkit;

/** What the kit requires of a backend for one vector, decided by the kit's written policy. */
enum Expectation {
    /** The key imports and the signature verifies. */
    ACCEPT,
    /** The signature does not verify, or the key is refused at import (which also keeps the token out). */
    REJECT,
    /**
     * Either the key is refused at import under the backend's key policy, or it imports and the
     * signature verifies; never a key that imports and then fails a correct signature. Used only
     * where a stricter key policy is legitimate (RSA e = 3: FIPS 186-5 requires e > 2^16).
     */
    ACCEPT_OR_KEY_REFUSED;

    boolean admits(Outcome outcome) {
        switch (this) {
            case ACCEPT:
                return outcome.kind() == Outcome.Kind.ACCEPTED;
            case REJECT:
                return outcome.kind() != Outcome.Kind.ACCEPTED;
            default:
                return outcome.kind() != Outcome.Kind.REJECTED;
        }
    }

    /** For messages: what was expected, in words. */
    String describe() {
        switch (this) {
            case ACCEPT:
                return "accepted";
            case REJECT:
                return "rejected (or its key refused)";
            default:
                return "accepted, or its key refused at import";
        }
    }
}
