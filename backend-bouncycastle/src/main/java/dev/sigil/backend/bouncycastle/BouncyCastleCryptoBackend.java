package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.KeyImportException;
import dev.sigil.spi.KeyParameters;
import dev.sigil.spi.VerificationKey;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.crypto.Digest;

/**
 * Sigil's {@link CryptoBackend} over BouncyCastle's lightweight API ({@code org.bouncycastle.crypto}),
 * with {@code bcpkix} to read {@code x5c} certificates.
 *
 * <h2>No JCA provider needed</h2>
 * Signatures, MACs, digests, curve arithmetic and certificate parsing all run through BouncyCastle's
 * own classes; no {@code java.security.Signature}, {@code KeyFactory}, {@code MessageDigest} or
 * {@code Mac} is involved. The backend never calls {@code Security.addProvider} and never creates a
 * {@code BouncyCastleProvider}, so it works where no JCA provider may be installed and leaves the
 * JVM's provider list as it found it. (BouncyCastle's own Miller-Rabin test of each RSA modulus is
 * skipped: Sigil's verifiers test every modulus once, in core, within a bound; verification draws no
 * randomness.)
 *
 * <h2>Defaults</h2>
 * There is nothing to configure: {@link java.util.ServiceLoader} uses the no-argument constructor,
 * and an application may pass {@code new BouncyCastleCryptoBackend()} to the verifier's builder.
 * {@link #name()} is {@code "bouncycastle"}, {@link #priority()} 200, so that it wins over the JCA
 * backend when both are present.
 *
 * <h2>Algorithms</h2>
 * RS256/384/512, PS256/384/512, ES256/384/512, ES256K (secp256k1, RFC 8812), EdDSA, Ed25519, Ed448 and
 * HS256/384/512. Keys: RSA, EC on P-256, P-384, P-521 and secp256k1 with the point validated here,
 * Ed25519 and Ed448 with the point decoded at import, and {@code oct} secrets; an HMAC secret shorter
 * than the hash never verifies (RFC 7518 section 3.2). Key sizes and the other checks that need no
 * arithmetic are the verifier's, made before this backend is asked
 * ({@code JwtVerifier.Builder.minRsaKeySize}, 2048 bits by default, and {@code maxRsaKeySize}).
 * ECDSA signatures are R || S of exactly twice the field length, with R and S in [1, n-1].
 *
 * <h2>Threads</h2>
 * Instances are immutable and thread-safe; share one. Verification takes no lock and works the same
 * on platform and virtual threads: RSA and ML-DSA signers and ECDSA digests and signers (per
 * algorithm) and keyed HMACs (per HMAC key) come from small lock-free pools owned by this instance
 * and its keys, about two per processor each, made on first need; a call that finds its pool empty
 * makes one more and drops it if the pool is full again when it is done. EdDSA verifies straight
 * from the immutable key with no engine at all.
 */
public final class BouncyCastleCryptoBackend implements CryptoBackend {

    private final VerifierTable verifiers;
    private final KeyImporter importer;
    /** Each loaded when a key first needs it: a verifier of RSA tokens never loads BouncyCastle's curve arithmetic. */
    private final EcCurves curves;

    /** The backend; used by {@link java.util.ServiceLoader}. */
    public BouncyCastleCryptoBackend() {
        this.curves = new EcCurves();
        this.verifiers = new VerifierTable();
        this.importer = new KeyImporter(curves, verifiers.hmacVerifiers());
    }

    /** {@code "bouncycastle"}. */
    @Override
    public String name() {
        return "bouncycastle";
    }

    /** 200: above the JCA backend's 100, so that this one wins when both are present. */
    @Override
    public int priority() {
        return 200;
    }

    /** Every algorithm listed in the class description; unmodifiable. */
    @Override
    public Set<JwsAlgorithm> algorithms() {
        return verifiers.algorithms();
    }

    /** Builds BouncyCastle's key parameters, checking an EC point against its curve and decoding an Edwards point. */
    @Override
    public VerificationKey importKey(KeyParameters parameters) throws KeyImportException {
        return importer.importKey(parameters);
    }

    /** Parses the certificate with BouncyCastle's ASN.1 classes; DER only, nothing after it. */
    @Override
    public KeyParameters readCertificateKey(byte[] der) throws KeyImportException {
        return importer.readCertificateKey(der);
    }

    /** Whether the curve of JWK name {@code jwkName} has been loaded; for tests. */
    boolean curveLoaded(String jwkName) {
        return curves.loaded(jwkName);
    }

    /** The engine pool a verification of {@code alg} with {@code key} uses, or {@code null}; for tests. */
    EnginePool<?> enginesFor(JwsAlgorithm alg, VerificationKey key) {
        AlgorithmVerifier<?> verifier = verifiers.verifier(alg);
        return verifier == null || !(key instanceof BcKey) ? null : verifier.enginesFor((BcKey) key);
    }

    /**
     * Returns {@code false}, never throws, for any signature that does not verify, a key not imported
     * by a {@code BouncyCastleCryptoBackend}, a key that does not fit {@code alg}, or arguments out of
     * range.
     */
    @Override
    public boolean verify(JwsAlgorithm alg, VerificationKey key, byte[] data, int off, int len, byte[] signature) {
        if (!CryptoBackend.argumentsInRange(alg, key, data, off, len, signature) || !(key instanceof BcKey)) {
            return false;
        }
        AlgorithmVerifier<?> verifier = verifiers.verifier(alg);
        if (verifier == null) {
            return false;
        }
        try {
            return verifier.verify((BcKey) key, data, off, len, signature);
        } catch (RuntimeException e) {
            // BouncyCastle signals malformed input with DataLengthException, IllegalArgumentException
            // and others, all unchecked; every one of them means "not valid".
            return false;
        }
    }

    /**
     * The same as {@link #verify(JwsAlgorithm, VerificationKey, byte[], int, int, byte[])}, the token
     * read into the buffers of the pooled engine that verifies it, so that a token costs no arrays
     * beyond BouncyCastle's own. Returns {@code false}, never throws, for a signature that is not
     * canonical base64url or a {@code dot2} that is not a dot of {@code token}, too.
     */
    @Override
    public boolean verify(JwsAlgorithm alg, VerificationKey key, String token, int dot2) {
        if (alg == null || !(key instanceof BcKey)) {
            return false;
        }
        AlgorithmVerifier<?> verifier = verifiers.verifier(alg);
        if (verifier == null) {
            return false;
        }
        try {
            return verifier.verify((BcKey) key, token, dot2);
        } catch (RuntimeException e) {
            // As for the other verify: every way BouncyCastle signals malformed input means "not valid".
            return false;
        }
    }

    /**
     * SHA-1, SHA-256, SHA-384 or SHA-512, by BouncyCastle's digests.
     *
     * @throws IllegalArgumentException for any other name
     */
    @Override
    public byte[] digest(String algorithm, byte[] data) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(data, "data");
        HashAlgorithm hash = HashAlgorithm.fromJcaName(algorithm);
        if (hash == null) {
            throw new IllegalArgumentException("digest '" + algorithm
                    + "' is not supported by the bouncycastle backend (SHA-1, SHA-256, SHA-384, SHA-512)");
        }
        Digest digest = hash.newDigest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    @Override
    public String toString() {
        return "BouncyCastleCryptoBackend[" + verifiers.algorithms() + "]";
    }
}
