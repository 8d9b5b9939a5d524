package dev.sigil.backend.jca;

import java.security.Provider;
import java.security.Security;
import java.util.List;

/**
 * Which JCA provider serves each primitive, decided once when a backend is built so that the hot
 * path never walks the provider list.
 *
 * <p>With a configured provider, that provider alone serves signatures, key factories, MACs and
 * curve parameters: a FIPS deployment must not fall back to a non-validated provider behind the
 * user's back. Without one, each primitive goes to the first installed provider that offers it,
 * the order {@code getInstance(name)} would use.
 */
final class ProviderChoice {

    private final Provider configured;
    private final List<Provider> installed;

    private ProviderChoice(Provider configured, List<Provider> installed) {
        this.configured = configured;
        this.installed = installed;
    }

    /** Every primitive from {@code provider}, and nothing from anywhere else. */
    static ProviderChoice only(Provider provider) {
        return new ProviderChoice(provider, List.of(provider));
    }

    /** Each primitive from the first installed provider that has it, as of now. */
    static ProviderChoice installedProviders() {
        return new ProviderChoice(null, List.of(Security.getProviders()));
    }

    /** The provider for {@code type}/{@code algorithm} (aliases included), or {@code null} if none offers it. */
    Provider find(String type, String algorithm) {
        for (Provider provider : installed) {
            if (provider.getService(type, algorithm) != null) {
                return provider;
            }
        }
        return null;
    }

    /**
     * Like {@link #find}, but for primitives that carry no key-handling policy (digests for
     * thumbprints, certificate parsing): the configured provider if it offers it, else the JDK's.
     */
    Provider findOrInstalled(String type, String algorithm) {
        Provider provider = find(type, algorithm);
        if (provider != null || configured == null) {
            return provider;
        }
        for (Provider candidate : Security.getProviders()) {
            if (candidate.getService(type, algorithm) != null) {
                return candidate;
            }
        }
        return null;
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
