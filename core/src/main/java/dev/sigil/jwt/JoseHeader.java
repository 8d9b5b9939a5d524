package dev.sigil.jwt;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.UntrustedText;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The protected header of a verified JWS (RFC 7515 section 4). Header parameters such as
 * {@code jwk}, {@code jku}, {@code x5u} and {@code x5c} are available through {@link #get(String)}
 * but Sigil never uses them to find a key: the token does not get to choose who vouches for it.
 *
 * <p>Immutable and thread-safe.
 */
public final class JoseHeader {

    private final Map<String, Object> members;
    private final JwsAlgorithm algorithm;
    private final String keyId;
    private final String type;

    JoseHeader(Map<String, Object> members, JwsAlgorithm algorithm, String keyId, String type) {
        this.members = members;
        this.algorithm = algorithm;
        this.keyId = keyId;
        this.type = type;
    }

    /** {@return the {@code alg} parameter: the algorithm the token was signed with, one the verifier accepts} */
    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * {@return the {@code kid} parameter, naming the signing key; empty when the header has none
     * ({@code "kid": null} is refused as malformed)}
     */
    public Optional<String> keyId() {
        return Optional.ofNullable(keyId);
    }

    /** {@code kid} or null, for the verifier's hot path. */
    String keyIdOrNull() {
        return keyId;
    }

    /**
     * {@return the {@code typ} parameter, as written; empty when the header has none ({@code "typ": null} is
     * refused as malformed)}
     */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /** {@return the {@code cty} parameter, the content type of the payload; empty when absent} */
    public Optional<String> contentType() {
        return members.get("cty") instanceof String cty ? Optional.of(cty) : Optional.empty();
    }

    /**
     * {@return any header parameter, as parsed}
     *
     * @param name a header parameter name, such as {@code "x5t"}
     */
    public Optional<Object> get(String name) {
        return Optional.ofNullable(members.get(name));
    }

    /** {@return all header parameters, unmodifiable, in their original order} */
    public Map<String, Object> asMap() {
        return members;
    }

    /** {@return the names of the parameters present} */
    public List<String> names() {
        return List.copyOf(members.keySet());
    }

    @Override
    public String toString() {
        // kid and typ come from the token: printable, so that a logged header cannot forge a line.
        return "JoseHeader[alg=" + algorithm + (keyId == null ? "" : ", kid=" + UntrustedText.printable(keyId))
                + (type == null ? "" : ", typ=" + UntrustedText.printable(type)) + "]";
    }
}
