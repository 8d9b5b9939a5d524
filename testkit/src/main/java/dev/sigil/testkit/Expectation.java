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
    ACCEPT_OR_KEY_REFUSED,
    /**
     * A valid signature that a correct verifier may still refuse, because accepting it would take
     * arithmetic outside the provider: used only for ECDSA signatures whose point R has an
     * x-coordinate of at least n (see {@code wycheproof/PROVENANCE.md}). Refusing a valid signature
     * is fail-safe; what is never allowed is an exception.
     */
    ACCEPT_OR_REJECT,
    /** The key refused at import, by policy, whatever the signature: a key that lets anyone forge. */
    KEY_REFUSED,
    /** Not a test of JOSE at all (an ML-DSA signature with a non-empty context): skipped, and counted. */
    NOT_APPLICABLE;

    boolean admits(Outcome outcome) {
        switch (this) {
            case ACCEPT:
                return outcome.kind() == Outcome.Kind.ACCEPTED;
            case REJECT:
                return outcome.kind() != Outcome.Kind.ACCEPTED;
            case ACCEPT_OR_REJECT:
                return true;
            case KEY_REFUSED:
                return outcome.kind() == Outcome.Kind.KEY_REFUSED;
            case NOT_APPLICABLE:
                throw new IllegalStateException("a vector that does not apply is skipped, never judged");
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
            case ACCEPT_OR_REJECT:
                return "accepted or rejected";
            case KEY_REFUSED:
                return "its key refused at import";
            case NOT_APPLICABLE:
                return "not applicable";
            default:
                return "accepted, or its key refused at import";
        }
    }
}
