package dev.sigil.testkit;

import dev.sigil.jwt.JwtVerifier;
import dev.sigil.spi.KeyParameters;
import java.util.List;

/** What a verifier over the backend under test made of a key set: see {@link CryptoBackendContract#load}. */
final class LoadedKeys {

    final JwtVerifier verifier;
    /** Each key dropped, as {@code kid: reason}, in the set's order. */
    final List<String> dropped;
    /** The parameters the backend was asked to build keys from, in order. */
    final List<KeyParameters> imported;

    LoadedKeys(JwtVerifier verifier, List<String> dropped, List<KeyParameters> imported) {
        this.verifier = verifier;
        this.dropped = dropped;
        this.imported = imported;
    }
}
