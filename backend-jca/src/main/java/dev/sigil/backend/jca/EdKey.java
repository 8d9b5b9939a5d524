package dev.sigil.backend.jca;

import java.security.PublicKey;
import java.util.Arrays;

/** An Ed25519 or Ed448 public key (RFC 8037). */
final class EdKey extends JcaKey {

    private final EdCurve curve;
    private final byte[] encoded;
    private final PublicKey publicKey;

    EdKey(EdCurve curve, byte[] encoded, PublicKey publicKey) {
        this.curve = curve;
        this.encoded = encoded.clone();
        this.publicKey = publicKey;
    }

    EdCurve edCurve() {
        return curve;
    }

    PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public String keyType() {
        return "OKP";
    }

    @Override
    public String curve() {
        return curve.jwkName();
    }

    @Override
    public int sizeBits() {
        return curve.sizeBits();
    }

    @Override
    boolean sameKeyAs(JcaKey other) {
        EdKey that = (EdKey) other;
        return curve == that.curve && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public String toString() {
        return "EdKey[" + curve.jwkName() + "]";
    }
}
