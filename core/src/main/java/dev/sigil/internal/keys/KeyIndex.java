package dev.sigil.internal.keys;

import dev.sigil.jwk.DroppedKey;
import dev.sigil.jwk.JwkSet;
import dev.sigil.spi.JwsAlgorithm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The usable keys of one {@link JwkSet}, imported and indexed for O(1) lookup by {@code kid}.
 * Immutable; built off the hot path, read on it without locks.
 */
public final class KeyIndex {

    private static final ImportedKey[] NONE = new ImportedKey[0];

    private final JwkSet source;
    private final List<ImportedKey> keys;
    private final List<DroppedKey> dropped;
    private final List<DroppedKey> notCanonical;
    private final Map<String, ImportedKey[]> byKeyId;
    private final Map<JwsAlgorithm, ImportedKey[]> byAlgorithm;

    KeyIndex(JwkSet source, List<ImportedKey> keys, List<DroppedKey> dropped, List<DroppedKey> notCanonical) {
        this.source = source;
        this.keys = Collections.unmodifiableList(new ArrayList<>(keys));
        this.dropped = Collections.unmodifiableList(new ArrayList<>(dropped));
        this.notCanonical = Collections.unmodifiableList(new ArrayList<>(notCanonical));
        // Loops, not computeIfAbsent and forEach: each lambda costs a fresh JVM a class spun on the
        // way to its first token (issue 18's cold start).
        Map<String, List<ImportedKey>> kids = new HashMap<>();
        for (ImportedKey key : keys) {
            if (key.keyId() != null) {
                List<ImportedKey> sameKid = kids.get(key.keyId());
                if (sameKid == null) {
                    sameKid = new ArrayList<>();
                    kids.put(key.keyId(), sameKid);
                }
                sameKid.add(key);
            }
        }
        Map<String, ImportedKey[]> byKid = new HashMap<>();
        for (Map.Entry<String, List<ImportedKey>> kid : kids.entrySet()) {
            byKid.put(kid.getKey(), kid.getValue().toArray(NONE));
        }
        this.byKeyId = byKid;
        Map<JwsAlgorithm, ImportedKey[]> byAlg = new EnumMap<>(JwsAlgorithm.class);
        for (JwsAlgorithm alg : JwsAlgorithm.values()) {
            List<ImportedKey> fitting = new ArrayList<>();
            for (ImportedKey key : keys) {
                if (key.fits(alg)) {
                    fitting.add(key);
                }
            }
            byAlg.put(alg, fitting.toArray(NONE));
        }
        this.byAlgorithm = byAlg;
    }

    /** The set this index was built from. */
    public JwkSet source() {
        return source;
    }

    /** The usable keys, in the set's order. */
    public List<ImportedKey> keys() {
        return keys;
    }

    /** The keys left out, and why. */
    public List<DroppedKey> dropped() {
        return dropped;
    }

    /**
     * The usable keys whose members are spelled other than RFC 7517 asks (standard base64, padding,
     * leading zero octets in {@code n} or {@code e}), each with what was tolerated as its reason.
     */
    public List<DroppedKey> notCanonical() {
        return notCanonical;
    }

    /** The keys with this {@code kid} (usually one; a set may repeat a kid), or an empty array. */
    public ImportedKey[] withKeyId(String kid) {
        ImportedKey[] found = byKeyId.get(kid);
        return found == null ? NONE : found;
    }

    /**
     * Whether a token with this {@code kid} (or none) and {@code alg} would find, among its
     * candidates, the key material of this RFC 7638 thumbprint: false once that key has left the set,
     * or its {@code kid} now names other material.
     */
    public boolean holds(String kid, JwsAlgorithm alg, byte[] thumbprint) {
        for (ImportedKey key : kid != null ? withKeyId(kid) : fitting(alg)) {
            if (key.fits(alg) && Arrays.equals(key.thumbprint(), thumbprint)) {
                return true;
            }
        }
        return false;
    }

    /** Every key that fits {@code alg}, for tokens without a {@code kid}. */
    public ImportedKey[] fitting(JwsAlgorithm alg) {
        return byAlgorithm.get(alg);
    }
}
