package dev.sigil.internal.remote;

import dev.sigil.jwk.JwkSet;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * What a successful fetch left: the set, its raw bytes (so that an unchanged body keeps the same
 * {@link JwkSet} instance, and verifiers their imported keys), its expiry, and the validators the
 * next conditional request needs, which belong to {@code source} alone. Immutable. Not a record:
 * snapshots are compared by identity only (a record's equality would compare the body array by
 * reference anyway), and core's size budget has no room for methods nobody calls.
 */
public final class Snapshot {

    final URI source;
    private final JwkSet set;
    final byte[] body;
    private final Instant expiresAt;
    /** When a background refresh starts: the expiry less the refresh-ahead. */
    final Instant refreshAt;
    /** Echoable validators, or {@code null}. */
    final String etag;
    final String lastModified;
    private final SettledKeys settled;

    Snapshot(URI source, JwkSet set, byte[] body, Instant expiresAt, Duration refreshAhead, String etag,
            String lastModified) {
        this.source = source;
        this.set = set;
        this.body = body;
        this.expiresAt = expiresAt;
        this.refreshAt = expiresAt.minus(refreshAhead);
        this.etag = etag;
        this.lastModified = lastModified;
        this.settled = new SettledKeys(set);
    }

    /** The key set. */
    public JwkSet set() {
        return set;
    }

    /** The set as a completed stage: the same object for as long as this snapshot is current. */
    public SettledKeys settled() {
        return settled;
    }

    /** When the set stops being fresh. */
    public Instant expiresAt() {
        return expiresAt;
    }
}
