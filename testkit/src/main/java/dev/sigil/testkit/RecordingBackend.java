package dev.sigil.testkit;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.KeyImportException;
import dev.sigil.spi.KeyParameters;
import dev.sigil.spi.VerificationKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The backend under test, passed through, noting the parameters of each key it is asked to build
 * (a certificate it is only asked to read). Not a stand-in: every call reaches the real backend.
 */
final class RecordingBackend implements CryptoBackend {

    private final CryptoBackend backend;
    private final List<KeyParameters> imported;
    private final List<VerificationKey> built;

    RecordingBackend(CryptoBackend backend, List<KeyParameters> imported) {
        this(backend, imported, new ArrayList<>());
    }

    /** Notes, in {@code built}, each key the backend built too. */
    RecordingBackend(CryptoBackend backend, List<KeyParameters> imported, List<VerificationKey> built) {
        this.backend = backend;
        this.imported = imported;
        this.built = built;
    }

    @Override
    public String name() {
        return backend.name();
    }

    @Override
    public int priority() {
        return backend.priority();
    }

    @Override
    public Set<JwsAlgorithm> algorithms() {
        return backend.algorithms();
    }

    @Override
    public boolean supports(JwsAlgorithm alg) {
        return backend.supports(alg);
    }

    @Override
    public VerificationKey importKey(KeyParameters parameters) throws KeyImportException {
        imported.add(parameters);
        VerificationKey key = backend.importKey(parameters);
        built.add(key);
        return key;
    }

    @Override
    public KeyParameters readCertificateKey(byte[] der) throws KeyImportException {
        return backend.readCertificateKey(der);
    }

    @Override
    public boolean verify(JwsAlgorithm alg, VerificationKey key, byte[] data, int off, int len, byte[] signature) {
        return backend.verify(alg, key, data, off, len, signature);
    }

    @Override
    public byte[] digest(String algorithm, byte[] data) {
        return backend.digest(algorithm, data);
    }
}
