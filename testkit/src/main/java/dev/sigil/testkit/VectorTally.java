package dev.sigil.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts, per vector family, what one test class ran: vectors run, passed, skipped as unsupported,
 * and how many were decided by a documented deviation from Wycheproof's label. One instance per test
 * class instance (the kits use {@code PER_CLASS} lifecycle), so counts never mix between backends.
 * Thread-safe, for JUnit's parallel mode.
 */
final class VectorTally {

    private static final class Counts {
        final boolean supported;
        final AtomicInteger run = new AtomicInteger();
        final AtomicInteger passed = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        final AtomicInteger deviations = new AtomicInteger();
        volatile String skipReason = "";
        final AtomicInteger notApplicable = new AtomicInteger();
        volatile String notApplicableReason = "";

        Counts(boolean supported) {
            this.supported = supported;
        }
    }

    private final Map<String, Counts> families = new TreeMap<>();

    /** Registers a family when its factory runs; {@code supported} says whether the backend claims its algorithm. */
    synchronized void family(String name, boolean supported) {
        families.putIfAbsent(name, new Counts(supported));
    }

    private synchronized Counts counts(String name) {
        Counts counts = families.get(name);
        if (counts == null) {
            throw new IllegalStateException("family " + name + " was not registered");
        }
        return counts;
    }

    void started(String family, boolean deviation) {
        Counts counts = counts(family);
        counts.run.incrementAndGet();
        if (deviation) {
            counts.deviations.incrementAndGet();
        }
    }

    void passed(String family) {
        counts(family).passed.incrementAndGet();
    }

    /** A vector that tests something outside JOSE, skipped whatever the backend. */
    void notApplicable(String family, String reason) {
        Counts counts = counts(family);
        counts.notApplicable.incrementAndGet();
        counts.notApplicableReason = reason;
    }

    void skipped(String family, String reason) {
        Counts counts = counts(family);
        counts.skipped.incrementAndGet();
        counts.skipReason = reason;
    }

    /** One line per family, such as {@code [jca] wycheproof ed448: 87 run, 87 passed, 0 skipped}. */
    synchronized List<String> summary(String backend, String what) {
        List<String> lines = new ArrayList<>();
        families.forEach((name, c) -> lines.add("[" + backend + "] " + what + " " + name + ": " + c.run.get() + " run, "
                + c.passed.get() + " passed, " + c.skipped.get() + " skipped"
                + (c.skipped.get() > 0 ? " (unsupported: " + c.skipReason + ")" : "")
                + (c.notApplicable.get() > 0 ? ", " + c.notApplicable.get() + " not applicable ("
                        + c.notApplicableReason + ")" : "")
                + (c.deviations.get() > 0 ? ", " + c.deviations.get() + " decided by documented policy" : "")));
        return lines;
    }

    /** Families the backend claims to support whose factory ran but that ran no vector at all. */
    synchronized List<String> supportedButEmpty() {
        List<String> empty = new ArrayList<>();
        families.forEach((name, c) -> {
            if (c.supported && c.run.get() == 0) {
                empty.add(name);
            }
        });
        return empty;
    }
}
