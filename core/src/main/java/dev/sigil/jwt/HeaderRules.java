package dev.sigil.jwt;

import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.UntrustedText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a token's protected header must say before any key is looked at: an {@code alg} that is
 * known, supported by the backend and allowed (never {@code none}); no {@code crit}, since Sigil
 * understands no extension; no {@code b64} other than true; a {@code kid} and {@code typ} that are
 * strings when present, and the {@code typ} this verifier expects.
 *
 * <p>Decides on the header's members alone, so whether a header passes depends only on its text
 * and this configuration: that is what lets {@link JwtVerifier} reuse the last accepted header.
 * Holds the backend's algorithms and name rather than the backend, so that it needs no crypto.
 * Immutable and thread-safe.
 */
final class HeaderRules {

    // The most members of a crit list that a message shows.
    private static final int MAX_LISTED = 8;

    private final Set<JwsAlgorithm> allowed;
    private final CryptoBackend backend;
    // Normalized; null for the default: typ absent or JWT. A list that holds "jwt" admits an absent typ too.
    private final List<String> types;

    /**
     * @param allowed the algorithms the verifier accepts, as far as its backend supports them
     * @param backend the crypto backend, asked whether it supports a token's alg
     * @param types the accepted {@code typ} values as configured, or {@code null} for absent or JWT
     */
    HeaderRules(Set<JwsAlgorithm> allowed, CryptoBackend backend, List<String> types) {
        this.allowed = allowed;
        this.backend = backend;
        if (types == null) {
            this.types = null;
        } else {
            List<String> normalized = new ArrayList<>();
            for (String type : types) {
                normalized.add(normalizeType(type));
            }
            this.types = List.copyOf(normalized);
        }
    }

    /** The algorithms allowed that the backend supports, unmodifiable; may make the backend probe for them. */
    Set<JwsAlgorithm> accepted() {
        Set<JwsAlgorithm> accepted = EnumSet.noneOf(JwsAlgorithm.class);
        for (JwsAlgorithm alg : allowed) {
            if (backend.supports(alg)) {
                accepted.add(alg);
            }
        }
        return Collections.unmodifiableSet(accepted);
    }

    /** The header, if its members pass every rule, in the order of the class comment. */
    JoseHeader check(Map<String, Object> members) throws JwtVerificationException {
        Object algValue = members.get("alg");
        if (!(algValue instanceof String)) {
            throw new JwtVerificationException(Reason.MALFORMED,
                    algValue == null ? "token header has no 'alg'" : "token header 'alg' must be a string");
        }
        String algName = (String) algValue;
        if ("none".equalsIgnoreCase(algName)) {
            throw new JwtVerificationException(Reason.ALGORITHM_NOT_ALLOWED, "alg 'none' (an unsecured JWS) is never accepted");
        }
        JwsAlgorithm alg = JwsAlgorithm.find(algName).orElse(null);
        // Asked per header, and an accepted header's text is reused without asking again; a backend
        // that probes lazily may probe a family here once, for the first token that names it.
        if (alg == null || !backend.supports(alg)) {
            throw new JwtVerificationException(Reason.UNSUPPORTED_ALGORITHM, "alg " + UntrustedText.quoted(algName)
                    + " is not supported" + (alg == null ? "" : " by crypto backend '" + backend.name() + "'"));
        }
        if (!allowed.contains(alg)) {
            throw new JwtVerificationException(Reason.ALGORITHM_NOT_ALLOWED, "alg " + alg + " is not allowed; allowed: " + allowed)
                    .algorithm(alg);
        }
        if (members.containsKey("crit")) {
            Object crit = members.get("crit");
            if (!(crit instanceof List) || ((List<?>) crit).isEmpty()) {
                throw new JwtVerificationException(Reason.MALFORMED, "token header 'crit' must be a non-empty array");
            }
            throw new JwtVerificationException(Reason.UNSUPPORTED_CRITICAL_HEADER,
                    "token header lists critical parameters that are not supported: " + printableList((List<?>) crit));
        }
        Object b64 = members.get("b64");
        if (b64 != null && !Boolean.TRUE.equals(b64)) {
            throw new JwtVerificationException(Reason.UNSUPPORTED_CRITICAL_HEADER,
                    "token header 'b64' other than true (RFC 7797 unencoded payload) is not supported");
        }
        String kid = optionalString(members, "kid");
        String typ = optionalString(members, "typ");
        checkType(typ);
        return new JoseHeader(members, alg, kid, typ);
    }

    /**
     * A header member that, when present, must be a string. JSON {@code null} is not absence: a
     * {@code "kid": null} read as "no kid" would turn a lookup by kid into a search of every key
     * that fits, so it is as malformed as any other non-string.
     */
    private static String optionalString(Map<String, Object> members, String name) throws JwtVerificationException {
        Object value = members.get(name);
        if (value instanceof String) {
            return (String) value;
        }
        if (value == null && !members.containsKey(name)) {
            return null;
        }
        throw new JwtVerificationException(Reason.MALFORMED, "token header '" + name + "' must be a string"
                + (value == null ? ", not null" : ""));
    }

    private void checkType(String typ) throws JwtVerificationException {
        if (types == null) {
            if (typ != null && !"jwt".equals(normalizeType(typ))) {
                throw new JwtVerificationException(Reason.TYPE_MISMATCH, "typ " + UntrustedText.quoted(typ)
                        + " is not JWT; configure type(..) to accept another token type");
            }
        } else if (typ == null) {
            if (!types.contains("jwt")) {
                throw new JwtVerificationException(Reason.TYPE_MISMATCH, "token has no typ, expected " + expected());
            }
        } else if (!types.contains(normalizeType(typ))) {
            throw new JwtVerificationException(Reason.TYPE_MISMATCH,
                    "typ " + UntrustedText.quoted(typ) + " is not the expected " + expected());
        }
    }

    /** The accepted types, as messages name them: one quoted, or several listed. */
    private String expected() {
        return types.size() == 1 ? "'" + types.get(0) + "'" : "one of " + types;
    }

    /** RFC 7515 section 4.1.9: media types compare case-insensitively, "application/" may be left out. */
    static String normalizeType(String typ) {
        String lower = typ.toLowerCase(Locale.ROOT);
        if (lower.startsWith("application/") && lower.indexOf('/', "application/".length()) < 0) {
            return lower.substring("application/".length());
        }
        return lower;
    }

    /**
     * The values of a {@code crit} list, each made printable by {@link UntrustedText}; at most
     * {@value #MAX_LISTED} of them, so that a long list costs a bounded message.
     */
    private static String printableList(List<?> values) {
        return values.stream().limit(MAX_LISTED)
                .map(v -> v instanceof String ? UntrustedText.quoted((String) v) : "(not a string)")
                .collect(Collectors.joining(", ", "[", values.size() > MAX_LISTED ? ", ...]" : "]"));
    }
}
