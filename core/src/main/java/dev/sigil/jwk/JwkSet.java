package dev.sigil.jwk;

import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;
import dev.sigil.spi.UntrustedText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON Web Key Set (RFC 7517 section 5): the keys as published, in order.
 *
 * <p>A malformed member makes only its own key malformed: such keys are kept out of
 * {@link #keys()} and listed in {@link #malformedKeys()}, so one bad key never takes the set down.
 * Whether each well-formed key is usable for verification is decided when a verifier loads the set.
 *
 * <p>Immutable and thread-safe.
 */
public final class JwkSet {

    /** The most keys a set may hold; a larger set is refused whole. */
    public static final int MAX_KEYS = 1000;

    private static final JsonCodec BUILTIN = new BuiltinJsonCodec();

    private final List<Jwk> keys;
    private final int[] positions;
    private final List<DroppedKey> malformedKeys;

    private JwkSet(List<Jwk> keys, int[] positions, List<DroppedKey> malformedKeys) {
        this.keys = keys;
        this.positions = positions;
        this.malformedKeys = malformedKeys;
    }

    /**
     * Parses a set with the built-in JSON codec.
     *
     * @param json the key set's JSON text
     * @return the set, with its well-formed keys and the entries dropped as malformed
     * @throws InvalidJwkException if the text is not JSON, not an object, has no {@code keys}
     *     array, or holds more than {@link #MAX_KEYS} keys
     */
    public static JwkSet parse(String json) {
        Objects.requireNonNull(json, "json");
        return parse(json.getBytes(StandardCharsets.UTF_8), BUILTIN);
    }

    /**
     * Parses UTF-8 bytes with the built-in JSON codec; see {@link #parse(String)}.
     *
     * @param json the key set's JSON text in UTF-8
     * @return the set, with its well-formed keys and the entries dropped as malformed
     * @throws InvalidJwkException as {@link #parse(String)} does
     */
    public static JwkSet parse(byte[] json) {
        return parse(json, BUILTIN);
    }

    /**
     * Parses UTF-8 bytes with the given codec; see {@link #parse(String)}.
     *
     * @param json the key set's JSON text in UTF-8
     * @param codec the JSON codec to parse with
     * @return the set, with its well-formed keys and the entries dropped as malformed
     * @throws InvalidJwkException as {@link #parse(String)} does
     */
    public static JwkSet parse(byte[] json, JsonCodec codec) {
        return parse(json, codec, JsonLimits.DEFAULT);
    }

    /**
     * Parses within these limits: a {@link JwksCache} derives them from its policy's body cap, so
     * that a cap above the default 1 MiB really admits a set that large.
     */
    static JwkSet parse(byte[] json, JsonCodec codec, JsonLimits limits) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(codec, "codec");
        Object root;
        try {
            root = codec.parse(json, limits);
        } catch (JsonParseException e) {
            // A codec may quote the input in its message.
            throw new InvalidJwkException("jwk set is not valid json: " + UntrustedText.printable(e.getMessage()), e);
        }
        if (!(root instanceof Map<?, ?> object)) {
            throw new InvalidJwkException("jwk set must be a json object");
        }
        if (!(object.get("keys") instanceof List<?> keys)) {
            throw new InvalidJwkException("jwk set has no 'keys' array");
        }
        return fromEntries(keys);
    }

    /**
     * {@return a set of the given keys, in order}
     *
     * @param keys the keys
     */
    public static JwkSet of(Collection<Jwk> keys) {
        Objects.requireNonNull(keys, "keys");
        if (keys.size() > MAX_KEYS) {
            throw new InvalidJwkException("jwk set holds " + keys.size() + " keys, more than " + MAX_KEYS);
        }
        List<Jwk> copy = new ArrayList<>(keys.size());
        for (Jwk key : keys) {
            copy.add(Objects.requireNonNull(key, "key"));
        }
        int[] positions = new int[copy.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        return new JwkSet(Collections.unmodifiableList(copy), positions, List.of());
    }

    /**
     * {@return a set of the given keys, in order}
     *
     * @param keys the keys
     */
    public static JwkSet of(Jwk... keys) {
        return of(Arrays.asList(keys));
    }

    private static JwkSet fromEntries(List<?> entries) {
        if (entries.size() > MAX_KEYS) {
            throw new InvalidJwkException("jwk set holds " + entries.size() + " keys, more than " + MAX_KEYS);
        }
        List<Jwk> keys = new ArrayList<>(entries.size());
        int[] positions = new int[entries.size()];
        List<DroppedKey> malformed = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Object entry = entries.get(i);
            if (!(entry instanceof Map<?, ?> members)) {
                malformed.add(new DroppedKey(i, null, "not a json object"));
                continue;
            }
            try {
                @SuppressWarnings("unchecked")
                Map<String, ?> typed = (Map<String, ?>) members;
                Jwk key = Jwk.of(typed);
                positions[keys.size()] = i;
                keys.add(key);
            } catch (InvalidJwkException e) {
                malformed.add(new DroppedKey(i, members.get("kid") instanceof String kid ? kid : null, e.getMessage()));
            }
        }
        return new JwkSet(Collections.unmodifiableList(keys), Arrays.copyOf(positions, keys.size()),
                Collections.unmodifiableList(malformed));
    }

    /** {@return the well-formed keys, in order} */
    public List<Jwk> keys() {
        return keys;
    }

    /**
     * Where {@code keys().get(keyIndex)} stood in the parsed {@code keys} array, malformed entries
     * counted: the position {@link DroppedKey#index()} reports.
     *
     * @param keyIndex an index into {@link #keys()}
     * @return the entry's index in the parsed {@code keys} array
     */
    public int sourcePosition(int keyIndex) {
        return positions[keyIndex];
    }

    /** {@return the entries of the {@code keys} array that were not well-formed keys, and why} */
    public List<DroppedKey> malformedKeys() {
        return malformedKeys;
    }

    @Override
    public String toString() {
        return "JwkSet[" + keys.size() + " keys" + (malformedKeys.isEmpty() ? "" : ", " + malformedKeys.size() + " malformed") + "]";
    }
}
