package dev.sigil.spi;

import java.util.Set;

/**
 * Signature verification, key import and digests: everything in Sigil that touches cryptography.
 *
 * <p>Keys are imported <em>once</em>, when a key set is loaded: the verifier judges the parameters
 * (sizes, encodings, values that let anyone forge), then the backend builds the key and checks what
 * needs arithmetic (point on curve). {@link #verify} is the hot path and must not look up providers,
 * allocate more than the primitive needs, lock, or log.
 *
 * <p>Implementations are immutable and thread-safe, have a public no-argument constructor (or a
 * {@code provider()} method) for {@link java.util.ServiceLoader}, and are registered under
 * {@code META-INF/services/dev.sigil.spi.CryptoBackend} and in their {@code module-info}.
 */
public interface CryptoBackend {

    /** {@return a stable, lower-case name, as used by the {@code sigil.crypto} system property: {@code "jca"}} */
    String name();

    /**
     * Chooses between several backends found by {@link java.util.ServiceLoader}: the highest wins,
     * and a tie at the top is a configuration error. Sigil's own backends use 100 and 200.
     *
     * @return this backend's rank among those found; higher is preferred
     */
    int priority();

    /** {@return the algorithms this backend can verify, as actually available from its provider(s)} */
    Set<JwsAlgorithm> algorithms();

    /**
     * Whether this backend can verify {@code alg}: {@code algorithms().contains(alg)}, the default,
     * but possibly cheaper. A verifier asks this for each algorithm it may accept rather than asking
     * for {@link #algorithms()}, so that a backend that finds out what its provider can do only
     * when asked (backend-jca probes one family of algorithms at a time) does only the work the
     * verifier's algorithms need. Must agree with {@link #algorithms()} at all times.
     *
     * @param alg an algorithm, or {@code null}
     * @return whether {@code alg} is one of {@link #algorithms()}; {@code false} for {@code null}
     */
    default boolean supports(JwsAlgorithm alg) {
        return alg != null && algorithms().contains(alg);
    }

    /**
     * Builds a verification key from public parameters that Sigil's verifiers have already judged
     * (size limits, exponents, encodings, small-order points; see {@link KeyParameters}). The backend
     * builds its native key and makes the checks that need arithmetic: an EC point must lie on its
     * curve, and an Edwards encoding must decode to a point. It applies no size policy of its own.
     *
     * @param parameters public key parameters, already judged by the verifier
     * @return the backend's key, usable only with this backend's {@link #verify}
     * @throws KeyImportException if the key is of a type, curve or algorithm this backend does not
     *     support (a {@link KeyParameters.Akp} where it offers no ML-DSA), or fails the arithmetic checks
     */
    VerificationKey importKey(KeyParameters parameters) throws KeyImportException;

    /**
     * Reads the public key of a DER-encoded X.509 certificate (the first {@code x5c} entry) as
     * parameters. The certificate's validity period, signature and chain are not checked.
     *
     * <p>This only parses: a verifier then judges the parameters itself, exactly as for a key
     * published without a certificate, and only then asks {@link #importKey} to build the key. So a
     * certificate cannot carry a key that the JWK form of the same key would not get past.
     *
     * @param der the certificate's DER encoding, as decoded from the base64 of an {@code x5c} entry
     * @return the certificate's public key as parameters, not yet judged
     * @throws KeyImportException if the certificate cannot be parsed, or holds a key of a type or
     *     curve this backend does not support, or a point it cannot decode
     */
    KeyParameters readCertificateKey(byte[] der) throws KeyImportException;

    /**
     * Verifies {@code signature} over {@code data[off, off+len)}. Returns {@code false} for any
     * signature that does not verify, including one of the wrong length, an ECDSA signature whose
     * {@code r} or {@code s} is outside {@code [1, n-1]}, or a key that does not fit {@code alg};
     * never throws for bad input.
     *
     * @param alg the algorithm named by the token's header, already allowed by the verifier
     * @param key a key this backend imported
     * @param data the signing input; only {@code [off, off+len)} is read
     * @param off where the signing input starts in {@code data}
     * @param len the signing input's length in bytes
     * @param signature the signature bytes, base64url-decoded, in the JWS encoding ({@code R || S} for ECDSA)
     * @return {@code true} only if the signature verifies with this key and algorithm
     */
    boolean verify(JwsAlgorithm alg, VerificationKey key, byte[] data, int off, int len, byte[] signature);

    /**
     * {@link #verify(JwsAlgorithm, VerificationKey, byte[], int, int, byte[]) verify} for a compact JWS
     * read from its chars: the signing input is {@code token[0, dot2)}, each char taken as its low
     * byte, and the signature is the base64url text {@code token[dot2 + 1, token.length())}. A
     * verifier calls this for every signature shorter than ML-DSA's, so that a backend can read the
     * token into buffers it keeps ({@link TokenBuffers}, one beside each pooled engine) rather than
     * into new arrays for every token.
     *
     * <p>The caller must check that the chars of the signing input are base64url and one dot, as a
     * verifier does when it decodes the header and payload: a char above U+00FF would otherwise
     * count as the byte it shares its low byte with. Returns {@code false}, never throws, for
     * everything {@link #verify(JwsAlgorithm, VerificationKey, byte[], int, int, byte[]) verify} refuses,
     * for a {@code dot2} that is not the position of a dot in {@code token}, and for a signature that
     * is not canonical base64url.
     *
     * <p>The default reads the token into new arrays and calls that {@code verify}; Sigil's backends
     * override it with their buffers.
     *
     * @param alg the algorithm named by the token's header, already allowed by the verifier
     * @param key a key this backend imported
     * @param token the compact JWS
     * @param dot2 the position of the token's second dot, which ends the signing input
     * @return {@code true} only if the signature verifies with this key and algorithm
     */
    default boolean verify(JwsAlgorithm alg, VerificationKey key, String token, int dot2) {
        TokenBuffers buffers = new TokenBuffers();
        return buffers.read(token, dot2) && verify(alg, key, buffers.input(), 0, dot2, buffers.signature());
    }

    /**
     * Whether {@link #verify}'s arguments can name a signature at all: none {@code null}, and
     * {@code [off, off+len)} inside {@code data}. An implementation returns {@code false} when they
     * cannot, before it looks at the key: one rule, here, so that no backend throws for a range a
     * caller got wrong.
     *
     * @param alg the algorithm, as given to {@link #verify}
     * @param key the key, as given to {@link #verify}
     * @param data the array holding the signing input
     * @param off where the signing input starts
     * @param len the signing input's length
     * @param signature the signature bytes
     * @return {@code true} if no argument is {@code null} and the range lies inside {@code data}
     */
    static boolean argumentsInRange(JwsAlgorithm alg, VerificationKey key, byte[] data, int off, int len, byte[] signature) {
        return alg != null && key != null && data != null && signature != null && off >= 0 && len >= 0
                && off <= data.length - len;
    }

    /**
     * A message digest by its JCA name ({@code "SHA-1"} for {@code x5t}, {@code "SHA-256"} for
     * {@code x5t#S256} and RFC 7638 thumbprints).
     *
     * @param algorithm the JCA digest name, such as {@code "SHA-256"}
     * @param data the bytes to digest
     * @return the digest
     * @throws IllegalArgumentException if the digest is not available
     */
    byte[] digest(String algorithm, byte[] data);
}
