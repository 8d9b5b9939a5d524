package dev.sigil.jwt;

import dev.sigil.jwk.JwkSet;
import java.util.concurrent.CompletableFuture;

/**
 * Where a {@code verifyAsync} verification, which must not wait, leaves the key source's stage
 * it would have waited for. Made only on that path; the synchronous one passes {@code null}.
 */
final class KeyWait {
    CompletableFuture<JwkSet> pending;
}

