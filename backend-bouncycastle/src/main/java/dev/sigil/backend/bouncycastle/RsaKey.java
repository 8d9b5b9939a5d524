package dev.sigil.backend.bouncycastle;

import org.bouncycastle.crypto.params.RSAKeyParameters;

/** An RSA public key, its modulus size and exponent already checked against the backend's policy. */
final class RsaKey extends BcKey {

    private final RSAKeyParameters parameters;
    private final int modulusBytes;

    RsaKey(RSAKeyParameters parameters) {
        this.parameters = parameters;
        this.modulusBytes = (parameters.getModulus().bitLength() + 7) / 8;
    }

    /** Immutable, so one instance serves every thread. */
    RSAKeyParameters parameters() {
        return parameters;
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
        return parameters.getModulus().bitLength();
    }

    @Override
    boolean sameKeyAs(BcKey other) {
        RSAKeyParameters that = ((RsaKey) other).parameters;
        return parameters.getModulus().equals(that.getModulus()) && parameters.getExponent().equals(that.getExponent());
    }

    @Override
    public String toString() {
        return "RsaKey[" + sizeBits() + " bits]";
    }
}
