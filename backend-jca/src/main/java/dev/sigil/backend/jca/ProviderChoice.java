package dev.sigil.backend.jca;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import javax.crypto.Mac;

/**
 * Which JCA provider serves each primitive, decided once when a backend is built so that the hot
 * path never walks the provider list.
 *
 * <p>With a configured provider, that provider alone serves signatures, key factories, MACs and
 * curve parameters: a FIPS deployment must not fall back to a non-validated provider behind the
 * user's back. Without one, each primitive goes to the first installed provider that offers it,
 * the order {@code getInstance(name)} would use, found by {@code getInstance(name)} itself: it loads
 * the installed providers one at a time until one offers the primitive, where
 * {@link Security#getProviders()} loads all of them (SunPKCS11, the XML, LDAP, SASL and smart-card
 * providers...), about 40 ms of a cold start that a verifier needs none of.
 */
final class ProviderChoice {

    private final Provider configured;

    private ProviderChoice(Provider configured) {
        this.configured = configured;
    }

    /** Every primitive from {@code provider}, and nothing from anywhere else. */
    static ProviderChoice only(Provider provider) {
        return new ProviderChoice(provider);
    }

    /** Each primitive from the first installed provider that has it. */
    static ProviderChoice installedProviders() {
        return new ProviderChoice(null);
    }

    /** The provider for {@code type}/{@code algorithm} (aliases included), or {@code null} if none offers it. */
    Provider find(String type, String algorithm) {
        if (configured != null) {
            return configured.getService(type, algorithm) != null ? configured : null;
        }
        return firstInstalled(type, algorithm);
    }

    /** The provider {@code getInstance(algorithm)} of {@code type} picks, or {@code null} if none offers it. */
    private static Provider firstInstalled(String type, String algorithm) {
        try {
            switch (type) {
                case "Signature":
                    return Signature.getInstance(algorithm).getProvider();
                case "Mac":
                    return Mac.getInstance(algorithm).getProvider();
                case "KeyFactory":
                    return KeyFactory.getInstance(algorithm).getProvider();
                case "AlgorithmParameters":
                    return AlgorithmParameters.getInstance(algorithm).getProvider();
                case "MessageDigest":
                    return MessageDigest.getInstance(algorithm).getProvider();
                case "CertificateFactory":
                    return CertificateFactory.getInstance(algorithm).getProvider();
                default:
                    for (Provider candidate : Security.getProviders()) {
                        if (candidate.getService(type, algorithm) != null) {
                            return candidate;
                        }
                    }
                    return null;
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // Not offered, or offered by a provider that cannot make one (a ProviderException).
            return null;
        }
    }

    /**
     * Like {@link #find}, but for primitives that carry no key-handling policy (digests for
     * thumbprints, certificate parsing): the configured provider if it offers it, else the JDK's.
     */
    Provider findOrInstalled(String type, String algorithm) {
        Provider provider = find(type, algorithm);
        return provider != null || configured == null ? provider : firstInstalled(type, algorithm);
    }

    /** The provider given to the builder, or {@code null} for the installed ones. */
    Provider configured() {
        return configured;
    }

    /** For messages: the configured provider's name, or a phrase for the installed ones. */
    String describe() {
        return configured == null ? "the installed providers" : "provider " + configured.getName();
    }
}
