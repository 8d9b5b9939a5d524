package dev.sigil.jwt;

import dev.sigil.internal.json.AsciiText;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.UntrustedText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The claims of a verified token (RFC 7519 section 4), with typed getters for the registered ones.
 * The registered claims' types are checked once, when the token is verified: a string where a
 * NumericDate belongs, or an {@code aud} array holding a number, refuses the token as
 * {@link Reason#INVALID_CLAIM}.
 *
 * <p>Immutable and thread-safe.
 */
public final class JwtClaims {

    // Instant's own range; a NumericDate beyond it could not be compared with the clock.
    private static final BigDecimal MIN_SECONDS = BigDecimal.valueOf(Instant.MIN.getEpochSecond());
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Instant.MAX.getEpochSecond());

    private final Map<String, Object> members;
    // aud as held: null, a string (String or the built-in reader's unmade text; audience() makes it a
    // String) or a random-access list of strings. The string claims are type-checked here but made
    // Strings only when asked for: the claim checks compare iss and aud in place (AsciiText).
    private final Object audience;
    // Each NumericDate as parsed when it is a whole number of seconds (a Long, range-checked), else
    // as an Instant; null when absent. Checking the usual whole-second dates then creates nothing.
    private final Object expiresAt;
    private final Object notBefore;
    private final Object issuedAt;

    private JwtClaims(Map<String, Object> members) throws JwtVerificationException {
        this.members = members;
        requireString("iss");
        requireString("sub");
        this.audience = audience(AsciiText.peek(members, "aud"));
        this.expiresAt = numericDate("exp");
        this.notBefore = numericDate("nbf");
        this.issuedAt = numericDate("iat");
        requireString("jti");
    }

    /** The claims of a parsed payload, with the registered claims' types checked. */
    static JwtClaims of(Map<String, Object> members) throws JwtVerificationException {
        return new JwtClaims(members);
    }

    /** {@code iss}. */
    public Optional<String> issuer() {
        return Optional.ofNullable(issuerOrNull());
    }

    /** {@code iss} or null, for checking without an {@link Optional}. */
    String issuerOrNull() {
        return (String) members.get("iss");
    }

    /** Whether {@code iss} is present and is exactly {@code expected}; compared where it lies. */
    boolean issuerIs(String expected) {
        return AsciiText.textEquals(AsciiText.peek(members, "iss"), expected);
    }

    /** {@code sub}. */
    public Optional<String> subject() {
        return Optional.ofNullable((String) members.get("sub"));
    }

    /** {@code aud}, as a list whether the token holds one string or an array; empty when absent. */
    public List<String> audience() {
        if (audience == null) {
            return List.of();
        }
        if (audience instanceof List) {
            @SuppressWarnings("unchecked")
            List<String> strings = (List<String>) audience;
            return strings;
        }
        return List.of((String) members.get("aud"));
    }

    /** Whether {@code aud} names one of {@code accepted}; compared where each lies. */
    boolean audienceIsOneOf(String[] accepted) {
        if (audience instanceof List<?> list) {
            // By index: an iterator over the codec's unmodifiable list would be two objects per token.
            for (int i = 0, n = list.size(); i < n; i++) {
                if (isOneOf(AsciiText.peek(list, i), accepted)) {
                    return true;
                }
            }
            return false;
        }
        return audience != null && isOneOf(audience, accepted);
    }

    private static boolean isOneOf(Object raw, String[] accepted) {
        for (String candidate : accepted) {
            if (AsciiText.textEquals(raw, candidate)) {
                return true;
            }
        }
        return false;
    }

    /** {@code exp}. */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(instant(expiresAt));
    }

    /** {@code nbf}. */
    public Optional<Instant> notBefore() {
        return Optional.ofNullable(instant(notBefore));
    }

    /** {@code iat}. */
    public Optional<Instant> issuedAt() {
        return Optional.ofNullable(instant(issuedAt));
    }

    /** {@code exp} as kept for checking: a {@link Long} of seconds, an {@link Instant}, or null. */
    Object expiresAtDate() {
        return expiresAt;
    }

    /** {@code nbf}, as {@link #expiresAtDate()}. */
    Object notBeforeDate() {
        return notBefore;
    }

    /** {@code iat}, as {@link #expiresAtDate()}. */
    Object issuedAtDate() {
        return issuedAt;
    }

    /** A date as kept here, as an {@link Instant}; null for null. */
    static Instant instant(Object date) {
        return date instanceof Long seconds ? Instant.ofEpochSecond(seconds) : (Instant) date;
    }

    /** Whether the date {@code seconds + nanos} is before {@code date} (one kept here, non-null). */
    static boolean isBefore(long seconds, int nanos, Object date) {
        if (date instanceof Long other) {
            return seconds < other;
        }
        Instant other = (Instant) date;
        return seconds < other.getEpochSecond() || seconds == other.getEpochSecond() && nanos < other.getNano();
    }

    /** {@code jti}. */
    public Optional<String> jwtId() {
        return Optional.ofNullable((String) members.get("jti"));
    }

    /**
     * Any claim, as parsed: {@link String}, {@link Long}, {@link BigInteger}, {@link BigDecimal},
     * {@link Boolean}, an unmodifiable {@link List} or {@link Map}; empty when absent or JSON null.
     */
    public Optional<Object> get(String name) {
        return Optional.ofNullable(members.get(name));
    }

    /** A claim that must be a string when present, such as {@code scope} or {@code azp}. */
    public Optional<String> getString(String name) {
        return members.get(name) instanceof String value ? Optional.of(value) : Optional.empty();
    }

    /** Whether the claim is present with a value other than JSON null. */
    public boolean has(String name) {
        return AsciiText.peek(members, name) != null;
    }

    /** All claims, unmodifiable, in their original order. */
    public Map<String, Object> asMap() {
        return members;
    }

    private void requireString(String name) throws JwtVerificationException {
        Object value = AsciiText.peek(members, name);
        if (value != null && !AsciiText.isString(value)) {
            throw invalid("claim '" + name + "' must be a string");
        }
    }

    /** {@code aud} as held, checked: null, a string, or a random-access list of strings. */
    private static Object audience(Object value) throws JwtVerificationException {
        if (value == null || AsciiText.isString(value)) {
            return value;
        }
        if (value instanceof List<?> parsed) {
            // Indexed below, and by the verifier: a list that is not random-access is copied into one.
            List<?> list = parsed instanceof RandomAccess ? parsed : Collections.unmodifiableList(new ArrayList<>(parsed));
            // By index: an iterator over an unmodifiable list would be two objects per token.
            for (int i = 0, n = list.size(); i < n; i++) {
                if (!AsciiText.isString(AsciiText.peek(list, i))) {
                    throw invalid("claim 'aud' must be a string or an array of strings");
                }
            }
            // Codecs return unmodifiable lists (the JsonCodec contract), so this one can be kept as it is.
            return list;
        }
        throw invalid("claim 'aud' must be a string or an array of strings");
    }

    private Object numericDate(String name) throws JwtVerificationException {
        Object value = members.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Long seconds) {
            if (seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()) {
                throw invalid("claim '" + name + "' is out of range");
            }
            return value;
        }
        if (value instanceof BigDecimal decimal) {
            // Compare before converting: 1e999999999 must not be expanded into a huge integer.
            if (decimal.compareTo(MIN_SECONDS) < 0 || decimal.compareTo(MAX_SECONDS) > 0) {
                throw invalid("claim '" + name + "' is out of range");
            }
            if (decimal.signum() == 0) {
                return Instant.EPOCH;
            }
            // Rescaling costs time in proportion to the scale; 1e-999999999 must not be rescaled.
            if (decimal.scale() > 64) {
                throw invalid("claim '" + name + "' has more than 64 fractional digits");
            }
            BigDecimal floor = decimal.setScale(0, RoundingMode.FLOOR);
            long seconds = floor.longValueExact();
            long nanos = decimal.subtract(floor).movePointRight(9).setScale(0, RoundingMode.FLOOR).longValue();
            return Instant.ofEpochSecond(seconds, nanos);
        }
        if (value instanceof BigInteger) {
            throw invalid("claim '" + name + "' is out of range");
        }
        throw invalid("claim '" + name + "' must be a NumericDate (a json number of seconds)");
    }

    private static JwtVerificationException invalid(String message) {
        return new JwtVerificationException(Reason.INVALID_CLAIM, message);
    }

    @Override
    public String toString() {
        // Claim values are personal data; show only which claims are present. Their names come from
        // the token, so each is made printable: a logged toString() must not forge a log line.
        StringBuilder sb = new StringBuilder("JwtClaims[");
        for (String name : members.keySet()) {
            if (sb.length() > "JwtClaims[".length()) {
                sb.append(", ");
            }
            sb.append(UntrustedText.printable(name));
        }
        return sb.append(']').toString();
    }
}
