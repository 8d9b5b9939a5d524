package dev.sigil.backend.jca;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.KeyImportException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The three ML-DSA parameter sets of FIPS 204, with the fixed DER prefix that turns a raw public
 * key (RFC 9964's {@code pub}) into an X.509 {@code SubjectPublicKeyInfo} (RFC 9881): the
 * algorithm identifier is the set's OID, 2.16.840.1.101.3.4.3.17, .18 or .19, with parameters
 * absent, and the key is the BIT STRING's content. The JDK's key factories (JDK 24 and later)
 * take exactly this encoding from {@code X509EncodedKeySpec}, and it is what JDK 25 itself
 * encodes for a generated key. Certificates carry the same encoding, from which
 * {@link #ofSpki} and {@link #publicKey} read the raw key back on any JDK.
 */
enum MlDsaParameters {
    ML_DSA_44(JwsAlgorithm.ML_DSA_44, 1312, "30820532300b06096086480165030403110382052100"),
    ML_DSA_65(JwsAlgorithm.ML_DSA_65, 1952, "308207b2300b0609608648016503040312038207a100"),
    ML_DSA_87(JwsAlgorithm.ML_DSA_87, 2592, "30820a32300b060960864801650304031303820a2100");

    /** Where the OID's encoding (tag 06, length 09, nine octets) starts in every prefix, after two SEQUENCE headers. */
    private static final int OID_AT = 6;
    private static final int OID_LENGTH = 11;

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

    /**
     * The set whose OID the SubjectPublicKeyInfo {@code spki} names, whatever its parameters and
     * key, or {@code null} for any other algorithm.
     */
    static MlDsaParameters ofSpki(byte[] spki) {
        int[] outer = CertificateSpki.element(spki, 0, spki.length);
        int[] algorithm = outer == null ? null : CertificateSpki.element(spki, outer[1], outer[2]);
        if (algorithm == null || spki[0] != 0x30 || spki[outer[1]] != 0x30) {
            return null;
        }
        for (MlDsaParameters set : values()) {
            int oid = algorithm[1];
            if (algorithm[2] - oid >= OID_LENGTH
                    && Arrays.equals(spki, oid, oid + OID_LENGTH, set.spkiPrefix, OID_AT, OID_AT + OID_LENGTH)) {
                return set;
            }
        }
        return null;
    }

    /**
     * The raw public key of {@code spki}, which {@link #ofSpki} found to be of this set; what RFC
     * 9881 forbids is refused, in words of its own, since an AKP key cannot even hold a key of the
     * wrong length.
     */
    byte[] publicKey(byte[] spki) throws KeyImportException {
        int[] outer = CertificateSpki.element(spki, 0, spki.length);
        int[] algorithm = CertificateSpki.element(spki, outer[1], outer[2]);
        // RFC 9881 section 2: the parameters MUST be absent (not even NULL).
        if (algorithm[2] - algorithm[1] != OID_LENGTH) {
            throw new KeyImportException("certificate's " + jwsName() + " key has algorithm parameters, which RFC 9881 forbids");
        }
        int[] key = CertificateSpki.element(spki, algorithm[2], outer[2]);
        if (key == null || spki[algorithm[2]] != 0x03 || key[2] != outer[2] || key[2] == key[1] || spki[key[1]] != 0) {
            throw new KeyImportException("certificate's " + jwsName() + " key is not a BIT STRING of whole bytes");
        }
        int length = key[2] - key[1] - 1;
        if (length != publicKeyBytes) {
            throw new KeyImportException("certificate's " + jwsName() + " public key must be " + publicKeyBytes
                    + " bytes, got " + length);
        }
        return Arrays.copyOfRange(spki, key[1] + 1, key[2]);
    }

    /** The X.509 SPKI encoding of the raw public key {@code pub}, which must be of this set's length. */
    byte[] toSpki(byte[] pub) {
        byte[] spki = Arrays.copyOf(spkiPrefix, spkiPrefix.length + pub.length);
        System.arraycopy(pub, 0, spki, spkiPrefix.length, pub.length);
        return spki;
    }
}
