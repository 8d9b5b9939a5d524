package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.JwsAlgorithm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every algorithm's verifier, indexed by {@link JwsAlgorithm#ordinal()} so the hot path does one
 * array load. BouncyCastle's lightweight API is plain Java with no provider to probe: what is
 * listed here is what works.
 */
final class VerifierTable {

    private final AlgorithmVerifier<?>[] verifiers = new AlgorithmVerifier<?>[JwsAlgorithm.values().length];
    private final Set<JwsAlgorithm> algorithms;
    private final List<HmacVerifier> hmacVerifiers;

    VerifierTable() {
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.RS256, JwsAlgorithm.RS384, JwsAlgorithm.RS512}) {
            put(alg, RsaVerifier.pkcs1(hash(alg)));
        }
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.PS256, JwsAlgorithm.PS384, JwsAlgorithm.PS512}) {
            put(alg, RsaVerifier.pss(hash(alg)));
        }
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.ES256, JwsAlgorithm.ES384, JwsAlgorithm.ES512, JwsAlgorithm.ES256K}) {
            if (EcCurves.known(alg.requiredCurve())) {
                put(alg, new EcdsaVerifier(alg.requiredCurve(), hash(alg)));
            }
        }
        put(JwsAlgorithm.EdDSA, new EdDsaVerifier(null));
        put(JwsAlgorithm.Ed25519, new EdDsaVerifier(EdCurve.ED25519));
        put(JwsAlgorithm.Ed448, new EdDsaVerifier(EdCurve.ED448));
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.ML_DSA_44, JwsAlgorithm.ML_DSA_65, JwsAlgorithm.ML_DSA_87}) {
            put(alg, new MlDsaVerifier(alg));
        }
        List<HmacVerifier> hmac = new ArrayList<>();
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.HS256, JwsAlgorithm.HS384, JwsAlgorithm.HS512}) {
            HmacVerifier verifier = new HmacVerifier(alg, hash(alg));
            put(alg, verifier);
            hmac.add(verifier);
        }
        EnumSet<JwsAlgorithm> supported = EnumSet.noneOf(JwsAlgorithm.class);
        for (JwsAlgorithm alg : JwsAlgorithm.values()) {
            if (verifiers[alg.ordinal()] != null) {
                supported.add(alg);
            }
        }
        this.algorithms = Collections.unmodifiableSet(supported);
        this.hmacVerifiers = List.copyOf(hmac);
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

    private void put(JwsAlgorithm alg, AlgorithmVerifier<?> verifier) {
        verifiers[alg.ordinal()] = verifier;
    }

    private static HashAlgorithm hash(JwsAlgorithm alg) {
        return HashAlgorithm.fromJcaName(alg.hashName());
    }
}
