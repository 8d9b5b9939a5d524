package dev.sigil.jwt;

import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.UntrustedText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;

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
    /** An array, not a set: each {@code aud} is compared with them in place, with no String made and hashed for it. */
    private final String[] audiences;
    private final Duration clockSkew;
    private final Clock clock;
    // Arrays, not lists: a for-each over a list costs an iterator per token when the JIT does not remove it.
    private final String[] requiredClaims;
    private final boolean requireExpiration;
    private final ClaimsValidator[] validators;

    /**
     * @param issuer the expected {@code iss}, or {@code null} to accept any
     * @param audiences the accepted audiences, or {@code null} to accept any
     */
    ClaimRules(String issuer, Collection<String> audiences, Duration clockSkew, Clock clock,
            Collection<String> requiredClaims, boolean requireExpiration, Collection<ClaimsValidator> validators) {
        this.issuer = issuer;
        this.audiences = audiences == null ? null : audiences.toArray(new String[0]);
        this.clockSkew = clockSkew;
        this.clock = clock;
        this.requiredClaims = requiredClaims.toArray(new String[0]);
        this.requireExpiration = requireExpiration;
        this.validators = validators.toArray(new ClaimsValidator[0]);
    }

    /** The expected {@code iss}, or {@code null}. */
    String issuer() {
        return issuer;
    }

    /** The accepted audiences, as text for {@code toString}. */
    String audiences() {
        return Arrays.toString(audiences);
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
        if (issuer != null && !claims.issuerIs(issuer)) {
            String iss = claims.issuerOrNull();
            if (iss == null) {
                throw new JwtVerificationException(Reason.MISSING_CLAIM, "token has no 'iss' claim");
            }
            throw new JwtVerificationException(Reason.ISSUER_MISMATCH, "iss " + UntrustedText.quoted(iss)
                    + " is not the expected '" + issuer + "'");
        }
        if (audiences != null && !claims.audienceIsOneOf(audiences)) {
            if (!claims.has("aud")) {
                throw new JwtVerificationException(Reason.MISSING_CLAIM, "token has no 'aud' claim");
            }
            throw new JwtVerificationException(Reason.AUDIENCE_MISMATCH, "aud names none of the expected audiences "
                    + audiences());
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
