package dev.sigil.backend.bouncycastle;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/** The hashes Sigil needs, by their JCA names, as BouncyCastle digests (no JCA provider involved). */
enum HashAlgorithm {
    SHA1("SHA-1", 20),
    SHA256("SHA-256", 32),
    SHA384("SHA-384", 48),
    SHA512("SHA-512", 64);

    private final String jcaName;
    private final int length;

    HashAlgorithm(String jcaName, int length) {
        this.jcaName = jcaName;
        this.length = length;
    }

    /** The hash called {@code jcaName} ({@code "SHA-256"}, …), or {@code null}. */
    static HashAlgorithm fromJcaName(String jcaName) {
        for (HashAlgorithm hash : values()) {
            if (hash.jcaName.equals(jcaName)) {
                return hash;
            }
        }
        return null;
    }

    /** The output length in bytes. */
    int length() {
        return length;
    }

    /** A new digest; digests are stateful and not thread-safe. */
    Digest newDigest() {
        switch (this) {
            case SHA1:
                return new SHA1Digest();
            case SHA256:
                return new SHA256Digest();
            case SHA384:
                return new SHA384Digest();
            default:
                return new SHA512Digest();
        }
    }
}
