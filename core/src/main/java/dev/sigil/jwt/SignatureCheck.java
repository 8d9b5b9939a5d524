package dev.sigil.jwt;

import dev.sigil.internal.keys.ImportedKey;
import dev.sigil.internal.keys.KeyIndex;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.TokenBuffers;

/**
 * Checks a token's signature over its own bytes with the keys {@link KeySelection} offers, in
 * order, until one verifies it.
 *
 * <p>The key that verified is returned, so that a verified-token cache can tie its entry to that
 * key's material; {@link JwtVerifier} decides by a refusal's reason whether a newer key set is worth
 * asking for and may call this again with it. Immutable and thread-safe.
 */
final class SignatureCheck {

    private final CryptoBackend backend;
    private final KeySelection selection;

    SignatureCheck(CryptoBackend backend, KeySelection selection) {
        this.backend = backend;
        this.selection = selection;
    }

    /**
     * The key of {@code keys} that verifies the token's signature with the header's alg. The token's
     * second dot is at {@code dot2}; {@code signed} and {@code signature} are the signing input and
     * the decoded signature when the verifier made them (for an ML-DSA-long signature), else
     * {@code null}, and the backend reads both from the token.
     *
     * @throws JwtVerificationException if none does: {@code KEY_NOT_FOUND}, {@code ALGORITHM_NOT_ALLOWED}
     *     (the token's kid names keys of another type or alg) or {@code INVALID_SIGNATURE}
     */
    ImportedKey verify(KeyIndex keys, JoseHeader header, String token, int dot2, byte[] signed, byte[] signature)
            throws JwtVerificationException {
        JwsAlgorithm alg = header.algorithm();
        String kid = header.keyIdOrNull();
        ImportedKey[] candidates = selection.candidates(keys, alg, kid);
        if (candidates.length == 0) {
            throw selection.notFound(alg, kid);
        }
        int fixed = alg.mlDsaSignatureLength();
        int tried = 0;
        for (ImportedKey candidate : candidates) {
            if (!candidate.fits(alg)) {
                continue;
            }
            int length = fixed == 0 ? 0
                    : signature != null ? signature.length : TokenBuffers.signatureLength(token, dot2);
            if (length != fixed) {
                // Checked in core, once a key fits, so that no backend is handed a signature no key
                // could verify; a key of another alg is the more useful refusal, so it comes first.
                throw new JwtVerificationException(Reason.INVALID_SIGNATURE, "signature of " + length
                        + " bytes is not the " + fixed + " bytes of " + alg);
            }
            if (!selection.mayTry(tried)) {
                throw selection.limitReached(tried, kid);
            }
            tried++;
            boolean valid = signed == null ? backend.verify(alg, candidate.key(), token, dot2)
                    : backend.verify(alg, candidate.key(), signed, 0, dot2, signature);
            if (valid) {
                return candidate;
            }
        }
        // The first fitting candidate is always tried (the limit is at least 1): none tried, none fits.
        throw tried == 0 ? selection.noneFits(candidates[0], alg, kid) : selection.noneVerifies(alg, kid);
    }
}
