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
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The algorithms a backend can verify and their verifiers, indexed by {@link JwsAlgorithm#ordinal()}
 * so the hot path does one array load. Each algorithm family (RSA, RSASSA-PSS, ECDSA, EdDSA, HMAC,
 * ML-DSA) is probed the first time one of its algorithms is asked about, by a verification, a key
 * import or {@link #supports}, and {@link #algorithms()} probes every family: a verifier of RS256
 * tokens never pays for SunEC, the JCE's policy files or the EdDSA known answers (about 30 ms of
 * the 190 ms all families cost in a fresh JVM). Probing has no lock; threads that race may both
 * probe a family, and the first verifier kept for an algorithm is the one every thread uses.
 *
 * <p>A probe goes as far as it can without a real key: it creates the engine, sets PSS parameters,
 * initialises ECDSA with the curve's generator as public key, verifies RFC 8032's known answers
 * for EdDSA, keys HMAC, and for ML-DSA builds a key of each parameter set and initialises with it. A
 * provider that lists a service but cannot use it (BC-FIPS in approved-only mode has no EdDSA at
 * all) is thereby left out, whenever the family is probed.
 */
final class VerifierTable {

    /** Kept for an algorithm its family's probe found no verifier for. */
    private static final Object UNSUPPORTED = new Object();

    private final ProviderChoice providers;
    private final KeyFactories keys;
    private final Lazy<Map<String, EcCurve>> curves;
    /** By ordinal: the verifier, {@link #UNSUPPORTED}, or {@code null} before its family is probed. */
    private final AtomicReferenceArray<Object> byAlgorithm = new AtomicReferenceArray<>(JwsAlgorithm.values().length);
    private final Lazy<Set<JwsAlgorithm>> algorithms = new Lazy<>() {
        @Override
        Set<JwsAlgorithm> find() {
            return probeAll();
        }
    };

    VerifierTable(ProviderChoice providers, KeyFactories keys, Lazy<Map<String, EcCurve>> curves) {
        this.providers = providers;
        this.keys = keys;
        this.curves = curves;
    }

    /** The verifier for {@code alg}, or {@code null} if unsupported; probes its family the first time. */
    AlgorithmVerifier<?> verifier(JwsAlgorithm alg) {
        Object found = byAlgorithm.get(alg.ordinal());
        if (found == null) {
            probe(alg.family());
            found = byAlgorithm.get(alg.ordinal());
        }
        return found == UNSUPPORTED ? null : (AlgorithmVerifier<?>) found;
    }

    /** Whether {@code alg} is supported, probing its family alone. */
    boolean supports(JwsAlgorithm alg) {
        return verifier(alg) != null;
    }

    /** Whether {@code family}'s probe has run (in this thread's view); for tests. */
    boolean probed(JwsAlgorithm.Family family) {
        for (JwsAlgorithm alg : JwsAlgorithm.values()) {
            if (alg.family() == family && byAlgorithm.get(alg.ordinal()) != null) {
                return true;
            }
        }
        return false;
    }

    /** Every supported algorithm, every family probed; unmodifiable. */
    Set<JwsAlgorithm> algorithms() {
        return algorithms.get();
    }

    /** The HMAC verifiers the provider(s) support, probing the HMAC family. */
    List<HmacVerifier> hmacVerifiers() {
        List<HmacVerifier> hmac = new ArrayList<>();
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.HS256, JwsAlgorithm.HS384, JwsAlgorithm.HS512}) {
            AlgorithmVerifier<?> verifier = verifier(alg);
            if (verifier != null) {
                hmac.add((HmacVerifier) verifier);
            }
        }
        return hmac;
    }

    private Set<JwsAlgorithm> probeAll() {
        EnumSet<JwsAlgorithm> supported = EnumSet.noneOf(JwsAlgorithm.class);
        for (JwsAlgorithm alg : JwsAlgorithm.values()) {
            if (supports(alg)) {
                supported.add(alg);
            }
        }
        return Collections.unmodifiableSet(supported);
    }

    /** Probes one family and keeps what it found for each of its algorithms, unless another thread kept one first. */
    private void probe(JwsAlgorithm.Family family) {
        Map<JwsAlgorithm, AlgorithmVerifier<?>> found = new EnumMap<>(JwsAlgorithm.class);
        switch (family) {
            case RSA:
                for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.RS256, JwsAlgorithm.RS384, JwsAlgorithm.RS512}) {
                    put(found, alg, rsa(jcaHash(alg) + "withRSA", null));
                }
                break;
            case RSA_PSS:
                for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.PS256, JwsAlgorithm.PS384, JwsAlgorithm.PS512}) {
                    // RFC 7518 section 3.5: MGF1 with the same hash, salt as long as the hash, trailer 1.
                    PSSParameterSpec pss = new PSSParameterSpec(alg.hashName(), "MGF1",
                            new MGF1ParameterSpec(alg.hashName()), alg.componentLength(), 1);
                    put(found, alg, rsa("RSASSA-PSS", pss));
                }
                break;
            case ECDSA:
                // ES256K is deliberately absent: JDK 17 removed secp256k1, and a FIPS policy must refuse it.
                for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.ES256, JwsAlgorithm.ES384, JwsAlgorithm.ES512}) {
                    EcCurve curve = curves.get().get(alg.requiredCurve());
                    if (curve != null) {
                        put(found, alg, ecdsa(curve, jcaHash(alg) + "withECDSA"));
                    }
                }
                break;
            case EDDSA:
                EnginePool<KeyedSignature> ed25519 = eddsa(EdCurve.ED25519);
                EnginePool<KeyedSignature> ed448 = eddsa(EdCurve.ED448);
                if (ed25519 != null || ed448 != null) {
                    found.put(JwsAlgorithm.EdDSA, new EdDsaVerifier(null, ed25519, ed448));
                }
                if (ed25519 != null) {
                    found.put(JwsAlgorithm.Ed25519, new EdDsaVerifier(EdCurve.ED25519, ed25519, null));
                }
                if (ed448 != null) {
                    found.put(JwsAlgorithm.Ed448, new EdDsaVerifier(EdCurve.ED448, null, ed448));
                }
                break;
            case HMAC:
                for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.HS256, JwsAlgorithm.HS384, JwsAlgorithm.HS512}) {
                    put(found, alg, hmac(alg));
                }
                break;
            case ML_DSA:
                // The JDK's ML-DSA arrived in JDK 24; on 17 to 23 (and with BC-FIPS 2.1) no provider has it,
                // and the three algorithms are simply left out.
                for (MlDsaParameters set : MlDsaParameters.values()) {
                    put(found, set.algorithm(), mlDsa(set));
                }
                break;
            default:
                break;
        }
        for (JwsAlgorithm alg : JwsAlgorithm.values()) {
            if (alg.family() == family) {
                AlgorithmVerifier<?> verifier = found.get(alg);
                byAlgorithm.compareAndSet(alg.ordinal(), null, verifier == null ? UNSUPPORTED : verifier);
            }
        }
    }

    private static void put(Map<JwsAlgorithm, AlgorithmVerifier<?>> found, JwsAlgorithm alg, AlgorithmVerifier<?> verifier) {
        if (verifier != null) {
            found.put(alg, verifier);
        }
    }

    /** {@code "SHA-256"} becomes {@code "SHA256"}, as in the JCA's standard signature names. */
    private static String jcaHash(JwsAlgorithm alg) {
        return alg.hashName().replace("-", "");
    }

    private RsaVerifier rsa(String name, PSSParameterSpec pss) {
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

    private EcdsaVerifier ecdsa(EcCurve curve, String derName) {
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

    private EnginePool<KeyedSignature> eddsa(EdCurve curve) {
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
     * 60 ms in a cold JVM for the three sets, at the family's probe, for every ML-DSA key or token.
     */
    private MlDsaVerifier mlDsa(MlDsaParameters set) {
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

    private HmacVerifier hmac(JwsAlgorithm alg) {
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
