package dev.sigil.backend.jca;

import dev.sigil.spi.JwsAlgorithm;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The algorithms a backend can verify, found once by probing its provider(s), and their
 * verifiers, indexed by {@link JwsAlgorithm#ordinal()} so the hot path does one array load.
 *
 * <p>A probe goes as far as it can without a real key: it creates the engine, sets PSS parameters,
 * initialises ECDSA with the curve's generator as public key, verifies RFC 8032's known answers
 * for EdDSA, keys HMAC, and for ML-DSA builds a key of each parameter set and initialises with it. A
 * provider that lists a service but cannot use it (BC-FIPS in approved-only mode has no EdDSA at
 * all) is thereby left out.
 */
final class VerifierTable {

    private final AlgorithmVerifier<?>[] verifiers;
    private final Set<JwsAlgorithm> algorithms;
    private final List<HmacVerifier> hmacVerifiers;

    private VerifierTable(AlgorithmVerifier<?>[] verifiers) {
        this.verifiers = verifiers;
        EnumSet<JwsAlgorithm> supported = EnumSet.noneOf(JwsAlgorithm.class);
        List<HmacVerifier> hmac = new ArrayList<>();
        for (JwsAlgorithm alg : JwsAlgorithm.values()) {
            AlgorithmVerifier<?> verifier = verifiers[alg.ordinal()];
            if (verifier != null) {
                supported.add(alg);
            }
            if (verifier instanceof HmacVerifier) {
                hmac.add((HmacVerifier) verifier);
            }
        }
        this.algorithms = Collections.unmodifiableSet(supported);
        this.hmacVerifiers = List.copyOf(hmac);
    }

    static VerifierTable probe(ProviderChoice providers, KeyFactories keys, Map<String, EcCurve> curves) {
        AlgorithmVerifier<?>[] verifiers = new AlgorithmVerifier<?>[JwsAlgorithm.values().length];
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.RS256, JwsAlgorithm.RS384, JwsAlgorithm.RS512}) {
            verifiers[alg.ordinal()] = rsa(providers, keys, jcaHash(alg) + "withRSA", null);
        }
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.PS256, JwsAlgorithm.PS384, JwsAlgorithm.PS512}) {
            // RFC 7518 section 3.5: MGF1 with the same hash, salt as long as the hash, trailer 1.
            PSSParameterSpec pss = new PSSParameterSpec(alg.hashName(), "MGF1",
                    new MGF1ParameterSpec(alg.hashName()), alg.componentLength(), 1);
            verifiers[alg.ordinal()] = rsa(providers, keys, "RSASSA-PSS", pss);
        }
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.ES256, JwsAlgorithm.ES384, JwsAlgorithm.ES512}) {
            EcCurve curve = curves.get(alg.requiredCurve());
            if (curve != null) {
                verifiers[alg.ordinal()] = ecdsa(providers, keys, curve, jcaHash(alg) + "withECDSA");
            }
        }
        // ES256K is deliberately absent: JDK 17 removed secp256k1, and a FIPS policy must refuse it.
        EnginePool<KeyedSignature> ed25519 = eddsa(providers, keys, EdCurve.ED25519);
        EnginePool<KeyedSignature> ed448 = eddsa(providers, keys, EdCurve.ED448);
        if (ed25519 != null || ed448 != null) {
            verifiers[JwsAlgorithm.EdDSA.ordinal()] = new EdDsaVerifier(null, ed25519, ed448);
        }
        if (ed25519 != null) {
            verifiers[JwsAlgorithm.Ed25519.ordinal()] = new EdDsaVerifier(EdCurve.ED25519, ed25519, null);
        }
        if (ed448 != null) {
            verifiers[JwsAlgorithm.Ed448.ordinal()] = new EdDsaVerifier(EdCurve.ED448, null, ed448);
        }
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.HS256, JwsAlgorithm.HS384, JwsAlgorithm.HS512}) {
            verifiers[alg.ordinal()] = hmac(providers, alg);
        }
        // The JDK's ML-DSA arrived in JDK 24; on 17 to 23 (and with BC-FIPS 2.1) no provider has it,
        // and the three algorithms are simply left out.
        for (MlDsaParameters set : MlDsaParameters.values()) {
            verifiers[set.algorithm().ordinal()] = mlDsa(providers, keys, set);
        }
        return new VerifierTable(verifiers);
    }

    /** The verifier for {@code alg}, or {@code null} if unsupported. */
    AlgorithmVerifier<?> verifier(JwsAlgorithm alg) {
        return verifiers[alg.ordinal()];
    }

    /** Unmodifiable. */
    Set<JwsAlgorithm> algorithms() {
        return algorithms;
    }

    List<HmacVerifier> hmacVerifiers() {
        return hmacVerifiers;
    }

    /** {@code "SHA-256"} becomes {@code "SHA256"}, as in the JCA's standard signature names. */
    private static String jcaHash(JwsAlgorithm alg) {
        return alg.hashName().replace("-", "");
    }

    private static RsaVerifier rsa(ProviderChoice providers, KeyFactories keys, String name, PSSParameterSpec pss) {
        Provider provider = providers.find("Signature", name);
        if (provider == null || !keys.hasRsa()) {
            return null;
        }
        try {
            Signature probe = Signature.getInstance(name, provider);
            if (pss != null) {
                probe.setParameter(pss);
            }
            return new RsaVerifier(name, provider, pss);
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    private static EcdsaVerifier ecdsa(ProviderChoice providers, KeyFactories keys, EcCurve curve, String derName) {
        String p1363Name = derName + "inP1363Format";
        Provider p1363 = providers.find("Signature", p1363Name);
        Provider der = providers.find("Signature", derName);
        Provider provider = p1363 != null ? p1363 : der;
        String name = p1363 != null ? p1363Name : derName;
        if (provider == null) {
            return null;
        }
        try {
            // The generator is a valid public key on every curve: enough to learn whether the
            // provider's key factory and signature accept this curve at all.
            PublicKey generator = keys.ec(curve, curve.parameters().getGenerator());
            Signature.getInstance(name, provider).initVerify(generator);
            return new EcdsaVerifier(curve.jwkName(), name, provider, p1363 != null);
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    private static EnginePool<KeyedSignature> eddsa(ProviderChoice providers, KeyFactories keys, EdCurve curve) {
        Provider provider = providers.find("Signature", curve.jwkName());
        if (provider == null) {
            return null;
        }
        try {
            Signature probe = Signature.getInstance(curve.jwkName(), provider);
            probe.initVerify(keys.ed(curve, curve.testPublicKey()));
            probe.update(new byte[0]);
            return probe.verify(curve.testSignature()) ? KeyedSignature.pool(curve.jwkName(), provider, null) : null;
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Probes as for ECDSA: a key of the set, built through the same path as an imported one, must
     * initialise the provider's {@code "ML-DSA"} signature. A provider that lists the names but
     * cannot build such a key or take it is left out. No verification: on JDK 25 one costs about
     * 60 ms in a cold JVM for the three sets, at every backend's creation, ML-DSA keys or not.
     */
    private static MlDsaVerifier mlDsa(ProviderChoice providers, KeyFactories keys, MlDsaParameters set) {
        Provider provider = providers.find("Signature", "ML-DSA");
        if (provider == null || !keys.hasMlDsa(set)) {
            return null;
        }
        try {
            // Any bytes of the right length decode to an ML-DSA public key (FIPS 204 pkDecode).
            Signature.getInstance("ML-DSA", provider).initVerify(keys.mlDsa(set, new byte[set.publicKeyBytes()]));
            return new MlDsaVerifier(set, KeyedSignature.pool("ML-DSA", provider, null));
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    private static HmacVerifier hmac(ProviderChoice providers, JwsAlgorithm alg) {
        String name = "Hmac" + jcaHash(alg);
        Provider provider = providers.find("Mac", name);
        if (provider == null) {
            return null;
        }
        try {
            // A throwaway all-zero key as long as the hash: long enough for any provider's policy.
            Mac probe = Mac.getInstance(name, provider);
            probe.init(new SecretKeySpec(new byte[alg.componentLength()], name));
            probe.doFinal();
            return new HmacVerifier(alg, name, provider);
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }
}
