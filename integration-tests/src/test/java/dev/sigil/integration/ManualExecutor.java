package dev.sigil.integration;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** Holds tasks until the test runs them, so background work happens exactly when the test says. */
final class ManualExecutor implements Executor {

    private final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
        notifyAll();
    }

    /** Waits until {@code count} tasks are queued, at most 10 s; work handed over by other threads. */
    synchronized void awaitPending(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (tasks.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " queued tasks, found " + tasks.size());
            }
            wait(left / 1_000_000 + 1);
        }
    }

    synchronized int pending() {
        return tasks.size();
    }

    void runAll() {
        Runnable task;
        while ((task = poll()) != null) {
            task.run();
        }
    }

    private synchronized Runnable poll() {
        return tasks.poll();
    }
}
