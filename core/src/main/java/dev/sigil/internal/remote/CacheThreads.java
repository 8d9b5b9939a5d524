package dev.sigil.internal.remote;

import dev.sigil.internal.keys.AbandonableWork;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A key cache's threads: the executor background work runs on (the application's, or the cache's
 * own, started on first need) and the fetcher threads that run fetches callers wait for. Both are
 * daemon pools whose threads die when idle, so an idle cache holds none and the JVM may exit
 * meanwhile; {@link #close()} stops them.
 */
public final class CacheThreads {

    private static final int MAX_THREADS = 4;
    private static final int MAX_QUEUED = 4096;

    private final Executor given;
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock.
    private ThreadPoolExecutor owned;
    private ThreadPoolExecutor fetcher;
    private boolean closed;

    /** @param given the application's executor for background work, or {@code null} for the cache's own */
    public CacheThreads(Executor given) {
        this.given = given;
    }

    /**
     * The executor that background work runs on: the given one, or the cache's own, whose 4 daemon
     * threads die when idle and whose queue holds at most 4,096 tasks, refusing more.
     *
     * @throws RejectedExecutionException if closed and there is no given executor
     */
    public Executor executor() {
        if (given != null) {
            return given;
        }
        lock.lock();
        try {
            if (closed) {
                throw new RejectedExecutionException("jwks cache is closed");
            }
            if (owned == null) {
                owned = daemonPool("sigil-jwks-refresh");
            }
            return owned;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The threads fetches run on: a hand-off queue, so a fetch runs now on a free thread or is refused,
     * never queued behind a transport that does not return.
     *
     * @throws RejectedExecutionException if closed
     */
    Executor fetcher() {
        lock.lock();
        try {
            if (closed) {
                throw new RejectedExecutionException("jwks cache is closed");
            }
            if (fetcher == null) {
                fetcher = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                        daemon("sigil-jwks-fetch"));
            }
            return fetcher;
        } finally {
            lock.unlock();
        }
    }

    boolean closed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the cache's own threads, if it started any. Work queued on its own executor that had not
     * started is abandoned: each {@link AbandonableWork} completes its caller's stage instead of
     * leaving it pending forever.
     */
    public void close() {
        List<Runnable> dropped = List.of();
        lock.lock();
        try {
            closed = true;
            if (owned != null) {
                dropped = owned.shutdownNow();
            }
            if (fetcher != null) {
                fetcher.shutdownNow();
            }
        } finally {
            lock.unlock();
        }
        // Outside the lock: abandoning completes callers' stages, which runs their callbacks here.
        for (Runnable work : dropped) {
            if (work instanceof AbandonableWork abandonable) {
                abandonable.abandon();
            }
        }
    }

    /**
     * The queue is bounded: each verifier bounds its own waiting verifications, but one cache may
     * serve many verifiers, and an unbounded queue behind a slow issuer grows with the traffic.
     */
    private static ThreadPoolExecutor daemonPool(String name) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(MAX_QUEUED), daemon(name));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ThreadFactory daemon(String name) {
        // A class, not a lambda: every cache makes its pools on a cold start's way to the first token.
        return new ThreadFactory() {
            @Override
            public Thread newThread(Runnable task) {
                Thread t = new Thread(task, name);
                t.setDaemon(true);
                return t;
            }
        };
    }
}
