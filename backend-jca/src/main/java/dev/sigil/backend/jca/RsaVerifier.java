package dev.sigil.backend.jca;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.PSSParameterSpec;

/** RS256/384/512 (PKCS #1 v1.5) and PS256/384/512 (PSS), RFC 7518 sections 3.3 and 3.5. */
final class RsaVerifier extends AlgorithmVerifier {

    private final ThreadLocal<Signature> engines;
    /** {@code null} for PKCS #1 v1.5. */
    private final PSSParameterSpec pss;

    RsaVerifier(String signatureName, Provider provider, PSSParameterSpec pss) {
        this.engines = perThread(signatureName, provider);
        this.pss = pss;
    }

    @Override
    boolean verify(JcaKey key, byte[] data, int off, int len, byte[] signature) throws GeneralSecurityException {
        if (!(key instanceof RsaKey)) {
            return false;
        }
        RsaKey rsa = (RsaKey) key;
        if (signature.length != rsa.modulusBytes()) {
            return false;
        }
        Signature engine = engines.get();
        if (pss != null) {
            // Every time, and before init: some providers (BC-FIPS) verify RSASSA-PSS without
            // parameters by silently returning false, and some read them only at init.
            engine.setParameter(pss);
        }
        engine.initVerify(rsa.publicKey());
        engine.update(data, off, len);
        return engine.verify(signature);
    }
}
