package dev.sigil.internal.remote;

import dev.sigil.jwk.JwkSet;
import java.util.concurrent.CompletableFuture;

/**
 * A key set already at hand, as the completed stage a {@code KeySource} answers with. One is made
 * per set and returned on every call while the set is current, so that a verifier with its keys
 * at hand allocates nothing to ask for them. It is handed to callers that are not ours, so nothing
 * can complete it again, obtrude another set on it, or cancel it: whoever shares a source shares
 * this very object.
 */
public final class SettledKeys extends CompletableFuture<JwkSet> {

    public SettledKeys(JwkSet set) {
        super.complete(set);
    }

    @Override
    public boolean complete(JwkSet value) {
        return false;
    }

    @Override
    public boolean completeExceptionally(Throwable failure) {
        return false;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return false;
    }

    @Override
    public void obtrudeValue(JwkSet value) {
        throw new UnsupportedOperationException("a settled key set cannot be replaced");
    }

    @Override
    public void obtrudeException(Throwable failure) {
        throw new UnsupportedOperationException("a settled key set cannot be replaced");
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        // Dependent stages are ordinary futures, owned by whoever made them.
        return new CompletableFuture<>();
    }
}
