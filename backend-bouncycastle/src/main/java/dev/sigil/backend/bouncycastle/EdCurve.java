package dev.sigil.backend.bouncycastle;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;

/** The two EdDSA curves of RFC 8037 and their sizes. */
enum EdCurve {
    ED25519("Ed25519", 32, 64, 256, EdECObjectIdentifiers.id_Ed25519),
    ED448("Ed448", 57, 114, 456, EdECObjectIdentifiers.id_Ed448);

    private final String jwkName;
    private final int keyBytes;
    private final int signatureBytes;
    private final int sizeBits;
    private final ASN1ObjectIdentifier oid;

    EdCurve(String jwkName, int keyBytes, int signatureBytes, int sizeBits, ASN1ObjectIdentifier oid) {
        this.jwkName = jwkName;
        this.keyBytes = keyBytes;
        this.signatureBytes = signatureBytes;
        this.sizeBits = sizeBits;
        this.oid = oid;
    }

    /** The curve named {@code crv} in a JWK, or {@code null}. */
    static EdCurve fromJwkName(String crv) {
        for (EdCurve curve : values()) {
            if (curve.jwkName.equals(crv)) {
                return curve;
            }
        }
        return null;
    }

    /** The curve whose X.509 algorithm identifier (RFC 8410) is {@code oid}, or {@code null}. */
    static EdCurve fromOid(ASN1ObjectIdentifier oid) {
        for (EdCurve curve : values()) {
            if (curve.oid.equals(oid)) {
                return curve;
            }
        }
        return null;
    }

    /** {@code "Ed25519"} or {@code "Ed448"}. */
    String jwkName() {
        return jwkName;
    }

    /** 32 or 57: the length of the public key {@code x}. */
    int keyBytes() {
        return keyBytes;
    }

    /** 64 or 114. */
    int signatureBytes() {
        return signatureBytes;
    }

    /** 256 or 456, the sizes RFC 8037 keys are conventionally given. */
    int sizeBits() {
        return sizeBits;
    }
}
