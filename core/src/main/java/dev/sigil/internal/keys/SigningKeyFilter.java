package dev.sigil.internal.keys;

import static dev.sigil.spi.UntrustedText.printable;
import static dev.sigil.spi.UntrustedText.quoted;

import dev.sigil.jwk.DroppedKey;
import dev.sigil.jwk.InvalidJwkException;
import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwt.CryptoPolicy;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.KeyImportException;
import dev.sigil.spi.KeyParameters;
import dev.sigil.spi.VerificationKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps the keys of a set that can verify signatures, and imports each once (ARCHITECTURE.md,
 * "Keys, discovery and the cache"): {@code use} absent or {@code sig}; {@code key_ops} absent or
 * holding {@code verify}; a supported {@code kty} and {@code crv}; no private material (and no
 * secret at all in a remote set); an {@code alg}, when present, that Sigil knows and that fits the
 * key type; public parameters that pass {@link PublicKeyCheck} (lengths, size limits, encodings,
 * values that let anyone forge) before the backend is asked for anything; an {@code x5c} leaf
 * certificate whose key passes the same checks, equals the JWK's own parameters (or supplies them)
 * and matches {@code x5t}/{@code x5t#S256}; and the backend's own validation. Every key left out is
 * returned with its reason; one bad key never takes the set down.
 */
public final class SigningKeyFilter {

    private static final Set<String> KEY_TYPES = Set.of("RSA", "EC", "OKP", "oct", "AKP");

    private final CryptoBackend backend;
    private final boolean allowSecretKeys;
    private final CryptoPolicy policy;
    private final KeyLimits limits;

    /**
     * @param backend imports and validates the keys
     * @param allowSecretKeys whether {@code oct} keys may be kept: only for sets the application
     *     configured itself, never for sets fetched from an issuer
     * @param policy the compliance regime keys must also satisfy
     * @param limits the RSA key sizes kept: verifying with a huge modulus costs time, and so does
     *     judging it, so the size is checked before anything else
     */
    public SigningKeyFilter(CryptoBackend backend, boolean allowSecretKeys, CryptoPolicy policy, KeyLimits limits) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.allowSecretKeys = allowSecretKeys;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Filters and imports the set. Never throws for a bad key: it is dropped instead. */
    public KeyIndex index(JwkSet set) {
        List<ImportedKey> kept = new ArrayList<>();
        List<DroppedKey> dropped = new ArrayList<>(set.malformedKeys());
        // Kept keys spelled loosely: a DroppedKey's shape (position, kid, printable text) serves, though
        // these keys are not dropped; they reach JwksListener.keyNotCanonical.
        List<DroppedKey> loose = new ArrayList<>();
        List<Jwk> keys = set.keys();
        // One per set: it holds the set's budget for the costlier RSA checks.
        PublicKeyCheck check = new PublicKeyCheck(limits);
        for (int i = 0; i < keys.size(); i++) {
            Jwk jwk = keys.get(i);
            try {
                kept.add(admit(jwk, check));
                String spelling = JwkParameters.toleratedSpelling(jwk);
                if (spelling != null) {
                    loose.add(new DroppedKey(set.sourcePosition(i), jwk.keyId().orElse(null), spelling));
                }
            } catch (Refused e) {
                dropped.add(new DroppedKey(set.sourcePosition(i), jwk.keyId().orElse(null), e.getMessage()));
            }
        }
        return new KeyIndex(set, kept, dropped, loose);
    }

    private ImportedKey admit(Jwk jwk, PublicKeyCheck check) throws Refused {
        String kty = jwk.keyType();
        if (jwk.use().isPresent() && !"sig".equals(jwk.use().get())) {
            throw new Refused("use is " + quoted(jwk.use().get()) + ", not 'sig'");
        }
        if (jwk.keyOperations().isPresent() && !jwk.keyOperations().get().contains("verify")) {
            throw new Refused("key_ops does not include 'verify'");
        }
        if (!KEY_TYPES.contains(kty)) {
            throw new Refused("unsupported key type " + quoted(kty));
        }
        if (jwk.hasPrivateParameters()) {
            throw new Refused("carries private key material");
        }
        if ("oct".equals(kty) && !allowSecretKeys) {
            throw new Refused("a secret (oct) key in a remote set is never used");
        }
        JwsAlgorithm alg = null;
        if (jwk.algorithm().isPresent()) {
            String name = jwk.algorithm().get();
            try {
                alg = JwsAlgorithm.fromName(name);
            } catch (IllegalArgumentException e) {
                throw new Refused("unknown alg " + quoted(name));
            }
            if (!alg.keyType().equals(kty)) {
                throw new Refused("alg " + name + " does not fit key type " + kty);
            }
        }
        // Without x5c the key's own parameters are all there is; with it, they may be left out.
        KeyParameters own = null;
        if (jwk.certificateChain().isEmpty() || hasOwnParameters(jwk)) {
            own = JwkParameters.read(jwk);
            refuseIfUnsound(own, check);
        }
        if (alg != null && alg.family() == JwsAlgorithm.Family.ML_DSA && !backend.supports(alg)) {
            throw new Refused(unoffered(alg, own));
        }
        VerificationKey key;
        byte[] thumbprint;
        try {
            KeyParameters parameters = jwk.certificateChain().isEmpty() ? own : certifiedParameters(jwk, own, check);
            // Before the import: a backend may wipe a secret's bytes once its engines hold them.
            thumbprint = Thumbprint.of(parameters, backend);
            key = backend.importKey(parameters);
        } catch (KeyImportException e) {
            // A backend's message may quote the key's own members, and any backend may have written
            // it: escaped here, once, so that a DroppedKey's reason is always printable.
            throw new Refused(printable(e.getMessage()));
        } catch (InvalidJwkException e) {
            throw new Refused(e.getMessage());
        } catch (RuntimeException e) {
            // A backend bug must cost one key, not the whole set.
            throw new Refused("crypto backend '" + backend.name() + "' failed: " + printable(e.toString()));
        }
        if (!kty.equals(key.keyType())) {
            throw new Refused("backend imported a " + key.keyType() + " key for kty " + kty);
        }
        String forbidden = policy.refusal(key);
        if (forbidden != null) {
            throw new Refused(forbidden);
        }
        if (alg != null && !KeyFit.fits(alg, key)) {
            throw new Refused("alg " + alg + " does not fit this " + describe(key) + " key");
        }
        return new ImportedKey(jwk, jwk.keyId().orElse(null), alg, key, thumbprint);
    }

    private static void refuseIfUnsound(KeyParameters parameters, PublicKeyCheck check) throws Refused {
        String unsound = check.refusal(parameters);
        if (unsound != null) {
            throw new Refused(unsound);
        }
    }

    /**
     * The key of the {@code x5c} leaf certificate, which must match the thumbprints and, where the
     * JWK has its own parameters ({@code own}, already judged), equal them; judged, ready to import.
     */
    private KeyParameters certifiedParameters(Jwk jwk, KeyParameters own, PublicKeyCheck check)
            throws KeyImportException, Refused {
        byte[] leaf = jwk.certificateChain().get(0);
        if (jwk.certificateSha1Thumbprint().isPresent()
                && !Arrays.equals(jwk.certificateSha1Thumbprint().get(), backend.digest("SHA-1", leaf))) {
            throw new Refused("x5t does not match the x5c certificate");
        }
        if (jwk.certificateSha256Thumbprint().isPresent()
                && !Arrays.equals(jwk.certificateSha256Thumbprint().get(), backend.digest("SHA-256", leaf))) {
            throw new Refused("x5t#S256 does not match the x5c certificate");
        }
        // The backend only parses the certificate; its key is judged here, as a JWK's would be.
        KeyParameters certified = Objects.requireNonNull(backend.readCertificateKey(leaf), "readCertificateKey");
        // kty is one of KEY_TYPES by now, and the certificate's is the backend's own word.
        if (!jwk.keyType().equals(certified.keyType())) {
            throw new Refused("x5c certificate holds a key of type " + certified.keyType() + ", not " + jwk.keyType());
        }
        if (jwk.curve().isPresent() && !jwk.curve().get().equals(certified.curve())) {
            throw new Refused("x5c certificate key is on " + (certified.curve() == null ? "no curve" : certified.curve())
                    + ", not " + quoted(jwk.curve().get()));
        }
        if (own == null) {
            refuseIfUnsound(certified, check);
            return certified;
        }
        // The JWK's own parameters passed the checks already; equal ones need no second look. RSA
        // numbers compare as numbers, so leading zero octets in the JWK do not matter.
        if (!own.equals(certified)) {
            throw new Refused("x5c certificate key differs from the jwk's own parameters");
        }
        return own;
    }

    private static boolean hasOwnParameters(Jwk jwk) {
        switch (jwk.keyType()) {
            case "RSA":
                return jwk.has("n") || jwk.has("e");
            case "EC":
                return jwk.has("x") || jwk.has("y");
            case "OKP":
                return jwk.has("x");
            case "AKP":
                // RFC 9964: alg and pub are required, so they are read and judged, x5c or not.
                return true;
            default:
                return true;
        }
    }

    private static String describe(VerificationKey key) {
        return key.curve() != null ? key.curve() : key.keyType() + " " + key.sizeBits() + "-bit";
    }

    /**
     * Why this backend cannot use a key for an algorithm it does not offer: in its own words when it
     * gives them, since only it knows whether its JDK, its provider or a FIPS module is the cause (a
     * FIPS deployment must not be pointed at bcprov); else where the algorithm can be had.
     */
    private String unoffered(JwsAlgorithm alg, KeyParameters own) {
        if (own != null) {
            try {
                backend.importKey(own);
            } catch (KeyImportException e) {
                return printable(e.getMessage());
            } catch (RuntimeException e) {
                // A backend bug: the reason below serves as well.
            }
        }
        return "crypto backend '" + backend.name() + "' does not offer " + alg + "; " + KeyFit.whereOffered(alg);
    }
}
