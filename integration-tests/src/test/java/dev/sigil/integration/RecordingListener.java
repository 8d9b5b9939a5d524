package dev.sigil.integration;

import dev.sigil.jwk.DroppedKey;
import dev.sigil.jwk.JwksListener;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes down every event, in order, as short lines a test can compare. */
final class RecordingListener implements JwksListener {

    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void fetchSucceeded(URI uri, int status, Duration duration) {
        events.add("fetched " + uri.getPath() + " " + status);
    }

    @Override
    public void fetchFailed(URI uri, String reason, Duration duration) {
        events.add("failed " + uri.getPath() + ": " + reason);
    }

    @Override
    public void keysChanged(Set<String> added, Set<String> removed) {
        events.add("changed +" + added.stream().sorted().toList() + " -" + removed.stream().sorted().toList());
    }

    @Override
    public void keyDropped(DroppedKey key) {
        events.add("dropped " + key);
    }

    @Override
    public void keysLoaded(int usableKeys) {
        events.add("loaded " + usableKeys);
    }

    @Override
    public void staleKeysServed(Duration staleFor) {
        events.add("stale " + staleFor.getSeconds() + " s");
    }

    long count(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).count();
    }
}
