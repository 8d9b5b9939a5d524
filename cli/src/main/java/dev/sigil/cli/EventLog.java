package dev.sigil.cli;

import dev.sigil.jwk.DroppedKey;
import dev.sigil.jwk.JwksListener;
import dev.sigil.spi.UntrustedText;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A {@link JwksListener} that writes down what it hears, for the commands to print. Listeners may
 * be called from the cache's background thread, hence the synchronization. Each event is written
 * printable: the URIs (a discovered {@code jwks_uri}), kids and failure reasons come from the issuer.
 */
final class EventLog implements JwksListener {

    private final List<String> events = new ArrayList<>();
    private final List<DroppedKey> dropped = new ArrayList<>();
    private final Map<Integer, String> notCanonical = new HashMap<>();

    @Override
    public synchronized void fetchSucceeded(URI uri, int status, Duration duration) {
        events.add("fetched " + UntrustedText.printable(uri.toString()) + ": " + status + " in " + duration.toMillis() + " ms");
    }

    @Override
    public synchronized void fetchFailed(URI uri, String reason, Duration duration) {
        events.add("fetch failed " + UntrustedText.printable(uri.toString()) + " after " + duration.toMillis() + " ms: "
                + Printable.message(reason));
    }

    @Override
    public synchronized void keysChanged(Set<String> added, Set<String> removed) {
        events.add("keys changed: added " + kids(added) + ", removed " + kids(removed));
    }

    @Override
    public synchronized void keyDropped(DroppedKey key) {
        dropped.add(key);
        events.add("dropped key #" + key.index() + key.kid().map(kid -> " " + UntrustedText.quoted(kid)).orElse("") + ": "
                + Printable.message(key.reason()));
    }

    @Override
    public synchronized void keyNotCanonical(int index, String keyId, String detail) {
        notCanonical.put(index, detail);
        events.add("kept key #" + index + (keyId == null ? "" : " " + UntrustedText.quoted(keyId)) + " spelled loosely: "
                + Printable.message(detail));
    }

    @Override
    public synchronized void keysLoaded(int usableKeys) {
        events.add("loaded " + usableKeys + " usable key" + (usableKeys == 1 ? "" : "s"));
    }

    @Override
    public synchronized void staleKeysServed(Duration staleFor) {
        events.add("served stale keys, " + RelativeTime.amount(staleFor) + " past expiry");
    }

    private static String kids(Set<String> kids) {
        return new TreeSet<>(kids).stream().map(UntrustedText::printable).collect(Collectors.joining(", ", "[", "]"));
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** What each loosely spelled key that was kept was forgiven, by its position in the set. */
    synchronized Map<Integer, String> notCanonical() {
        return Map.copyOf(notCanonical);
    }

    synchronized List<DroppedKey> dropped() {
        return List.copyOf(dropped);
    }
}
