package dev.sigil.backend.jca;

import dev.sigil.spi.EcdsaScalars;
import java.security.GeneralSecurityException;
import java.security.Provider;

/**
 * ES256/384/512 (RFC 7518 section 3.4): the JWS signature is R || S, each exactly the curve's
 * field length. R and S are range-checked ({@link EcdsaScalars}) before any provider sees them.
 */
final class EcdsaVerifier extends AlgorithmVerifier<KeyedSignature> {

    private final String curveName;
    /** The length and range of R and S on this curve, checked before the provider sees them. */
    private final EcdsaScalars scalars;
    private final EnginePool<KeyedSignature> engines;
    /** Whether the engine takes R || S itself; otherwise it wants the DER form of RFC 3279. */
    private final boolean p1363;

    EcdsaVerifier(String curveName, String signatureName, Provider provider, boolean p1363) {
        this.curveName = curveName;
        this.scalars = EcdsaScalars.of(curveName);
        this.engines = KeyedSignature.pool(signatureName, provider, null);
        this.p1363 = p1363;
    }

    @Override
    int signatureLength(JcaKey key) {
        return key instanceof EcKey && curveName.equals(((EcKey) key).curve()) ? 2 * scalars.scalarBytes() : -1;
    }

    @Override
    EnginePool<KeyedSignature> enginesFor(JcaKey key) {
        return engines;
    }

    @Override
    boolean verify(KeyedSignature engine, JcaKey key, byte[] data, int off, int len, byte[] signature)
            throws GeneralSecurityException {
        if (!scalars.inRange(signature)) {
            return false;
        }
        // DER-only providers (BC-FIPS) need their encoding, the one allocation beyond the provider's
        // own, and throw for encodings they dislike instead of returning false; that engine is then
        // not given back, and the backend answers false.
        return engine.verify(((EcKey) key).publicKey(), data, off, len,
                p1363 ? signature : toDer(signature, scalars.scalarBytes()));
    }

    /**
     * R || S as the DER {@code SEQUENCE { INTEGER r, INTEGER s }}; both are known to be non-zero.
     * Each INTEGER is minimal, with a leading zero when its top bit is set, so it stays positive.
     */
    static byte[] toDer(byte[] signature, int half) {
        int rStart = firstNonZero(signature, 0, half);
        int sStart = firstNonZero(signature, half, 2 * half);
        int rLength = half - rStart;
        int sLength = 2 * half - sStart;
        int rPad = (signature[rStart] & 0x80) != 0 ? 1 : 0;
        int sPad = (signature[sStart] & 0x80) != 0 ? 1 : 0;
        // Each INTEGER is at most 67 bytes (P-521), so its length fits one byte; the sequence's
        // body reaches 138 bytes and then needs the long form 0x81.
        int body = 2 + rPad + rLength + 2 + sPad + sLength;
        byte[] der = new byte[(body < 128 ? 2 : 3) + body];
        int i = 0;
        der[i++] = 0x30;
        if (body >= 128) {
            der[i++] = (byte) 0x81;
        }
        der[i++] = (byte) body;
        der[i++] = 0x02;
        der[i++] = (byte) (rPad + rLength);
        i += rPad;
        System.arraycopy(signature, rStart, der, i, rLength);
        i += rLength;
        der[i++] = 0x02;
        der[i++] = (byte) (sPad + sLength);
        i += sPad;
        System.arraycopy(signature, sStart, der, i, sLength);
        return der;
    }

    private static int firstNonZero(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to - 1 && bytes[i] == 0) {
            i++;
        }
        return i;
    }
}
