package dev.sigil.jwt;

import dev.sigil.internal.keys.ImportedKey;
import dev.sigil.internal.keys.KeyIndex;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.UntrustedText;

/**
 * Which of the configured keys a token's signature may be checked with, and how the search is
 * refused. A token that names a {@code kid} gets the keys with that kid only; one without gets
 * every key that fits its {@code alg}. Keys are only ever found in the verifier's own index: header
 * {@code jwk}, {@code jku}, {@code x5u} and {@code x5c} are never used, so the token does not get
 * to choose who vouches for it. At most {@code maxCandidateKeys} are tried, so a kid-less forgery
 * buys a bounded amount of signature work.
 *
 * <p>Hands out the index's own arrays rather than a filtered copy, and the refusals are built only
 * when a token is refused: choosing keys for a good token allocates nothing. Immutable and
 * thread-safe.
 */
final class KeySelection {

    private final int maxCandidateKeys;

    KeySelection(int maxCandidateKeys) {
        this.maxCandidateKeys = maxCandidateKeys;
    }

    /**
     * The keys to consider, in the set's order: by {@code kid} when the token has one, whatever
     * their algorithm (each is still asked {@link ImportedKey#fits}), else every key that fits
     * {@code alg}. Empty when there is none; see {@link #notFound}.
     */
    ImportedKey[] candidates(KeyIndex keys, JwsAlgorithm alg, String kid) {
        return kid == null ? keys.fitting(alg) : keys.withKeyId(kid);
    }

    /** Whether a token whose signature was checked with {@code tried} keys may have one more tried. */
    boolean mayTry(int tried) {
        return tried < maxCandidateKeys;
    }

    /** No candidate at all: a kid the set lacks, or no key for the algorithm. */
    JwtVerificationException notFound(JwsAlgorithm alg, String kid) {
        return new JwtVerificationException(Reason.KEY_NOT_FOUND, kid == null
                ? "token has no kid and no key fits alg " + alg
                : "no key with kid " + UntrustedText.quoted(kid));
    }

    /** Candidates with the token's kid, none of which fits its alg; {@code first} is the first of them. */
    JwtVerificationException noneFits(ImportedKey first, JwsAlgorithm alg, String kid) {
        return new JwtVerificationException(Reason.ALGORITHM_NOT_ALLOWED, first.algorithm() != null
                ? "expected alg " + first.algorithm() + " for key " + UntrustedText.quoted(kid) + ", got " + alg
                : "alg " + alg + " does not fit key " + UntrustedText.quoted(kid) + " ("
                        + UntrustedText.printable(first.key().keyType()) + ")");
    }

    /** The limit was reached with more fitting candidates left untried. */
    JwtVerificationException limitReached(int tried, String kid) {
        return new JwtVerificationException(Reason.INVALID_SIGNATURE, "signature does not verify with the first "
                + tried + " candidate keys, the limit per token" + (kid == null ? "; send a kid" : ""));
    }

    /** Every fitting candidate was tried, and none verified the signature. */
    JwtVerificationException noneVerifies(JwsAlgorithm alg, String kid) {
        return new JwtVerificationException(Reason.INVALID_SIGNATURE, kid == null
                ? "signature does not verify with any key that fits alg " + alg
                : "signature does not verify with key " + UntrustedText.quoted(kid));
    }
}
