package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.KeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/** An RSA public key. */
final class RsaKey extends BcKey {

    private final RSAKeyParameters parameters;
    private final int modulusBytes;

    RsaKey(KeyParameters.Rsa rsa) {
        super(rsa);
        // "Internal": BouncyCastle skips its own modulus validation, a Miller-Rabin test costing about
        // a second per 16384-bit modulus. Sigil's verifiers check every modulus before it gets here
        // (small factors, Fermat factoring, primality), once, within a per-set budget.
        this.parameters = new RSAKeyParameters(false, rsa.modulus(), rsa.exponent(), true);
        this.modulusBytes = (rsa.sizeBits() + 7) / 8;
    }

    /** Immutable, so one instance serves every thread. */
    RSAKeyParameters parameters() {
        return parameters;
    }

    /** The exact length of every signature under this key (RFC 8017 section 8.2.2, step 1). */
    int modulusBytes() {
        return modulusBytes;
    }
}
