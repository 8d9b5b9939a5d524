package dev.sigil.spring.boot;

import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.MultiIssuerVerifier;

/**
 * What an optional part of the starter adds to the verifier it builds, beyond the properties: the
 * metrics binding gives its listeners to the builder and watches the verifier built. A bean of this
 * type is picked up when present; the type names no optional library, so the resource-server
 * auto-configuration loads without Micrometer.
 */
interface SigilVerifierListeners {

    /** Adds nothing. */
    SigilVerifierListeners NONE = new SigilVerifierListeners() {
    };

    /**
     * Configures the builder of a single-issuer verifier whose outcomes are labelled {@code issuer}:
     * its {@code issuer-uri}, or {@code VerificationListener.ANY_ISSUER} when only a {@code jwk-set-uri} is set.
     */
    default void configure(JwtVerifier.Builder builder, String issuer) {
    }

    /** Configures the builder of a multi-issuer verifier. */
    default void configure(MultiIssuerVerifier.Builder builder) {
    }

    /** The single-issuer verifier, built. */
    default void built(JwtVerifier verifier, String issuer) {
    }

    /** The multi-issuer verifier, built. */
    default void built(MultiIssuerVerifier verifier) {
    }
}
