package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.KeyParameters;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;

/** The two EdDSA curves of RFC 8037, by JWK name and X.509 algorithm identifier (RFC 8410). */
enum EdCurve {
    ED25519("Ed25519", EdECObjectIdentifiers.id_Ed25519),
    ED448("Ed448", EdECObjectIdentifiers.id_Ed448);

    private final String jwkName;
    /** R and S, each as long as the encoded key (RFC 8032 sections 5.1.6 and 5.2.6). */
    private final int signatureBytes;
    private final ASN1ObjectIdentifier oid;

    EdCurve(String jwkName, ASN1ObjectIdentifier oid) {
        this.jwkName = jwkName;
        this.signatureBytes = 2 * KeyParameters.Okp.keyBytes(jwkName);
        this.oid = oid;
    }

    /** The curve of {@code key}, which is always one of the two. */
    static EdCurve of(KeyParameters.Okp key) {
        return "Ed25519".equals(key.curve()) ? ED25519 : ED448;
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

    /** 64 or 114. */
    int signatureBytes() {
        return signatureBytes;
    }
}
