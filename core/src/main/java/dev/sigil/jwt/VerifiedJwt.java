package dev.sigil.jwt;

/**
 * A token whose signature and claims have been verified. Only {@link JwtVerifier#verify(String)}
 * creates one, so holding a {@code VerifiedJwt} is proof of verification.
 *
 * <p>Immutable and thread-safe.
 */
public final class VerifiedJwt {

    private final JoseHeader header;
    private final JwtClaims claims;

    VerifiedJwt(JoseHeader header, JwtClaims claims) {
        this.header = header;
        this.claims = claims;
    }

    /** {@return the protected header} */
    public JoseHeader header() {
        return header;
    }

    /** {@return the claims} */
    public JwtClaims claims() {
        return claims;
    }

    @Override
    public String toString() {
        return "VerifiedJwt[" + header + ", " + claims + "]";
    }
}
