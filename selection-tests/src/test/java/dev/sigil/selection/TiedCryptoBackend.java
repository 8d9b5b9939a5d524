package dev.sigil.selection;

import dev.sigil.backend.jca.JcaCryptoBackend;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.KeyImportException;
import dev.sigil.spi.KeyParameters;
import dev.sigil.spi.VerificationKey;
import java.util.Set;

/** A real backend (the JCA one underneath) registered, in the tie execution only, at JCA's priority. */
public final class TiedCryptoBackend implements CryptoBackend {

    private final CryptoBackend delegate = new JcaCryptoBackend();

    @Override
    public String name() {
        return "tied";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Set<JwsAlgorithm> algorithms() {
        return delegate.algorithms();
    }

    @Override
    public VerificationKey importKey(KeyParameters parameters) throws KeyImportException {
        return delegate.importKey(parameters);
    }

    @Override
    public KeyParameters readCertificateKey(byte[] der) throws KeyImportException {
        return delegate.readCertificateKey(der);
    }

    @Override
    public boolean verify(JwsAlgorithm alg, VerificationKey key, byte[] data, int off, int len, byte[] signature) {
        return delegate.verify(alg, key, data, off, len, signature);
    }

    @Override
    public byte[] digest(String algorithm, byte[] data) {
        return delegate.digest(algorithm, data);
    }
}
