package dev.sigil.benchmarks;

import dev.sigil.spi.JwsAlgorithm;

/** The algorithms issue 6 measures, one realistic token each. */
enum Alg {
    RS256("SHA256withRSA"),
    PS256("RSASSA-PSS"),
    ES256("SHA256withECDSAinP1363Format"),
    /** EdDSA over an Ed25519 key, the way issuers publish it (RFC 8037, {@code alg} EdDSA). */
    EdDSA("Ed25519"),
    HS256("HmacSHA256");

    /** The JCA signature (or MAC) name, with JWS's own signature format where the JDK has one. */
    final String jcaName;

    Alg(String jcaName) {
        this.jcaName = jcaName;
    }

    JwsAlgorithm jws() {
        return JwsAlgorithm.valueOf(name());
    }

    boolean isHmac() {
        return this == HS256;
    }
}
