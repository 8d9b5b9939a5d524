package dev.sigil.jwt;

import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.UntrustedText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a token's claims must say, checked last, once the signature is known good: {@code exp},
 * {@code nbf} and {@code iat} against the clock with the skew, {@code iss}, {@code aud}, the
 * required claims, then the custom validators in order. The first failure refuses the token.
 *
 * <p>Needs no crypto: it sees only parsed claims. Immutable and thread-safe, provided the clock and
 * the validators are.
 */
final class ClaimRules {

    private final String issuer;
    private final Set<String> audiences;
    private final Duration clockSkew;
    private final Clock clock;
    private final List<String> requiredClaims;
    private final boolean requireExpiration;
    private final List<ClaimsValidator> validators;

    /**
     * @param issuer the expected {@code iss}, or {@code null} to accept any
     * @param audiences the accepted audiences, or {@code null} to accept any
     */
    ClaimRules(String issuer, Collection<String> audiences, Duration clockSkew, Clock clock,
            Collection<String> requiredClaims, boolean requireExpiration, Collection<ClaimsValidator> validators) {
        this.issuer = issuer;
        this.audiences = audiences == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(audiences));
        this.clockSkew = clockSkew;
        this.clock = clock;
        this.requiredClaims = List.copyOf(requiredClaims);
        this.requireExpiration = requireExpiration;
        this.validators = List.copyOf(validators);
    }

    /** The expected {@code iss}, or {@code null}. */
    String issuer() {
        return issuer;
    }

    /** The accepted audiences, unmodifiable, or {@code null}. */
    Set<String> audiences() {
        return audiences;
    }

    /** Returns if the claims pass every rule; {@code header} is only handed to the validators. */
    void check(JoseHeader header, JwtClaims claims) throws JwtVerificationException {
        // Milliseconds are precision enough, and unlike clock.instant() they cost no object.
        long nowMillis = clock.millis();
        long nowSeconds = Math.floorDiv(nowMillis, 1000);
        int nowNanos = (int) Math.floorMod(nowMillis, 1000) * 1_000_000;
        long skew = clockSkew.getSeconds();
        Object exp = claims.expiresAtDate();
        if (exp == null) {
            if (requireExpiration) {
                throw new JwtVerificationException(Reason.MISSING_CLAIM, "token has no 'exp' claim");
            }
        } else if (!JwtClaims.isBefore(nowSeconds - skew, nowNanos, exp)) {
            // RFC 7519 section 4.1.4: the current time must be before exp.
            Instant expiry = JwtClaims.instant(exp);
            Instant now = Instant.ofEpochMilli(nowMillis);
            throw new JwtVerificationException(Reason.EXPIRED, "token expired " + secondsBetween(expiry, now)
                    + " s ago (exp " + expiry + ", skew " + skew + " s)");
        }
        Object nbf = claims.notBeforeDate();
        if (nbf != null && JwtClaims.isBefore(nowSeconds + skew, nowNanos, nbf)) {
            Instant notBefore = JwtClaims.instant(nbf);
            Instant now = Instant.ofEpochMilli(nowMillis);
            throw new JwtVerificationException(Reason.NOT_YET_VALID, "token is not valid for another "
                    + secondsBetween(now, notBefore) + " s (nbf " + notBefore + ", skew " + skew + " s)");
        }
        Object iat = claims.issuedAtDate();
        if (iat != null && JwtClaims.isBefore(nowSeconds + skew, nowNanos, iat)) {
            Instant issuedAt = JwtClaims.instant(iat);
            Instant now = Instant.ofEpochMilli(nowMillis);
            throw new JwtVerificationException(Reason.ISSUED_IN_FUTURE, "token was issued "
                    + secondsBetween(now, issuedAt) + " s in the future (iat " + issuedAt + ", skew " + skew + " s)");
        }
        if (issuer != null) {
            String iss = claims.issuerOrNull();
            if (iss == null) {
                throw new JwtVerificationException(Reason.MISSING_CLAIM, "token has no 'iss' claim");
            }
            if (!issuer.equals(iss)) {
                throw new JwtVerificationException(Reason.ISSUER_MISMATCH, "iss " + UntrustedText.quoted(iss)
                        + " is not the expected '" + issuer + "'");
            }
        }
        if (audiences != null) {
            List<String> aud = claims.audience();
            if (aud.isEmpty() && !claims.has("aud")) {
                throw new JwtVerificationException(Reason.MISSING_CLAIM, "token has no 'aud' claim");
            }
            boolean match = false;
            // By index: an iterator over the codec's unmodifiable list would be two objects per token.
            for (int i = 0, n = aud.size(); i < n && !match; i++) {
                match = audiences.contains(aud.get(i));
            }
            if (!match) {
                throw new JwtVerificationException(Reason.AUDIENCE_MISMATCH, "aud names none of the expected audiences "
                        + audiences);
            }
        }
        for (String name : requiredClaims) {
            if (!claims.has(name)) {
                throw new JwtVerificationException(Reason.MISSING_CLAIM, "token has no '" + name + "' claim");
            }
        }
        for (ClaimsValidator validator : validators) {
            try {
                validator.validate(header, claims);
            } catch (JwtVerificationException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new JwtVerificationException(Reason.INVALID_CLAIM, "claims validator failed: " + e.getClass().getName(), e);
            }
        }
    }

    private static long secondsBetween(Instant earlier, Instant later) {
        return Duration.between(earlier, later).getSeconds();
    }
}
