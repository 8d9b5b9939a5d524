package dev.sigil.backend.jca;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.KeyImportException;
import dev.sigil.spi.KeyParameters;
import dev.sigil.spi.VerificationKey;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Sigil's {@link CryptoBackend} over {@code java.security} and {@code javax.crypto}.
 *
 * <h2>Defaults</h2>
 * The no-argument constructor, which {@link java.util.ServiceLoader} uses, takes each primitive from
 * the first installed JCA provider that offers it (the JDK's SunRsaSign, SunEC and SunJCE unless the
 * application installed others). {@link #name()} is {@code "jca"}, {@link #priority()} 100.
 *
 * <h2>Algorithms</h2>
 * RS256/384/512, PS256/384/512, ES256/384/512, EdDSA, Ed25519, Ed448, HS256/384/512 and ML-DSA-44/65/87
 * (RFC 9964), each only if the provider(s) can really do it: each algorithm family is probed once,
 * the first time one of its algorithms or keys is needed ({@link #supports}, a key import, a
 * verification), and {@link #algorithms()} probes them all and reports the result. A verifier that
 * lists its algorithms (say RS256 alone) thus never loads what the others need: the creation of this
 * backend itself finds no provider and probes nothing. ES256K (secp256k1) is never
 * supported. ML-DSA comes from the JDK's own provider on JDK 24 and later (pure ML-DSA, empty context,
 * found at run time); on JDK 17 to 23, and with BC-FIPS 2.1, it is absent, and an {@code AKP} key is
 * refused with a message that says which JDK or backend would verify it. Keys: RSA, EC on P-256,
 * P-384 and P-521 with the point validated here, Ed25519 and Ed448, {@code AKP} (ML-DSA), and
 * {@code oct} secrets;
 * an HMAC secret shorter than the hash never verifies (RFC 7518 section 3.2). Key sizes and the
 * other checks that need no arithmetic are the verifier's, made before this backend is asked
 * ({@code JwtVerifier.Builder.minRsaKeySize}, 2048 bits by default, and {@code maxRsaKeySize}).
 *
 * <h2>FIPS</h2>
 * To use a FIPS provider such as BouncyCastle FIPS, install or create it once and pass it, by name
 * or instance, to {@link Builder#provider}: that provider alone then serves signatures, keys, MACs
 * and curve parameters, with no fallback to the JDK's (certificate parsing and digests, which carry
 * no key policy, fall back when it lacks them). In approved-only mode BC-FIPS has no EdDSA, so
 * EdDSA, Ed25519 and Ed448 are absent from {@link #algorithms()} and OKP keys are refused; it has no
 * ML-DSA in any mode, so the ML-DSA algorithms are absent and AKP keys refused too. Never put
 * {@code bcprov} and {@code bc-fips} on one class path.
 *
 * <h2>Threads</h2>
 * Instances are immutable and thread-safe; share one per provider configuration. Verification takes
 * no lock and works the same on platform and virtual threads: signature engines (per algorithm) and
 * keyed MACs (per HMAC key) come from small lock-free pools owned by this instance and its keys, at
 * about two per processor each, made on first need; a call that finds its pool empty makes one
 * more and drops it if the pool is full again when it is done.
 */
public final class JcaCryptoBackend implements CryptoBackend {

    private final VerifierTable verifiers;
    private final KeyImporter importer;
    private final Provider provider;
    /**
     * An engine per digest a verifier asks for on every token (SHA-256 keys the verified-token
     * cache), found at its first use: each call clones it rather than looking the provider up again.
     * Never updated, so cloning it from any thread is safe.
     */
    private final Map<String, Lazy<MessageDigest>> digests;

    /** The default backend: installed providers. Used by {@link java.util.ServiceLoader}. */
    public JcaCryptoBackend() {
        this(null);
    }

    private JcaCryptoBackend(Provider provider) {
        ProviderChoice providers = provider == null ? ProviderChoice.installedProviders() : ProviderChoice.only(provider);
        Lazy<Map<String, EcCurve>> curves = new Lazy<>() {
            @Override
            Map<String, EcCurve> find() {
                return loadCurves(providers);
            }
        };
        KeyFactories keys = new KeyFactories(providers);
        this.provider = provider;
        Map<String, Lazy<MessageDigest>> found = new HashMap<>();
        for (String name : new String[] {"SHA-1", "SHA-256", "SHA-384", "SHA-512"}) {
            found.put(name, new Lazy<>() {
                @Override
                MessageDigest find() {
                    MessageDigest engine = lookUp(name);
                    return engine != null && cloneable(engine) ? engine : null;
                }
            });
        }
        this.digests = Map.copyOf(found);
        this.verifiers = new VerifierTable(providers, keys, curves);
        this.importer = new KeyImporter(providers, keys, curves, verifiers);
    }

    /** {@return a builder for a backend with a chosen provider} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code "jca"}. */
    @Override
    public String name() {
        return "jca";
    }

    /** 100: below the BouncyCastle backend's 200, so that BouncyCastle wins when both are present. */
    @Override
    public int priority() {
        return 100;
    }

    /**
     * The algorithms the provider(s) proved able to verify; unmodifiable. The first call probes every
     * algorithm family not probed yet (about 190 ms in a fresh JVM on JDK 17, most of it the JDK's
     * own class loading and initialisation); {@link #supports} probes one family only.
     */
    @Override
    public Set<JwsAlgorithm> algorithms() {
        return verifiers.algorithms();
    }

    /** Probes {@code alg}'s family alone the first time it is asked about: RSA costs about 30 ms in a fresh JVM. */
    @Override
    public boolean supports(JwsAlgorithm alg) {
        return alg != null && verifiers.supports(alg);
    }

    /** Builds the provider's key; checks an EC point against its curve itself, whatever the provider does. */
    @Override
    public VerificationKey importKey(KeyParameters parameters) throws KeyImportException {
        return importer.importKey(parameters);
    }

    /** Parses the certificate with the configured provider if it can, else with the JDK's. */
    @Override
    public KeyParameters readCertificateKey(byte[] der) throws KeyImportException {
        return importer.readCertificateKey(der);
    }

    /** Whether {@code family} has been probed; for tests. */
    boolean probed(JwsAlgorithm.Family family) {
        return verifiers.probed(family);
    }

    /** The engine pool a verification of {@code alg} with {@code key} uses, or {@code null}; for tests. */
    EnginePool<?> enginesFor(JwsAlgorithm alg, VerificationKey key) {
        AlgorithmVerifier<?> verifier = verifiers.verifier(alg);
        return verifier == null || !(key instanceof JcaKey) ? null : verifier.enginesFor((JcaKey) key);
    }

    /**
     * Returns {@code false}, never throws, for any signature that does not verify, a key not imported
     * by a {@code JcaCryptoBackend}, a key that does not fit {@code alg}, an algorithm outside
     * {@link #algorithms()}, or arguments out of range.
     */
    @Override
    public boolean verify(JwsAlgorithm alg, VerificationKey key, byte[] data, int off, int len, byte[] signature) {
        if (!CryptoBackend.argumentsInRange(alg, key, data, off, len, signature) || !(key instanceof JcaKey)) {
            return false;
        }
        AlgorithmVerifier<?> verifier = verifiers.verifier(alg);
        if (verifier == null) {
            return false;
        }
        try {
            return verifier.verify((JcaKey) key, data, off, len, signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // Providers signal malformed signatures in many ways (SignatureException, ProviderException,
            // IllegalArgumentException, BC-FIPS's own unchecked types); all of them mean "not valid".
            return false;
        }
    }

    /**
     * The same as {@link #verify(JwsAlgorithm, VerificationKey, byte[], int, int, byte[])}, the token
     * read into the buffers of the pooled engine that verifies it, so that a token costs no arrays
     * beyond the provider's own. Returns {@code false}, never throws, for a signature that is not
     * canonical base64url or a {@code dot2} that is not a dot of {@code token}, too.
     */
    @Override
    public boolean verify(JwsAlgorithm alg, VerificationKey key, String token, int dot2) {
        if (alg == null || !(key instanceof JcaKey)) {
            return false;
        }
        AlgorithmVerifier<?> verifier = verifiers.verifier(alg);
        if (verifier == null) {
            return false;
        }
        try {
            return verifier.verify((JcaKey) key, token, dot2);
        } catch (GeneralSecurityException | RuntimeException e) {
            // As for the other verify: every way a provider signals a malformed signature means "not valid".
            return false;
        }
    }

    /**
     * The digest from the configured provider if it has it, else from the installed providers.
     *
     * @throws IllegalArgumentException if no provider offers {@code algorithm}
     */
    @Override
    public byte[] digest(String algorithm, byte[] data) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(data, "data");
        Lazy<MessageDigest> kept = digests.get(algorithm);
        MessageDigest prototype = kept == null ? null : kept.get();
        MessageDigest digest;
        try {
            digest = prototype != null ? (MessageDigest) prototype.clone() : lookUp(algorithm);
        } catch (CloneNotSupportedException e) {
            // Checked when the prototype was kept; a provider that changes its mind is looked up again.
            digest = lookUp(algorithm);
        }
        if (digest == null) {
            throw new IllegalArgumentException("no provider offers digest '" + algorithm + "'");
        }
        return digest.digest(data);
    }

    /** A fresh engine from the configured provider if it has it, else from the installed ones; {@code null} if none. */
    private MessageDigest lookUp(String algorithm) {
        try {
            return provider != null && provider.getService("MessageDigest", algorithm) != null
                    ? MessageDigest.getInstance(algorithm, provider)
                    : MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }

    private static boolean cloneable(MessageDigest engine) {
        try {
            engine.clone();
            return true;
        } catch (CloneNotSupportedException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        // Not the algorithms: listing them would probe every family, which a log line must not cost.
        return "JcaCryptoBackend[" + (provider == null ? "installed providers" : provider.getName()) + "]";
    }

    private static Map<String, EcCurve> loadCurves(ProviderChoice providers) {
        Map<String, EcCurve> curves = new LinkedHashMap<>();
        Provider parameters = providers.find("AlgorithmParameters", "EC");
        if (parameters != null) {
            String[][] names = {{"P-256", "secp256r1"}, {"P-384", "secp384r1"}, {"P-521", "secp521r1"}};
            for (String[] name : names) {
                try {
                    curves.put(name[0], EcCurve.load(name[0], name[1], parameters));
                } catch (GeneralSecurityException | RuntimeException e) {
                    // The provider lacks this curve: its ES algorithm is left out and its keys refused.
                }
            }
        }
        return Collections.unmodifiableMap(curves);
    }

    /**
     * Configures a {@link JcaCryptoBackend}. Not thread-safe; {@link #build()} may be called more
     * than once and does not change the builder.
     */
    public static final class Builder {

        private String providerName;
        private Provider provider;

        private Builder() {
        }

        /**
         * Uses the installed provider of this name (such as {@code "BCFIPS"}) for everything, looked up
         * with {@link Security#getProvider(String)} by {@link #build()}. Default: none, each primitive
         * from the first installed provider that has it. Replaces an earlier {@link #provider(Provider)}.
         *
         * @param name the name of an installed JCA provider
         * @return this builder
         */
        public Builder provider(String name) {
            this.providerName = Objects.requireNonNull(name, "name");
            this.provider = null;
            return this;
        }

        /**
         * Uses this provider for everything, installed or not: the way to use BC-FIPS without
         * registering it globally. Create it once and share it (BC-FIPS runs its self-tests, about a
         * second, per instance). Replaces an earlier {@link #provider(String)}.
         *
         * @param provider the JCA provider to use, installed or not
         * @return this builder
         */
        public Builder provider(Provider provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            this.providerName = null;
            return this;
        }

        /**
         * Resolves the provider and probes it.
         *
         * @return the backend, its provider probed for the algorithms it offers
         * @throws IllegalArgumentException if {@link #provider(String)} names no installed provider
         */
        public JcaCryptoBackend build() {
            Provider chosen = provider;
            if (providerName != null) {
                chosen = Security.getProvider(providerName);
                if (chosen == null) {
                    throw new IllegalArgumentException("no security provider named '" + providerName
                            + "' is installed; install it or pass the instance to provider(Provider)");
                }
            }
            return new JcaCryptoBackend(chosen);
        }
    }
}
