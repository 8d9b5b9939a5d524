package dev.sigil.benchmarks;

import dev.sigil.spi.JwsAlgorithm;

/**
 * The algorithms issue 6 measures, one realistic token each, and the three ML-DSA parameter sets
 * (issue 15), which {@link MlDsaRows} runs on the backends that offer them.
 */
enum Alg {
    RS256("SHA256withRSA"),
    PS256("RSASSA-PSS"),
    ES256("SHA256withECDSAinP1363Format"),
    /** EdDSA over an Ed25519 key, the way issuers publish it (RFC 8037, {@code alg} EdDSA). */
    EdDSA("Ed25519"),
    HS256("HmacSHA256"),
    /** Pure ML-DSA, empty context (RFC 9964); the JDK's {@code "ML-DSA"} exists from JDK 24. */
    ML_DSA_44("ML-DSA"),
    ML_DSA_65("ML-DSA"),
    ML_DSA_87("ML-DSA");

    /** The JCA signature (or MAC) name, with JWS's own signature format where the JDK has one. */
    final String jcaName;

    Alg(String jcaName) {
        this.jcaName = jcaName;
    }

    /** By the JOSE name a benchmark's {@code alg} parameter holds: {@code "RS256"}, {@code "ML-DSA-65"}. */
    static Alg of(String joseName) {
        for (Alg alg : values()) {
            if (alg.joseName().equals(joseName)) {
                return alg;
            }
        }
        throw new IllegalArgumentException("no benchmark token for alg '" + joseName + "'");
    }

    /** As in a JOSE header: the constant's name but for ML-DSA, whose names hold hyphens. */
    String joseName() {
        return name().replace('_', '-');
    }

    JwsAlgorithm jws() {
        return JwsAlgorithm.fromName(joseName());
    }

    boolean isHmac() {
        return this == HS256;
    }

    boolean isMlDsa() {
        return this == ML_DSA_44 || this == ML_DSA_65 || this == ML_DSA_87;
    }
}
