package dev.sigil.spi;

/**
 * A public (or, for {@code oct}, secret) key imported and validated once by a {@link CryptoBackend}.
 * Opaque to the core apart from what it needs to match keys to algorithms. Immutable and
 * thread-safe.
 *
 * <p>A key belongs to the backend that imported it: only that backend's
 * {@link CryptoBackend#verify} can use it. A verifier imports and verifies with one backend
 * throughout. To compare keys, compare the {@link KeyParameters} they were built from.
 */
public interface VerificationKey {

    /**
     * {@return the JWK key type: {@code "RSA"}, {@code "EC"}, {@code "OKP"} or {@code "oct"};
     * {@link KeyParameters#keyType()}}
     */
    String keyType();

    /**
     * {@return the JWK curve name ({@code "P-256"}, {@code "P-384"}, {@code "P-521"}, {@code "Ed25519"},
     * {@code "Ed448"}, …), or {@code null} for RSA and {@code oct} keys}
     */
    String curve();

    /**
     * The key size in bits: the RSA modulus length; for EC keys the field size (256, 384, 521); for
     * OKP keys the encoded public key's length (256 for Ed25519, 456 for Ed448); for {@code oct} keys
     * the secret's length.
     *
     * @return the key size in bits
     */
    int sizeBits();
}
