package dev.sigil.integration;

import dev.sigil.jwk.DroppedKey;
import dev.sigil.jwk.JwksListener;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Writes down every event, in order, as short lines a test can compare. */
final class RecordingListener implements JwksListener {

    final List<String> events = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition added = lock.newCondition();

    @Override
    public void fetchSucceeded(URI uri, int status, Duration duration) {
        record("fetched " + uri.getPath() + " " + status);
    }

    @Override
    public void fetchFailed(URI uri, String reason, Duration duration) {
        record("failed " + uri.getPath() + ": " + reason);
    }

    @Override
    public void keysChanged(Set<String> added, Set<String> removed) {
        record("changed +" + added.stream().sorted().toList() + " -" + removed.stream().sorted().toList());
    }

    @Override
    public void keyDropped(DroppedKey key) {
        record("dropped " + key);
    }

    @Override
    public void keysLoaded(int usableKeys) {
        record("loaded " + usableKeys);
    }

    @Override
    public void staleKeysServed(Duration staleFor) {
        record("stale " + staleFor.getSeconds() + " s");
    }

    private void record(String event) {
        events.add(event);
        lock.lock();
        try {
            added.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long count(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).count();
    }

    /**
     * Waits until {@code times} events start with {@code prefix}, for work the cache does on its own
     * threads; returns whether they came within {@code timeout}.
     */
    boolean await(String prefix, int times, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (count(prefix) < times) {
                if (left <= 0) {
                    return false;
                }
                left = added.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
