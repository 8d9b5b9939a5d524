package dev.sigil.backend.jca;

import dev.sigil.spi.JwsAlgorithm;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The three ML-DSA parameter sets of FIPS 204, with the fixed DER prefix that turns a raw public
 * key (RFC 9964's {@code pub}) into an X.509 {@code SubjectPublicKeyInfo} (RFC 9881): the
 * algorithm identifier is the set's OID, 2.16.840.1.101.3.4.3.17, .18 or .19, with parameters
 * absent, and the key is the BIT STRING's content. The JDK's key factories (JDK 24 and later)
 * take exactly this encoding from {@code X509EncodedKeySpec}, and it is what JDK 25 itself
 * encodes for a generated key.
 */
enum MlDsaParameters {
    ML_DSA_44(JwsAlgorithm.ML_DSA_44, 1312, "30820532300b06096086480165030403110382052100"),
    ML_DSA_65(JwsAlgorithm.ML_DSA_65, 1952, "308207b2300b0609608648016503040312038207a100"),
    ML_DSA_87(JwsAlgorithm.ML_DSA_87, 2592, "30820a32300b060960864801650304031303820a2100");

    private final JwsAlgorithm algorithm;
    private final int publicKeyBytes;
    // Private and never handed out, so a constant in all but type.
    private final byte[] spkiPrefix;

    MlDsaParameters(JwsAlgorithm algorithm, int publicKeyBytes, String spkiPrefix) {
        this.algorithm = algorithm;
        this.publicKeyBytes = publicKeyBytes;
        this.spkiPrefix = HexFormat.of().parseHex(spkiPrefix);
    }

    /** The set named {@code jwsName} (an AKP key's {@code alg}), or {@code null}. */
    static MlDsaParameters of(String jwsName) {
        for (MlDsaParameters set : values()) {
            if (set.jwsName().equals(jwsName)) {
                return set;
            }
        }
        return null;
    }

    /** {@code "ML-DSA-44"}, {@code "ML-DSA-65"} or {@code "ML-DSA-87"}: the JOSE name and the JCA key factory's. */
    String jwsName() {
        return algorithm.joseName();
    }

    JwsAlgorithm algorithm() {
        return algorithm;
    }

    int publicKeyBytes() {
        return publicKeyBytes;
    }

    /** 2,420, 3,309 or 4,627 (FIPS 204). */
    int signatureBytes() {
        return algorithm.mlDsaSignatureLength();
    }

    /** The X.509 SPKI encoding of the raw public key {@code pub}, which must be of this set's length. */
    byte[] toSpki(byte[] pub) {
        byte[] spki = Arrays.copyOf(spkiPrefix, spkiPrefix.length + pub.length);
        System.arraycopy(pub, 0, spki, spkiPrefix.length, pub.length);
        return spki;
    }
}
