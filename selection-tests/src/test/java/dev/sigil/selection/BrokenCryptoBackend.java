package dev.sigil.selection;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.KeyParameters;
import dev.sigil.spi.VerificationKey;
import java.util.Set;

/** A provider whose constructor fails, as one with a missing native library or dependency would. */
public final class BrokenCryptoBackend implements CryptoBackend {

    public BrokenCryptoBackend() {
        throw new IllegalStateException("hardware token not present");
    }

    @Override
    public String name() {
        return "broken";
    }

    @Override
    public int priority() {
        return 1000;
    }

    @Override
    public Set<JwsAlgorithm> algorithms() {
        return Set.of();
    }

    @Override
    public VerificationKey importKey(KeyParameters parameters) {
        throw new IllegalStateException("unreachable");
    }

    @Override
    public KeyParameters readCertificateKey(byte[] der) {
        throw new IllegalStateException("unreachable");
    }

    @Override
    public boolean verify(JwsAlgorithm alg, VerificationKey key, byte[] data, int off, int len, byte[] signature) {
        return false;
    }

    @Override
    public byte[] digest(String algorithm, byte[] data) {
        return new byte[0];
    }
}
