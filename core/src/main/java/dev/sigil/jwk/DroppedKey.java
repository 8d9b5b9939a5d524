package dev.sigil.jwk;

import dev.sigil.spi.UntrustedText;
import java.util.Objects;
import java.util.Optional;

/**
 * A key left out of a key set, and why: malformed, not for signing, carrying private material, of
 * an unsupported type, refused by the crypto backend, or an {@code x5c} that does not match.
 * One bad key never takes a set down; each is reported once, to the log and to the
 * {@link JwksListener}.
 *
 * @param index the key's position in the set's {@code keys} array
 * @param keyId the key's {@code kid}, or {@code null}
 * @param reason a lower-case explanation without key material, printable as it is: the key's own
 *     members it quotes (its kty, alg, use, crv) are already escaped by {@link UntrustedText}
 */
public record DroppedKey(int index, String keyId, String reason) {

    /**
     * Checks that there is a reason.
     *
     * @param index the key's position in the set's {@code keys} array
     * @param keyId the key's {@code kid}, or {@code null}
     * @param reason why the key was left out
     * @throws NullPointerException if {@code reason} is {@code null}
     */
    public DroppedKey {
        Objects.requireNonNull(reason, "reason");
    }

    /** {@return the key's {@code kid}, if it had one} */
    public Optional<String> kid() {
        return Optional.ofNullable(keyId);
    }

    @Override
    public String toString() {
        // The kid is kept raw in the record, for programs; printed, it is escaped.
        return "key #" + index + (keyId == null ? "" : " " + UntrustedText.quoted(keyId)) + ": " + reason;
    }
}
