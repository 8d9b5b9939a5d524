package dev.sigil.jwt;

import dev.sigil.jwk.JwksStats;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of a {@link MultiIssuerVerifier}'s counters. Everything here is labelled with the
 * issuers and templates as configured, never with a value read from a token, so that it can feed
 * metrics without letting tokens choose their names.
 *
 * @param liveIssuers per-issuer verifiers live now
 * @param issuersCreated per-issuer verifiers made since the verifier was built
 * @param issuersEvicted per-issuer verifiers of template issuers closed to stay within
 *     {@link MultiIssuerVerifier.Builder#maxIssuers(int)}
 * @param newIssuersRefused tokens refused as {@code KEYS_UNAVAILABLE} because new template issuers
 *     came faster than {@link MultiIssuerVerifier.Builder#newIssuerRate} allows
 * @param untrustedIssuers tokens refused as {@code ISSUER_MISMATCH} because no configured issuer or
 *     template matched their {@code iss}, without any network request
 * @param keySets per configured issuer or template, the key-set counters of the caches its live
 *     verifiers use, each shared cache counted once per label; unmodifiable
 */
public record MultiIssuerStats(int liveIssuers, long issuersCreated, long issuersEvicted, long newIssuersRefused,
        long untrustedIssuers, Map<String, JwksStats> keySets) {

    /**
     * Copies {@code keySets}, in its order.
     *
     * @param liveIssuers per-issuer verifiers live now
     * @param issuersCreated per-issuer verifiers made since the verifier was built
     * @param issuersEvicted per-issuer verifiers of template issuers closed to stay within the bound
     * @param newIssuersRefused tokens refused because new template issuers came too fast
     * @param untrustedIssuers tokens refused because no configured issuer or template matched
     * @param keySets per configured issuer or template, its key-set counters
     */
    public MultiIssuerStats {
        keySets = Collections.unmodifiableMap(new LinkedHashMap<>(keySets));
    }
}
