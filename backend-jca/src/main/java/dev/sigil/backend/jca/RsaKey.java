package dev.sigil.backend.jca;

import java.math.BigInteger;
import java.security.PublicKey;

/** An RSA public key, its modulus size and exponent already checked against the backend's policy. */
final class RsaKey extends JcaKey {

    private final BigInteger modulus;
    private final BigInteger exponent;
    private final PublicKey publicKey;
    private final int modulusBytes;

    RsaKey(BigInteger modulus, BigInteger exponent, PublicKey publicKey) {
        this.modulus = modulus;
        this.exponent = exponent;
        this.publicKey = publicKey;
        this.modulusBytes = (modulus.bitLength() + 7) / 8;
    }

    PublicKey publicKey() {
        return publicKey;
    }

    /** The exact length of every signature under this key (RFC 8017 section 8.2.2, step 1). */
    int modulusBytes() {
        return modulusBytes;
    }

    @Override
    public String keyType() {
        return "RSA";
    }

    @Override
    public String curve() {
        return null;
    }

    @Override
    public int sizeBits() {
        return modulus.bitLength();
    }

    @Override
    boolean sameKeyAs(JcaKey other) {
        RsaKey that = (RsaKey) other;
        return modulus.equals(that.modulus) && exponent.equals(that.exponent);
    }

    @Override
    public String toString() {
        return "RsaKey[" + modulus.bitLength() + " bits]";
    }
}
